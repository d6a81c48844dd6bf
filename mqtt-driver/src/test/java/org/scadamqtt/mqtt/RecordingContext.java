package org.scadamqtt.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;

/**
 * A host for tests: records every batch, station state and line status, in order, with
 * bounded waits. Thread-safe.
 */
public final class RecordingContext implements DriverContext {

    /** One batch as the driver published it. */
    public record Batch(String station, List<TagUpdate> updates) {
        public TagUpdate get(String tag) {
            return updates.stream().filter(u -> u.tag().equals(tag)).findFirst()
                    .orElseThrow(() -> new AssertionError("batch of " + station + " has no tag " + tag + ": " + updates));
        }

        public List<String> tags() {
            return updates.stream().map(TagUpdate::tag).toList();
        }
    }

    /** One station state report. */
    public record State(String station, StationState state, String reason) {
    }

    private final Path dataDirectory;
    private final List<Batch> batches = new ArrayList<>();
    private final List<State> states = new ArrayList<>();
    private final List<LineStatus> lineStatuses = new ArrayList<>();
    /** When set, publish() of that station blocks until released (to test that others do not wait). */
    private volatile String blockStation;
    private final Object blockLock = new Object();
    private volatile boolean blocked = true;

    public RecordingContext(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    public void publish(String station, List<TagUpdate> batch) {
        if (station.equals(blockStation)) {
            synchronized (blockLock) {
                long end = System.currentTimeMillis() + 10_000;
                while (blocked && System.currentTimeMillis() < end) {
                    try {
                        blockLock.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
        synchronized (this) {
            batches.add(new Batch(station, List.copyOf(batch)));
            notifyAll();
        }
    }

    public void blockPublishOf(String station) {
        blocked = true;
        blockStation = station;
    }

    public void releaseBlocked() {
        synchronized (blockLock) {
            blocked = false;
            blockLock.notifyAll();
        }
    }

    @Override
    public synchronized void stationState(String station, StationState state, String reason) {
        states.add(new State(station, state, reason));
        notifyAll();
    }

    @Override
    public synchronized void lineStatus(LineStatus status) {
        lineStatuses.add(status);
        notifyAll();
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public String hostId() {
        return "test-host";
    }

    public synchronized List<Batch> batches() {
        return List.copyOf(batches);
    }

    public synchronized List<Batch> batches(String station) {
        return batches.stream().filter(b -> b.station().equals(station)).toList();
    }

    public synchronized List<State> states(String station) {
        return states.stream().filter(s -> s.station().equals(station)).toList();
    }

    public synchronized List<LineStatus> lineStatuses() {
        return List.copyOf(lineStatuses);
    }

    /** The current state of a station, or null when none was reported. */
    public synchronized StationState state(String station) {
        List<State> s = states(station);
        return s.isEmpty() ? null : s.get(s.size() - 1).state();
    }

    /** Waits until a batch of the station matches, returns the first such batch. */
    public Batch awaitBatch(String station, Predicate<Batch> match, Duration timeout) {
        return await(() -> batches(station).stream().filter(match).findFirst().orElse(null), timeout,
                "a matching batch of station " + station);
    }

    /** Waits until the station has at least n batches; returns them. */
    public List<Batch> awaitBatches(String station, int n, Duration timeout) {
        return await(() -> {
            List<Batch> b = batches(station);
            return b.size() >= n ? b : null;
        }, timeout, n + " batches of station " + station);
    }

    /** Waits until the station's latest state is the given one. */
    public void awaitState(String station, StationState state, Duration timeout) {
        await(() -> state == state(station) ? Boolean.TRUE : null, timeout,
                "station " + station + " in state " + state);
    }

    private synchronized <T> T await(java.util.function.Supplier<T> probe, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            T t = probe.get();
            if (t != null) {
                return t;
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(new TimeoutException("timed out after " + timeout.toMillis()
                        + " ms waiting for " + what + "; states " + states + "; last batches "
                        + batches.subList(Math.max(0, batches.size() - 5), batches.size())));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
