package org.scadamqtt.mqtt.internal.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.scadamqtt.mqtt.internal.lane.Lane;
import org.scadamqtt.mqtt.internal.lane.LineTimer;

/**
 * Where a line's session work runs: up to 3 daemon threads named {@code scada-mqtt-<line>-client-n},
 * fired by the line's one timer ({@link LineTimer}), which only hands the work over. On them:
 * <ul>
 * <li>the connection lane ({@link #post}): every change of the connection's state, one at a time
 * in the order posted (Paho callbacks, timers, the state part of host commands), so that state
 * needs no lock. Nothing on it blocks;
 * <li>the command lane ({@link #runInOrder}): the host's commands in the order given;
 * <li>blocking work ({@link #run}): client close, fail-back probe, so it never delays the ping
 * watchdog.
 * </ul>
 * Tasks handed over after the line stopped are dropped; a task that throws is reported as an
 * internal error of the line instead of killing its thread.
 */
final class LineScheduler {

    static final String THREAD_PREFIX = LineTimer.PREFIX;
    private static final int THREADS = 3;

    private final ScheduledExecutorService timer;
    private final boolean ownsTimer;
    private final ThreadPoolExecutor pool;
    private final Consumer<String> internalError;
    private final Lane<Void> commands;
    private final Lane<Void> connection;

    /**
     * @param timer         the line's timer
     * @param ownsTimer     whether {@link #shutdown} ends the timer too (a session without a driver)
     * @param internalError receives "internal error: …" sentences of tasks that threw
     */
    LineScheduler(String lineName, ScheduledExecutorService timer, boolean ownsTimer,
            Consumer<String> internalError) {
        this.timer = timer;
        this.ownsTimer = ownsTimer;
        this.internalError = internalError;
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                LineTimer.threads(lineName, "client"));
        this.commands = Lane.serial(pool, e -> internalError.accept("internal error: " + e));
        this.connection = Lane.serial(pool, e -> internalError.accept("internal error: " + e));
    }

    /** The line's timer, for Paho's ping sender and the publisher's retries: tasks that only fire. */
    ScheduledExecutorService timer() {
        return timer;
    }

    /** Runs {@code r} on a line thread beside the lanes (it may block); nothing happens when the line stopped. */
    void run(Runnable r) {
        try {
            pool.execute(() -> guarded(r));
        } catch (RejectedExecutionException e) {
            // stopped: nothing to do any more
        }
    }

    /** Runs {@code r} on a line thread, or right here when the line's threads have ended ({@code r} must be quick). */
    void runOrHere(Runnable r) {
        try {
            pool.execute(() -> guarded(r));
        } catch (RejectedExecutionException e) {
            guarded(r);
        }
    }

    /**
     * Runs the host's commands (start, connection wanted, new parameters) one after the other in
     * the order they were given, on the line's command {@link Lane}. The pool has several threads,
     * so two commands handed to {@link #run} can overtake each other: "connection wanted: yes" then
     * "no" must not end up connected.
     */
    void runInOrder(Runnable command) {
        commands.post(command);
    }

    /** Runs {@code event} on the connection lane, after the events posted before it. Any thread; never blocks. */
    void post(Runnable event) {
        connection.post(event);
    }

    /**
     * Runs {@code step} on the connection lane and waits for it; returns its result, or null when
     * the line's threads ended first. Never call it on the connection lane itself.
     */
    <T> T call(Supplier<T> step) {
        CompletableFuture<T> done = new CompletableFuture<>();
        connection.post(() -> {
            try {
                done.complete(step.get());
            } finally {
                done.complete(null);
            }
        });
        while (true) {
            try {
                return done.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (pool.isShutdown()) {
                    return null; // stopped: the lane runs nothing any more
                }
            } catch (ExecutionException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** {@link #call} for a step without a result. */
    void await(Runnable step) {
        call(() -> {
            step.run();
            return null;
        });
    }

    /** Runs {@code event} on the connection lane after {@code delay}; null when the line stopped. */
    ScheduledFuture<?> schedule(Runnable event, Duration delay) {
        try {
            return timer.schedule(() -> post(event), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /**
     * Runs {@code r} on a line thread every {@code periodMillis}, first after one period, outside the
     * lanes (it may block: the fail-back probe); a tick that comes while the last run still runs is
     * skipped. Null when the line stopped.
     */
    ScheduledFuture<?> every(Runnable r, long periodMillis) {
        AtomicBoolean running = new AtomicBoolean();
        Runnable once = () -> {
            try {
                r.run();
            } finally {
                running.set(false);
            }
        };
        try {
            return timer.scheduleWithFixedDelay(() -> {
                if (running.compareAndSet(false, true)) {
                    run(once);
                }
            }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /** Delayed and periodic tasks now waiting on the line's timer (cancelled ones are removed at once); for tests. */
    int scheduledTasks() {
        return timer instanceof ScheduledThreadPoolExecutor t ? t.getQueue().size() : -1;
    }

    /** Hands {@code r} over; throws RejectedExecutionException when the line already stopped. */
    void execute(Runnable r) {
        pool.execute(r);
    }

    /** Stops the line threads (and the timer when it owns it), waiting at most {@code wait} for running tasks. */
    void shutdown(Duration wait) {
        pool.shutdown();
        if (ownsTimer) {
            timer.shutdownNow();
        }
        try {
            if (!pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
            if (ownsTimer) {
                timer.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
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
