package org.scadamqtt.mqtt.internal.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LaneTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void aSerialLaneRunsEventsInTheOrderPostedAndNeverTwoAtOnce() throws InterruptedException {
        Lane<Void> lane = Lane.serial(pool, e -> { });
        int n = 20_000;
        List<Integer> seen = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            int k = i;
            lane.post(() -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                seen.add(k); // no lock: the lane runs one event at a time
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertTrue(done.await(20, TimeUnit.SECONDS), "every event ran");
        assertEquals(0, overlaps.get(), "two events ran at once");
        assertEquals(IntStream.range(0, n).boxed().toList(), seen);
    }

    @Test
    void anEventThatThrowsIsReportedAndTheNextOneRuns() throws InterruptedException {
        List<Throwable> errors = new ArrayList<>();
        Lane<Void> lane = Lane.serial(pool, errors::add);
        CountDownLatch after = new CountDownLatch(1);
        lane.post(() -> {
            throw new IllegalStateException("boom");
        });
        lane.post(after::countDown);
        assertTrue(after.await(5, TimeUnit.SECONDS));
        assertEquals(1, errors.size());
        assertEquals("boom", errors.get(0).getMessage());
    }

    @Test
    void eventsOvertakeHeldItemsAndItemsRunOnceTheGateOpens() throws InterruptedException {
        AtomicBoolean closed = new AtomicBoolean(true);
        List<String> order = new ArrayList<>();
        CountDownLatch items = new CountDownLatch(2);
        Lane<String> lane = new Lane<>(pool, 8, s -> {
            synchronized (order) {
                order.add(s);
            }
            items.countDown();
        }, closed::get, e -> { });
        assertTrue(lane.reserve(2));
        lane.add("m1", true);
        assertTrue(lane.reserve(2));
        lane.add("m2", true);
        assertTrue(!lane.reserve(2), "a third item does not fit a limit of 2");
        CountDownLatch event = new CountDownLatch(1);
        lane.post(() -> {
            synchronized (order) {
                order.add("event");
            }
            event.countDown();
        });
        assertTrue(event.await(5, TimeUnit.SECONDS));
        assertEquals(2, lane.queued(), "items wait while the gate is closed");
        closed.set(false);
        lane.wake();
        assertTrue(items.await(5, TimeUnit.SECONDS));
        synchronized (order) {
            assertEquals(List.of("event", "m1", "m2"), order);
        }
        assertEquals(0, lane.queued());
    }
}
