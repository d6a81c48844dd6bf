package org.scadamqtt.mqtt.internal.lane;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs work one piece at a time, in order, on a shared pool. A station's lane: events (line
 * changes, host commands, writes, timers) before items (messages), so a switch-off or an ACK_ID
 * write is never stuck behind held messages; items wait while {@code blocked} says so (the ACK_ID
 * gate). A line's command and connection lanes ({@link #serial}): events only, so the host's
 * commands and the connection's changes of state run in the order given. One wake-up drains up
 * to {@code batch} items, so a busy station does not pay a thread hand-off per message, and still
 * lets other stations take their turn on the pool.
 *
 * <p>Everything the lane runs sees the same single-threaded state: it needs no locks. A handler
 * that throws is reported to {@code onError} and the lane goes on.
 *
 * @param <I> the items (messages)
 */
public final class Lane<I> {

    private final Executor executor;
    private final int batch;
    private final Consumer<I> handler;
    private final BooleanSupplier blocked;
    private final Consumer<Throwable> onError;
    private final ConcurrentLinkedQueue<Runnable> events = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<I> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drain;

    public Lane(Executor executor, int batch, Consumer<I> handler, BooleanSupplier blocked,
            Consumer<Throwable> onError) {
        this.executor = executor;
        this.batch = batch;
        this.handler = handler;
        this.blocked = blocked;
        this.onError = onError;
    }

    /**
     * A lane of events only: each runs after the ones posted before it, never two at once.
     *
     * @param onError receives what an event threw; the lane goes on with the next one
     */
    public static Lane<Void> serial(Executor executor, Consumer<Throwable> onError) {
        return new Lane<>(executor, 1, none -> { }, () -> false, onError);
    }

    /** Runs an event on the lane, before any waiting item. Any thread. */
    public void post(Runnable event) {
        events.add(event);
        schedule();
    }

    /**
     * Reserves room for an item; false (nothing reserved) when {@code limit} items already wait.
     * Any thread; pair a true answer with {@link #add}.
     */
    public boolean reserve(int limit) {
        if (size.incrementAndGet() > limit) {
            size.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Adds an item for which room was reserved (or that is not bounded). Any thread. */
    public void add(I item, boolean reserved) {
        if (!reserved) {
            size.incrementAndGet();
        }
        items.add(item);
        schedule();
    }

    /** Items waiting (held or not yet run). */
    public int queued() {
        return size.get();
    }

    /** Looks again whether items may run (the gate opened). Any thread. */
    public void wake() {
        schedule();
    }

    /** Takes every event not yet run (the driver stopped; writes among them are failed by the caller). */
    public List<Runnable> takeEvents() {
        List<Runnable> out = new ArrayList<>();
        Runnable e;
        while ((e = events.poll()) != null) {
            out.add(e);
        }
        return out;
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(drainTask);
            } catch (RejectedExecutionException stopped) {
                scheduled.set(false);
            }
        }
    }

    // runs on the pool, never on two threads at once (the scheduled flag)
    private void drain() {
        try {
            for (int budget = batch; budget > 0; budget--) {
                Runnable e;
                while ((e = events.poll()) != null) {
                    safely(e);
                }
                if (blocked.getAsBoolean()) {
                    break;
                }
                I item = items.poll();
                if (item == null) {
                    break;
                }
                size.decrementAndGet();
                handleSafely(item);
            }
        } finally {
            scheduled.set(false);
            if (!events.isEmpty() || (!items.isEmpty() && !blocked.getAsBoolean())) {
                schedule();
            }
        }
    }

    // like safely(() -> handler.accept(item)) without a lambda object per message
    private void handleSafely(I item) {
        try {
            handler.accept(item);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            onError.accept(e);
        }
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            onError.accept(e);
        }
    }
}
