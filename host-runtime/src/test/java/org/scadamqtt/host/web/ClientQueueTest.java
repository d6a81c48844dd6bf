package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClientQueueTest {

    @Test
    void aFullQueueDropsTheOldestAndCountsIt() throws Exception {
        ClientQueue<Integer> q = new ClientQueue<>(3);
        assertFalse(q.offer(1));
        assertFalse(q.offer(2));
        assertFalse(q.offer(3));
        assertTrue(q.offer(4));
        assertTrue(q.offer(5));
        assertEquals(2, q.droppedTotal());
        assertEquals(2, q.takeDropped());
        assertEquals(0, q.takeDropped());
        assertEquals(3, q.poll(0, TimeUnit.MILLISECONDS));
        assertEquals(4, q.poll(0, TimeUnit.MILLISECONDS));
        assertEquals(5, q.poll(0, TimeUnit.MILLISECONDS));
        assertNull(q.poll(10, TimeUnit.MILLISECONDS));
    }

    @Test
    void offerNeverBlocksEvenWithNoReader() {
        ClientQueue<Integer> q = new ClientQueue<>(10);
        long start = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            q.offer(i);
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertEquals(10, q.size());
        assertEquals(99_990, q.droppedTotal());
    }

    @Test
    void closeWakesAWaitingReader() throws Exception {
        ClientQueue<Integer> q = new ClientQueue<>(2);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            q.close();
        });
        t.start();
        long start = System.nanoTime();
        assertNull(q.poll(10, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "the reader was not woken by close");
        assertFalse(q.offer(1), "a closed queue ignores events");
        assertEquals(0, q.size());
        t.join(5000);
    }

    @Test
    void refusesAZeroCapacity() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClientQueue<>(0));
        assertTrue(e.getMessage().contains("at least 1"));
    }
}
