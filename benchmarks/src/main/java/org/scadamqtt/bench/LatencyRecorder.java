package org.scadamqtt.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixed-size, lock-free store of latency samples in nanoseconds; extra samples are dropped and counted. */
public final class LatencyRecorder {

    private final long[] samples;
    private final long fromNanos;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param capacity  most samples kept
     * @param fromNanos messages sent (System.nanoTime) before this are warm-up and not recorded
     */
    public LatencyRecorder(int capacity, long fromNanos) {
        this.samples = new long[capacity];
        this.fromNanos = fromNanos;
    }

    /** Records one message sent at {@code sentNanos} and received at {@code nowNanos}. Runs on any driver thread. */
    public void record(long sentNanos, long nowNanos) {
        if (sentNanos - fromNanos < 0) {
            return;
        }
        long nanos = nowNanos - sentNanos;
        int i = next.getAndIncrement();
        if (i < samples.length) {
            samples[i] = nanos;
        }
    }

    public int count() {
        return Math.min(next.get(), samples.length);
    }

    /** Sorted copy of the samples so far. */
    public long[] sorted() {
        long[] copy = Arrays.copyOf(samples, count());
        Arrays.sort(copy);
        return copy;
    }

    /** The {@code q} quantile (0..1) of sorted samples, nearest rank; 0 when empty. */
    public static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
