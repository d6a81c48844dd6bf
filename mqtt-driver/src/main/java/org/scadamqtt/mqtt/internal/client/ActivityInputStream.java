package org.scadamqtt.mqtt.internal.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * Reports every successful read to an {@link InboundActivity} and knows whether its reader is
 * waiting for the rest of a packet it has started to receive (Reply Timeout, "only part of a
 * message read"). Sits under the buffer, so it runs once per fill, and a read here means the
 * buffer is empty: the reader really waits for the network, not for our own slow processing.
 */
final class ActivityInputStream extends FilterInputStream {

    private final InboundActivity activity;
    private final PacketBoundaries packets = new PacketBoundaries();
    /** {@link System#nanoTime()} when the reader began waiting for bytes; 0: it is not waiting. */
    private volatile long waitingSince;
    private volatile boolean insidePacket;

    ActivityInputStream(InputStream in, InboundActivity activity) {
        super(in);
        this.activity = activity;
        activity.attach(this);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (waitingSince == 0) {
            waitingSince = System.nanoTime() | 1; // never 0
        }
        int n;
        try {
            n = in.read(b, off, len);
        } catch (SocketTimeoutException e) {
            // Paho reads with a 1 s socket timeout and reads again at once: still the same wait
            throw e;
        } catch (IOException | RuntimeException e) {
            waitingSince = 0;
            throw e;
        }
        waitingSince = 0;
        if (n > 0) {
            insidePacket = packets.feed(b, off, n);
            activity.touch();
        }
        return n;
    }

    /**
     * Nanoseconds the reader has been waiting for the rest of a started packet at {@code now}; 0 when
     * the bytes so far end on a packet boundary or nobody is reading.
     */
    long stalledInPacketNanos(long now) {
        long since = waitingSince;
        return insidePacket && since != 0 ? Math.max(0, now - since) : 0;
    }
}
