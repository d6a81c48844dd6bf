package org.scadamqtt.host;

/** The host cannot do what was asked; carries the exit code and a sentence for the operator. */
public class HostException extends Exception {

    private final int exitCode;

    public HostException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public HostException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    /** One of {@link ExitCodes}. */
    public int exitCode() {
        return exitCode;
    }
}
