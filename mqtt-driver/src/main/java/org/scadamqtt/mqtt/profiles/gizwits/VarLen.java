package org.scadamqtt.mqtt.profiles.gizwits;

import java.io.ByteArrayOutputStream;

/**
 * The Gizwits "Variable Len": 1 to 4 bytes, 7 bits each, least significant group first, 0x80 =
 * another byte follows; exactly MQTT's remaining length (127 = 7f, 128 = 80 01, 16384 = 80 80 01).
 */
final class VarLen {

    /** The largest value four bytes hold. */
    static final int MAX = 268_435_455;

    /**
     * A read length.
     *
     * @param value the length; -1 when it could not be read
     * @param size  bytes it took
     * @param error why it could not be read, naming the byte offset; null when it could
     */
    record Read(int value, int size, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private VarLen() {
    }

    /** Reads a length starting at {@code offset}; never throws. */
    static Read read(byte[] b, int offset) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int at = offset + i;
            if (at >= b.length) {
                return new Read(-1, i, "the frame ends at byte " + at + ", inside the length that starts at byte "
                        + offset);
            }
            value |= (b[at] & 0x7f) << (7 * i);
            if ((b[at] & 0x80) == 0) {
                return new Read(value, i + 1, null);
            }
        }
        return new Read(-1, 4, "the length at bytes " + offset + "-" + (offset + 3) + " does not end within 4 bytes "
                + "(each has the continuation bit 0x80)");
    }

    /** Encodes a length of 0 to {@link #MAX}. */
    static byte[] encode(int value) {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("a Gizwits length is 0 to " + MAX + ", not " + value);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4);
        int v = value;
        do {
            int digit = v & 0x7f;
            v >>>= 7;
            out.write(v > 0 ? digit | 0x80 : digit);
        } while (v > 0);
        return out.toByteArray();
    }
}
