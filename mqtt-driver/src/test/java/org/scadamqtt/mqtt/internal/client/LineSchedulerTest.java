package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.scadamqtt.mqtt.internal.lane.LineTimer;

class LineSchedulerTest {

    @Test
    void hostCommandsRunInTheOrderTheyWereGiven() throws InterruptedException {
        // "connection wanted: yes" overtaken by a later "no" left a line connected with every
        // station off (the line pool has 3 threads); commands must keep their order
        LineScheduler tasks = new LineScheduler("order", LineTimer.create("order"), true, e -> { });
        int n = 20_000;
        List<Integer> seen = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(n);
        try {
            for (int i = 0; i < n; i++) {
                int k = i;
                tasks.runInOrder(() -> {
                    synchronized (seen) {
                        seen.add(k);
                    }
                    done.countDown();
                });
            }
            assertTrue(done.await(20, TimeUnit.SECONDS), "every command ran");
            synchronized (seen) {
                int firstOutOfOrder = IntStream.range(0, n).filter(i -> seen.get(i) != i).findFirst().orElse(-1);
                assertEquals(-1, firstOutOfOrder, () -> "command " + seen.get(firstOutOfOrder) + " ran as number "
                        + firstOutOfOrder);
            }
        } finally {
            tasks.shutdown(Duration.ofSeconds(2));
        }
    }

    @Test
    void aCommandThatThrowsDoesNotStopTheOnesAfterIt() throws InterruptedException {
        List<String> errors = new ArrayList<>();
        LineScheduler tasks = new LineScheduler("throws", LineTimer.create("throws"), true, errors::add);
        CountDownLatch after = new CountDownLatch(1);
        try {
            tasks.runInOrder(() -> {
                throw new IllegalStateException("boom");
            });
            tasks.runInOrder(after::countDown);
            assertTrue(after.await(5, TimeUnit.SECONDS));
        } finally {
            tasks.shutdown(Duration.ofSeconds(2));
        }
    }

    @Test
    void timedWorkRunsOnALineThreadAndBlockedOnesDoNotDelayIt() throws InterruptedException {
        LineScheduler tasks = new LineScheduler("handoff", LineTimer.create("handoff"), true, e -> { });
        CountDownLatch release = new CountDownLatch(1);
        try {
            // two line threads stuck (a client close, a fail-back probe): the watchdog still runs on time
            for (int i = 0; i < 2; i++) {
                tasks.run(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            List<String> ranOn = new ArrayList<>();
            CountDownLatch ran = new CountDownLatch(1);
            long t0 = System.nanoTime();
            tasks.schedule(() -> {
                ranOn.add(Thread.currentThread().getName());
                ran.countDown();
            }, Duration.ofMillis(50));
            assertTrue(ran.await(2, TimeUnit.SECONDS), "the timed task ran");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 1_000, "the timed task ran after " + ms + " ms");
            assertTrue(ranOn.get(0).startsWith("scada-mqtt-handoff-client-"), ranOn.get(0));
        } finally {
            release.countDown();
            tasks.shutdown(Duration.ofSeconds(2));
        }
    }

    @Test
    void aPeriodicTaskNeverOverlapsItself() throws InterruptedException {
        LineScheduler tasks = new LineScheduler("every", LineTimer.create("every"), true, e -> { });
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch runs = new CountDownLatch(3);
        try {
            tasks.every(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(60); // slower than the period, like a fail-back probe to a silent host
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                runs.countDown();
            }, 10);
            assertTrue(runs.await(5, TimeUnit.SECONDS));
            assertEquals(1, most.get(), "runs at once");
        } finally {
            tasks.shutdown(Duration.ofSeconds(2));
        }
    }

    @Test
    void shutdownEndsTheLineThreadsAndATimerItOwns() throws InterruptedException {
        LineScheduler tasks = new LineScheduler("ends", LineTimer.create("ends"), true, e -> { });
        CountDownLatch ran = new CountDownLatch(2);
        tasks.run(ran::countDown);
        tasks.schedule(ran::countDown, Duration.ofMillis(1));
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        tasks.shutdown(Duration.ofSeconds(2));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        List<String> left = lineThreads("ends");
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
            left = lineThreads("ends");
        }
        assertEquals(List.of(), left);
    }

    @Test
    void theConnectionLaneRunsPostsAndTimedEventsOneAtATimeInOrder() throws InterruptedException {
        LineScheduler tasks = new LineScheduler("lane", LineTimer.create("lane"), true, e -> { });
        List<Integer> seen = new ArrayList<>(); // no lock: the lane runs one event at a time
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();
        int n = 5_000;
        CountDownLatch done = new CountDownLatch(n + 1);
        try {
            tasks.schedule(() -> {
                seen.add(-1);
                done.countDown();
            }, Duration.ofMillis(5));
            for (int i = 0; i < n; i++) {
                int k = i;
                tasks.post(() -> {
                    if (running.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    seen.add(k);
                    running.decrementAndGet();
                    done.countDown();
                });
            }
            assertTrue(done.await(20, TimeUnit.SECONDS));
            assertEquals(0, overlaps.get(), "events ran at once");
            List<Integer> posted = seen.stream().filter(k -> k >= 0).toList();
            assertEquals(IntStream.range(0, n).boxed().toList(), posted);
            assertEquals(n + 1, seen.size(), "the timed event ran on the lane too");
        } finally {
            tasks.shutdown(Duration.ofSeconds(2));
        }
    }

    @Test
    void callWaitsForItsStepOnTheLaneAndDoesNotHangOnceTheLineStopped() {
        LineScheduler tasks = new LineScheduler("call", LineTimer.create("call"), true, e -> { });
        assertEquals("scada-mqtt-call-client-", tasks.call(() -> Thread.currentThread().getName()).substring(0, 23));
        tasks.shutdown(Duration.ofSeconds(2));
        long t0 = System.nanoTime();
        assertEquals(null, tasks.call(() -> "never runs"));
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "call returned at once after stop");
    }

    private static List<String> lineThreads(String line) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("scada-mqtt-" + line + "-")).toList();
    }
}
