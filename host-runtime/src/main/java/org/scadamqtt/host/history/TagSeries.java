package org.scadamqtt.host.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.scadamqtt.host.tags.HistoryPoint;
import org.scadamqtt.tag.Quality;

/**
 * One tag's history in memory: a ring of at most {@code capacity} points (17 bytes each, arrays
 * grown on demand), numbered from 1 on; it remembers which points are not on disk yet.
 */
final class TagSeries {

    private final int capacity;
    private long[] times = new long[16];
    private double[] values = new double[16];
    private byte[] qualities = new byte[16];
    /** Number of the newest point; point {@code n} is at index {@code n % arrays' length} once full. */
    private long lastSeq;
    private long flushedSeq;
    private int size;

    TagSeries(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a history keeps at least 2 points per tag, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * A series holding what a file held (the newest {@code capacity} points), numbered so that
     * the newest is {@code lastSeq}; {@code onDisk} false leaves them all to be written.
     */
    static TagSeries restored(int capacity, List<HistoryPoint> points, long lastSeq, boolean onDisk) {
        TagSeries s = new TagSeries(capacity);
        int skip = Math.max(0, points.size() - capacity);
        s.lastSeq = lastSeq - (points.size() - skip);
        for (HistoryPoint p : points.subList(skip, points.size())) {
            s.add(p);
        }
        s.flushedSeq = onDisk ? s.lastSeq : s.lastSeq - s.size;
        return s;
    }

    int capacity() {
        return capacity;
    }

    synchronized int size() {
        return size;
    }

    /**
     * Adds a point. One equal to the newest (same time, value and quality) is not added again, and
     * a point without value (a gap) only after a value: the start and a long outage are one gap.
     */
    synchronized void add(HistoryPoint p) {
        boolean gap = Double.isNaN(p.value());
        if (size == 0 ? gap : point(index(lastSeq)).equals(p) || gap && Double.isNaN(values[index(lastSeq)])) {
            return;
        }
        if (size == times.length && size < capacity) {
            grow();
        }
        lastSeq++;
        int i = index(lastSeq);
        times[i] = p.time().toEpochMilli();
        values[i] = p.value();
        qualities[i] = (byte) p.quality().ordinal();
        size = Math.min(size + 1, capacity);
    }

    /**
     * The points from {@code from} to {@code to} (either null: unbounded), oldest first, at most
     * the newest {@code last} of them.
     */
    synchronized List<HistoryPoint> points(Instant from, Instant to, int last) {
        long lo = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long hi = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        List<HistoryPoint> out = new ArrayList<>();
        for (long seq = lastSeq; seq > lastSeq - size && out.size() < last; seq--) {
            int i = index(seq);
            if (times[i] >= lo && times[i] <= hi) {
                out.add(point(i));
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** A point not on disk yet, with its number. */
    record Numbered(long seq, HistoryPoint point) {
    }

    /** The points added since the last call (at most the ring's worth), oldest first; marks them written. */
    synchronized List<Numbered> takeUnwritten() {
        long first = Math.max(flushedSeq + 1, lastSeq - size + 1);
        List<Numbered> out = new ArrayList<>((int) Math.max(0, lastSeq - first + 1));
        for (long seq = first; seq <= lastSeq; seq++) {
            out.add(new Numbered(seq, point(index(seq))));
        }
        flushedSeq = lastSeq;
        return out;
    }

    private HistoryPoint point(int i) {
        return new HistoryPoint(Instant.ofEpochMilli(times[i]), values[i], Quality.values()[qualities[i]]);
    }

    private int index(long seq) {
        return (int) (seq % times.length);
    }

    /** Doubles the arrays (up to capacity), keeping each point at its new index. */
    private void grow() {
        int length = (int) Math.min(capacity, (long) times.length * 2);
        long[] t = new long[length];
        double[] v = new double[length];
        byte[] q = new byte[length];
        for (long seq = lastSeq - size + 1; seq <= lastSeq; seq++) {
            int from = index(seq);
            int to = (int) (seq % length);
            t[to] = times[from];
            v[to] = values[from];
            q[to] = qualities[from];
        }
        times = t;
        values = v;
        qualities = q;
    }
}
