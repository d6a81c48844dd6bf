package org.scadamqtt.mqtt.internal.station;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.scadamqtt.mqtt.internal.lane.LineTimer;

/**
 * The threads one driver instance (one line) owns: a bounded pool that runs the station workers
 * (each station one task at a time, stations in parallel) and the line's one {@link LineTimer},
 * which the MQTT session gets too. Never shared between drivers, so {@link #shutdown(Duration)}
 * leaves no thread of this driver behind. Thread names start with {@code scada-mqtt-<line>-}.
 */
public final class DriverThreads {

    private final ForkJoinPool workers;
    private final ScheduledThreadPoolExecutor timer;
    private final String prefix;

    /**
     * @param line     line name, in thread names
     * @param stations number of stations; the pool has one thread per processor, at least 2 (a station
     *                 stuck in the host's call leaves the others a thread) and at most 8 or the station count.
     *                 More threads than processors only added thread wake-ups per message (benchmarks/README.md)
     */
    public DriverThreads(String line, int stations) {
        this.prefix = LineTimer.PREFIX + line + "-";
        int n = Math.max(2, Math.min(8, Math.min(stations, Runtime.getRuntime().availableProcessors())));
        // at most one task per station is queued at a time, so the queue is bounded by the station count;
        // a fork-join pool in FIFO mode hands a task to a worker with less locking and parking than a
        // thread pool on a blocking queue (benchmarks: about 8 % less driver CPU per message)
        AtomicInteger count = new AtomicInteger();
        workers = new ForkJoinPool(n, pool -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName(prefix + "station-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, null, true);
        timer = LineTimer.create(line);
    }

    /** Runs station work. */
    public Executor workers() {
        return workers;
    }

    /**
     * The line's timer: stations (time filter, staleness), pending replies and the MQTT session
     * (reconnect, ping watchdog, reply and write deadlines). Its tasks are short; none blocks.
     */
    public ScheduledExecutorService timer() {
        return timer;
    }

    /** Timers of the line now waiting, the session's included (cancelled ones are removed at once). */
    public int scheduledTimers() {
        return timer.getQueue().size();
    }

    /** The prefix of every thread name of this driver. */
    public String threadNamePrefix() {
        return prefix;
    }

    /** Stops both pools, interrupting running work, and waits at most {@code wait} for the threads to end. */
    public boolean shutdown(Duration wait) {
        workers.shutdownNow();
        timer.shutdownNow();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            boolean a = workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            boolean b = timer.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return a && b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
