package org.scadamqtt.host;

/**
 * Exit codes of {@code scada-host}; part of the public interface (scripts depend on them).
 * A host stopped by SIGTERM or Ctrl-C shuts down cleanly and exits with the JVM's code for the
 * signal: 143 (SIGTERM) or 130 (SIGINT).
 */
public final class ExitCodes {

    private ExitCodes() {
    }

    /** Success: {@code validate} found no problem; a command finished normally. */
    public static final int OK = 0;
    /** The configuration has problems (each printed with file:line:column). */
    public static final int CONFIG_INVALID = 1;
    /** Wrong command line: unknown option, missing argument (picocli's usage error code). */
    public static final int USAGE = 2;
    /**
     * The host could not start: a plugin could not be loaded or two drivers claim one protocol,
     * the embedded broker or web console port is taken, the data folder is not writable, the
     * simulator cannot reach its broker.
     */
    public static final int STARTUP_FAILED = 3;
    /** An unexpected internal error (a bug: please report it with the log). */
    public static final int INTERNAL_ERROR = 4;
    /** Stopped by Ctrl-C (SIGINT, 128 + 2) after a clean shutdown; set by the JVM, listed for scripts. */
    public static final int STOPPED_BY_SIGINT = 130;
    /** Stopped by SIGTERM (128 + 15) after a clean shutdown; set by the JVM, listed for scripts. */
    public static final int STOPPED_BY_SIGTERM = 143;
}
