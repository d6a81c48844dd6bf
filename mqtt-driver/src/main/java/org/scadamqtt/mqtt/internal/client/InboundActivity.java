package org.scadamqtt.mqtt.internal.client;

/**
 * When bytes last arrived from the broker on a line's socket. The socket factory updates it on
 * every read that returns data; the ping watchdog reads it ("nothing arrived for Ping Interval").
 */
public final class InboundActivity {

    private volatile long lastReadNanos = System.nanoTime();

    /** Bytes arrived now. */
    public void touch() {
        lastReadNanos = System.nanoTime();
    }

    /** {@link System#nanoTime()} of the last arrival (or of the last {@link #touch()}). */
    public long lastReadNanos() {
        return lastReadNanos;
    }
}
