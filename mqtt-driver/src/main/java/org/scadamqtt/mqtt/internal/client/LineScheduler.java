package org.scadamqtt.mqtt.internal.client;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.scadamqtt.mqtt.internal.lane.Lane;

/**
 * The threads of one line: 3 daemon threads named {@code scada-mqtt-<line>-n} (a blocking client
 * close or fail-back probe must not delay the ping watchdog). Tasks handed over after the line
 * stopped are dropped; a task that throws is reported as an internal error of the line instead of
 * killing its thread.
 */
final class LineScheduler {

    static final String THREAD_PREFIX = "scada-mqtt-";

    private final ScheduledThreadPoolExecutor executor;
    private final Consumer<String> internalError;
    private final Lane<Void> commands;

    /** @param internalError receives "internal error: …" sentences of tasks that threw */
    LineScheduler(String lineName, Consumer<String> internalError) {
        this.internalError = internalError;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(3, r -> {
            Thread t = new Thread(r, THREAD_PREFIX + lineName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        this.commands = Lane.serial(executor, e -> internalError.accept("internal error: " + e));
    }

    /** The executor itself, for the publisher's timers and Paho's client. */
    ScheduledExecutorService executor() {
        return executor;
    }

    /** Runs {@code r} on a line thread; nothing happens when the line stopped. */
    void run(Runnable r) {
        try {
            executor.execute(() -> guarded(r));
        } catch (RejectedExecutionException e) {
            // stopped: nothing to do any more
        }
    }

    /**
     * Runs the host's commands (start, connection wanted, new parameters) one after the other in
     * the order they were given, on the line's command {@link Lane}. The pool has several threads, so two commands handed to
     * {@link #run} can overtake each other: "connection wanted: yes" then "no" must not end up
     * connected.
     */
    void runInOrder(Runnable command) {
        commands.post(command);
    }

    /** Runs {@code r} after {@code delay}; null when the line stopped. */
    ScheduledFuture<?> schedule(Runnable r, Duration delay) {
        try {
            return executor.schedule(() -> guarded(r), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /** Runs {@code r} every {@code periodMillis}, first after one period. */
    ScheduledFuture<?> every(Runnable r, long periodMillis) {
        return executor.scheduleWithFixedDelay(r, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Delayed and periodic tasks now waiting (cancelled ones are removed at once); for tests. */
    int scheduledTasks() {
        return executor.getQueue().size();
    }

    /** Hands {@code r} over; throws RejectedExecutionException when the line already stopped. */
    void execute(Runnable r) {
        executor.execute(r);
    }

    /** Stops the threads, waiting at most {@code wait} for running tasks. */
    void shutdown(Duration wait) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            internalError.accept("internal error: " + e);
        }
    }

    static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    /** "1 s", "0.2 s": a duration for status texts and log lines. */
    static String seconds(Duration d) {
        return org.scadamqtt.mqtt.internal.Seconds.text(d);
    }
}
