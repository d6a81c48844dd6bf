package org.scadamqtt.host.broker;

/** The embedded broker could not start; the message says why and what to do. */
public class BrokerException extends Exception {
    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }

    public BrokerException(String message) {
        super(message);
    }
}
