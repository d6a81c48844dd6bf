package org.scadamqtt.mqtt.internal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;

/** Writes waiting for the device's answer: once each, and a timeout never runs the host's callbacks on the timer. */
class PendingRepliesTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r,
            "test-timer"));
    private final ExecutorService workers = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-worker"));
    private final PendingReplies replies = new PendingReplies(timer, workers);

    @AfterEach
    void stop() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    @Test
    void aTimeoutCompletesOffTheTimerThreadSoASlowHostCannotDelayTheWatchdog() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        CompletableFuture<WriteResult> r = replies.expect("k1", Duration.ofMillis(20), "no answer");
        CompletableFuture<Void> host = r.thenAccept(x -> ranOn.set(Thread.currentThread().getName()));
        host.get(5, TimeUnit.SECONDS);
        assertEquals(WriteFailure.TIMEOUT, r.get().failure());
        assertEquals("test-worker", ranOn.get());
        assertEquals(0, replies.size());
    }

    @Test
    void anAnswerCompletesOnceAndASecondWriteWithTheSameKeyIsRefused() throws Exception {
        CompletableFuture<WriteResult> r = replies.expect("k2", Duration.ofSeconds(10), "no answer");
        CompletableFuture<WriteResult> twin = replies.expect("k2", Duration.ofSeconds(10), "no answer");
        assertEquals(WriteFailure.REJECTED, twin.get().failure());
        assertTrue(replies.complete("k2", WriteResult.success()));
        assertFalse(replies.complete("k2", WriteResult.success()), "the answer came once");
        assertTrue(r.get().ok());
    }
}
