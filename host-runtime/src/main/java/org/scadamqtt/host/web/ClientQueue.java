package org.scadamqtt.host.web;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded event queue of one event-stream client. {@link #offer} never blocks (it runs on
 * driver threads): when the queue is full the oldest event is dropped and counted, so a slow
 * browser loses old updates instead of holding up the plant. The client is told how many it
 * missed (see {@link #takeDropped()}) and reloads the tables.
 *
 * @param <E> event type
 */
final class ClientQueue<E> {

    private final int capacity;
    private final ArrayDeque<E> events;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private long droppedSinceTaken;
    private long droppedTotal;
    private boolean closed;

    ClientQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an event queue needs room for at least 1 event, got " + capacity);
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /**
     * Adds an event without blocking; drops the oldest when full.
     *
     * @return true when an older event had to be dropped
     */
    boolean offer(E event) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            boolean dropped = false;
            if (events.size() >= capacity) {
                events.pollFirst();
                droppedSinceTaken++;
                droppedTotal++;
                dropped = true;
            }
            events.addLast(event);
            notEmpty.signal();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** The next event, waiting up to the timeout; null on timeout or when closed and empty. */
    E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (events.isEmpty()) {
                if (closed || nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return events.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Events dropped since the last call (and resets that count). */
    long takeDropped() {
        lock.lock();
        try {
            long d = droppedSinceTaken;
            droppedSinceTaken = 0;
            return d;
        } finally {
            lock.unlock();
        }
    }

    long droppedTotal() {
        lock.lock();
        try {
            return droppedTotal;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the reader; later offers are ignored. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}
