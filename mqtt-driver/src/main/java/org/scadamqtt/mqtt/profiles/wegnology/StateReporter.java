package org.scadamqtt.mqtt.profiles.wegnology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.WriteRefusedException;

/**
 * Collects the STATE= writes of one line into state messages, one topic (device) at a time:
 * writes within the coalescing window, and all writes that must wait for the rate limit, go out
 * as one {@code {"data":{...},"time":{"$date":...}}} (a later value of an attribute replaces an
 * earlier one). Each write completes through its correlation: OK when its message was published,
 * FAILED with the reason when it was not. Thread-safe; publishes on its own timer thread.
 */
final class StateReporter implements AutoCloseable {

    /** Writes waiting for one topic's next message. */
    private static final class Batch {
        final Map<String, JsonNode> data = new LinkedHashMap<>();
        final List<String> keys = new ArrayList<>();
        Instant time;
        boolean scheduled;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RETRY = Duration.ofMillis(20);
    private static final int RETRIES = 100;

    private final ProfileContext context;
    private final Duration window;
    private final int qos;
    private final RateLimiter limiter = new RateLimiter();
    private final Map<String, Batch> batches = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ScheduledExecutorService timer;

    StateReporter(ProfileContext context, Duration window, int qos) {
        this.context = context;
        this.window = window;
        this.qos = qos;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wegnology-state");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Adds one write to its topic's next message.
     *
     * @return the correlation key the write's result is completed with
     * @throws WriteRefusedException when the value cannot be a JSON attribute value
     */
    String add(String topic, String attribute, Object value) {
        JsonNode v = json(value);
        String key = "wegnology-state:" + sequence.incrementAndGet();
        synchronized (this) {
            Batch b = batches.computeIfAbsent(topic, t -> new Batch());
            b.data.put(attribute, v);
            b.keys.add(key);
            b.time = context.clock().instant();
            if (!b.scheduled) {
                b.scheduled = true;
                long at = Math.max(System.nanoTime() + window.toNanos(), limiter.earliest(topic));
                schedule(() -> flush(topic), at - System.nanoTime());
            }
        }
        return key;
    }

    private void flush(String topic) {
        Batch b;
        byte[] payload;
        synchronized (this) {
            long now = System.nanoTime();
            long earliest = limiter.earliest(topic);
            if (now < earliest) {
                schedule(() -> flush(topic), earliest - now);
                return;
            }
            b = batches.remove(topic);
            if (b == null) {
                return;
            }
            payload = message(b);
            if (payload.length > WegnologyProfile.MAX_PAYLOAD) {
                finish(b.keys, WriteResult.failed(WriteFailure.WRONG_VALUE, "the state message for " + topic + " would "
                        + "be " + payload.length + " bytes, more than the 256 KB WEGnology accepts; nothing was sent"));
                return;
            }
            limiter.sent(topic, now);
        }
        context.publish(topic, payload, qos, false).whenComplete((v, e) -> finish(b.keys, e == null
                ? WriteResult.success() : WriteResult.failed(WriteFailure.NOT_CONNECTED, "the state message on '" + topic
                        + "' was not published: " + cause(e))));
    }

    private static byte[] message(Batch b) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode data = root.putObject("data");
        b.data.forEach(data::set);
        root.putObject("time").put("$date", b.time.truncatedTo(ChronoUnit.MILLIS).toString());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of plain nodes always serialises
        }
    }

    /** Completes the writes; a correlation the core has not registered yet is tried again shortly. */
    private void finish(List<String> keys, WriteResult result) {
        for (String key : keys) {
            complete(key, result, RETRIES);
        }
    }

    private void complete(String key, WriteResult result, int triesLeft) {
        if (!context.completeReply(key, result) && triesLeft > 0) {
            // the core registers a write's correlation just after encode returns: with a zero window
            // the message can go out first. A key that timed out meanwhile is simply given up.
            schedule(() -> complete(key, result, triesLeft - 1), RETRY.toNanos());
        }
    }

    private void schedule(Runnable r, long delayNanos) {
        try {
            timer.schedule(r, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // the line stops: the core fails the waiting writes with STOPPED
        }
    }

    private static String cause(Throwable e) {
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }

    static JsonNode json(Object value) {
        if (value == null) {
            throw new WriteRefusedException(WriteFailure.WRONG_VALUE, "no value to report");
        }
        if (value instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return LongNode.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new WriteRefusedException(WriteFailure.WRONG_VALUE, d + " cannot be sent: JSON has no NaN or "
                        + "infinity");
            }
            return DoubleNode.valueOf(d);
        }
        return TextNode.valueOf(value.toString());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
