package org.scadamqtt.mqtt.profile;

/** A tag address that a profile recognises but that is wrong; the message says why and how to fix it. */
public final class AddressException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public AddressException(String message) {
        super(message);
    }
}
