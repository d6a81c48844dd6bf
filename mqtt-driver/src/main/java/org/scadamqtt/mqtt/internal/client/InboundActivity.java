package org.scadamqtt.mqtt.internal.client;

/**
 * When bytes last arrived from the broker on a line's socket, and whether the socket's reader is
 * stuck inside a partly received packet. The socket factory updates it on every read that returns
 * data; the ping watchdog and the partial-packet check of {@link Liveness} read it.
 */
public final class InboundActivity {

    private volatile long lastReadNanos = System.nanoTime();
    /** The input of the newest socket: the one of the connection in use or being tried. */
    private volatile ActivityInputStream stream;

    /** Bytes arrived now. */
    public void touch() {
        lastReadNanos = System.nanoTime();
    }

    /** {@link System#nanoTime()} of the last arrival (or of the last {@link #touch()}). */
    public long lastReadNanos() {
        return lastReadNanos;
    }

    /** A new socket's input: from now on it is the one watched. */
    void attach(ActivityInputStream s) {
        stream = s;
    }

    /** How long the newest socket's reader has waited for the rest of a started packet; 0 when it does not. */
    long stalledInPacketNanos(long now) {
        ActivityInputStream s = stream;
        return s == null ? 0 : s.stalledInPacketNanos(now);
    }
}
