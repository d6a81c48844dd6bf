package org.scadamqtt.mqtt.internal.profile;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;

/**
 * Writes of one line that wait for the device's answer, by correlation key (a Wirepas req_id, a
 * Gizwits SN). Each completes once: with the answer, with TIMEOUT after its timeout, or with
 * the failure of its publish. Thread-safe.
 */
public final class PendingReplies {

    private record Pending(CompletableFuture<WriteResult> result, ScheduledFuture<?> timeout) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Executor completions;

    /**
     * @param timer       the line's timer: it only fires, because the same thread fires the ping watchdog
     * @param completions runs a TIMEOUT completion (the host's callbacks run in it)
     */
    public PendingReplies(ScheduledExecutorService timer, Executor completions) {
        this.timer = timer;
        this.completions = completions;
    }

    /**
     * Registers a write that waits for the answer with this key.
     *
     * @param timeoutText the sentence of the TIMEOUT failure
     * @return the write's result; already failed when another write waits for the same key
     */
    public CompletableFuture<WriteResult> expect(String key, Duration timeout, String timeoutText) {
        CompletableFuture<WriteResult> result = new CompletableFuture<>();
        ScheduledFuture<?> t;
        try {
            t = timer.schedule(() -> timedOut(key, WriteResult.failed(WriteFailure.TIMEOUT, timeoutText)),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            result.complete(WriteResult.failed(WriteFailure.STOPPED, "the line is stopping"));
            return result;
        }
        if (pending.putIfAbsent(key, new Pending(result, t)) != null) {
            t.cancel(false);
            result.complete(WriteResult.failed(WriteFailure.REJECTED, "another write waits for an answer with "
                    + "correlation '" + key + "'; the payload profile must give each write its own"));
        }
        return result;
    }

    /** Completes the write waiting for this key; false when none waits (unknown or timed out). */
    public boolean complete(String key, WriteResult result) {
        Pending p = key == null ? null : pending.remove(key);
        if (p == null) {
            return false;
        }
        p.timeout().cancel(false);
        p.result().complete(result);
        return true;
    }

    private void timedOut(String key, WriteResult result) {
        try {
            completions.execute(() -> complete(key, result));
        } catch (RejectedExecutionException stopped) {
            complete(key, result); // the line stops: nothing else waits on the timer any more
        }
    }

    /** Writes waiting now. */
    public int size() {
        return pending.size();
    }

    /** Fails every waiting write (the line stops). */
    public void failAll(WriteResult result) {
        for (String key : pending.keySet()) {
            complete(key, result);
        }
    }
}
