package org.scadamqtt.tag.convert;

/**
 * The outcome of converting one value to a tag type: either the typed value or a sentence
 * saying why it does not convert. Returned instead of thrown, because a bad value in a message
 * is ordinary input, not a program error.
 *
 * @param value the converted value (an instance of the tag type's Java type), or null on failure
 * @param error why the value does not convert, or null on success
 */
public record Conversion(Object value, String error) {

    /** A successful conversion. */
    public static Conversion ok(Object value) {
        return new Conversion(value, null);
    }

    /** A failed conversion with a sentence for the operator. */
    public static Conversion failed(String error) {
        return new Conversion(null, error);
    }

    /** Whether the value converted. */
    public boolean isOk() {
        return error == null;
    }
}
