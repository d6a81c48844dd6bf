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

class LineSchedulerTest {

    @Test
    void hostCommandsRunInTheOrderTheyWereGiven() throws InterruptedException {
        // "connection wanted: yes" overtaken by a later "no" left a line connected with every
        // station off (the line pool has 3 threads); commands must keep their order
        LineScheduler tasks = new LineScheduler("order", e -> { });
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
        LineScheduler tasks = new LineScheduler("throws", errors::add);
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
}
