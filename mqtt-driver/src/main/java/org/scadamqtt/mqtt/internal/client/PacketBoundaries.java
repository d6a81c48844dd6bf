package org.scadamqtt.mqtt.internal.client;

/**
 * Follows MQTT packet boundaries in the bytes arriving from the broker, from the fixed headers only
 * (type byte, remaining length, then that many bytes skipped): enough to tell whether the bytes
 * read so far end inside a packet. Costs a few steps per packet whatever its size. On bytes that are
 * not MQTT (a WebSocket stream, a remaining length over four bytes) it gives up and answers
 * "not inside a packet" from then on. Not thread-safe (the socket's reader thread only).
 */
final class PacketBoundaries {

    private enum State { TYPE, LENGTH, BODY, LOST }

    private State state = State.TYPE;
    private long remaining;
    private long multiplier;
    private int lengthBytes;

    /** Feeds {@code n} bytes from {@code b[off]}; returns whether they end inside a packet. */
    boolean feed(byte[] b, int off, int n) {
        int i = off;
        int end = off + n;
        while (i < end && state != State.LOST) {
            switch (state) {
                case TYPE -> {
                    i++;
                    state = State.LENGTH;
                    remaining = 0;
                    multiplier = 1;
                    lengthBytes = 0;
                }
                case LENGTH -> {
                    int v = b[i++] & 0xFF;
                    remaining += (v & 0x7F) * multiplier;
                    multiplier *= 128;
                    lengthBytes++;
                    if ((v & 0x80) == 0) {
                        state = remaining == 0 ? State.TYPE : State.BODY;
                    } else if (lengthBytes == 4) {
                        state = State.LOST; // not MQTT 3.1.1: Paho will refuse it itself
                    }
                }
                case BODY -> {
                    long take = Math.min(remaining, end - i);
                    i += (int) take;
                    remaining -= take;
                    if (remaining == 0) {
                        state = State.TYPE;
                    }
                }
                case LOST -> { }
            }
        }
        return insidePacket();
    }

    /** Whether the bytes fed so far end inside a packet. */
    boolean insidePacket() {
        return state == State.LENGTH || state == State.BODY;
    }
}
