package org.scadamqtt.mqtt.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.scadamqtt.driver.LineCounters;

/** Thread-safe counters of one line; the session and the pipeline both add to them. */
public final class LineStatistics {

    private record LastError(String message, Instant time) {
    }

    private final LongAdder connects = new LongAdder();
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder unrouted = new LongAdder();
    private final LongAdder badPayloads = new LongAdder();
    private final java.util.concurrent.ConcurrentHashMap<String, LongAdder> named =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicReference<LastError> lastError = new AtomicReference<>(new LastError("", null));

    public void connected() {
        connects.increment();
    }

    public void received(int bytes) {
        messagesIn.increment();
        bytesIn.add(bytes);
    }

    public void sent(int bytes) {
        messagesOut.increment();
        bytesOut.add(bytes);
    }

    public void unrouted() {
        unrouted.increment();
    }

    public void badPayload(String message, Instant time) {
        badPayloads.increment();
        error(message, time);
    }

    public void error(String message, Instant time) {
        errors.increment();
        lastError.set(new LastError(message, time));
    }

    /** Adds one to a named counter (a payload profile's). */
    public void count(String name) {
        named.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    /** The value of a named counter; 0 when never counted. */
    public long named(String name) {
        LongAdder a = named.get(name);
        return a == null ? 0 : a.sum();
    }

    public LineCounters snapshot() {
        LastError e = lastError.get();
        return new LineCounters(connects.sum(), messagesIn.sum(), messagesOut.sum(), bytesIn.sum(), bytesOut.sum(),
                errors.sum(), unrouted.sum(), badPayloads.sum(), e.message(), e.time(), namedSnapshot());
    }

    private java.util.Map<String, Long> namedSnapshot() {
        java.util.Map<String, Long> m = new java.util.TreeMap<>();
        named.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }
}
