package org.scadamqtt.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.tag.TagValue;

/**
 * The host side of the benchmark: counts messages (one per GOOD IN_TOPIC value), values that are
 * not GOOD in those messages, values whose source time did not come from the payload, and, when
 * asked, publish-to-sink latency from the {@code seq} tag. Keeps nothing else.
 */
public final class CountingSink implements DriverContext {

    private final Path dataDirectory;
    private final LongAdder messages = new LongAdder();
    private final LongAdder badValues = new LongAdder();
    private final LongAdder receiveTimeStamped = new LongAdder();
    private final AtomicLong firstNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();
    private final AtomicLong count = new AtomicLong();
    private volatile boolean connected;
    private volatile String lastLineReason = "";
    private volatile LatencyRecorder latency;

    public CountingSink(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Starts recording latency from the {@code seq} tag (nanoTime at send) into {@code recorder}. */
    public void recordLatency(LatencyRecorder recorder) {
        this.latency = recorder;
    }

    // runs on the driver's station threads
    @Override
    public void publish(String station, List<TagUpdate> batch) {
        boolean message = false;
        for (TagUpdate u : batch) {
            if (u.tag().endsWith(BenchConfig.TOPIC_TAG_SUFFIX) && u.value().isGood()) {
                message = true;
                break;
            }
        }
        if (!message) {
            return; // a state change (start-up BAD/NOT_INITIALIZED and the like), not a message
        }
        long now = System.nanoTime();
        LatencyRecorder recorder = latency;
        for (TagUpdate u : batch) {
            TagValue v = u.value();
            if (!v.isGood()) {
                badValues.increment();
            } else if (v.sourceTime().equals(v.receiveTime()) && !u.tag().endsWith(BenchConfig.TOPIC_TAG_SUFFIX)
                    && !u.tag().endsWith(".data") && !u.tag().endsWith(".id")) {
                receiveTimeStamped.increment();
            }
            if (recorder != null && v.isGood() && u.tag().endsWith(BenchConfig.SEQ_TAG_SUFFIX)) {
                recorder.record((Long) v.value(), now);
            }
        }
        if (count.getAndIncrement() == 0) {
            firstNanos.set(now);
        }
        lastNanos.accumulateAndGet(now, Math::max);
        messages.increment();
    }

    @Override
    public void stationState(String station, StationState state, String reason) {
        // not measured
    }

    @Override
    public void lineStatus(LineStatus status) {
        connected = status.state() == LineState.CONNECTED;
        lastLineReason = String.valueOf(status);
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public String hostId() {
        return "bench";
    }

    public long messages() {
        return messages.sum();
    }

    public long badValues() {
        return badValues.sum();
    }

    /** GOOD JSON values whose source time equals the receive time (the time field was not used). */
    public long receiveTimeStamped() {
        return receiveTimeStamped.sum();
    }

    /** Nanoseconds from the first to the last message counted; 0 with fewer than two. */
    public long firstToLastNanos() {
        return count.get() < 2 ? 0 : lastNanos.get() - firstNanos.get();
    }

    public boolean connected() {
        return connected;
    }

    public String lastLineStatus() {
        return lastLineReason;
    }
}
