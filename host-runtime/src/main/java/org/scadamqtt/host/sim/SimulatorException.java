package org.scadamqtt.host.sim;

/** The simulator could not start; the message says why. */
public class SimulatorException extends Exception {
    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }

    public SimulatorException(String message) {
        super(message);
    }
}
