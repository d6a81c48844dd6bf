package org.scadamqtt.mqtt.profile.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.profile.ProfileContext;

/**
 * The {@link ProfileContext} every profile test uses instead of the driver's: it records what a
 * session publishes, counts and answers. Thread-safe, like the real one.
 *
 * <p>A correlated write "waits" only for the correlations a test put in {@link #waiting()}, so a
 * test sees when a session answers a write nobody made; {@link #everyReplyWaits()} takes every
 * correlation, for sessions that answer writes the test never registers. Publishes succeed until
 * {@link #refusePublishes(String)}.
 */
public final class FakeProfileContext implements ProfileContext {

    /** One message the session published through the context. */
    public record Published(String topic, byte[] payload, int qos, boolean retain) {
    }

    private final LineConfig line;
    private final Clock clock;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final Map<String, WriteResult> answered = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private volatile boolean everyReplyWaits;
    private volatile String refusal;

    /** @param line the line the session reads its settings from, or null where the test needs none */
    public FakeProfileContext(LineConfig line) {
        this(line, Clock.systemUTC());
    }

    /** @param clock the clock the session stamps with (a fixed one for repeatable times) */
    public FakeProfileContext(LineConfig line, Clock clock) {
        this.line = line;
        this.clock = clock;
    }

    /** Every correlation counts as waiting: the first answer to each completes it, later ones find none. */
    public FakeProfileContext everyReplyWaits() {
        everyReplyWaits = true;
        return this;
    }

    /** Publishes fail with an {@link IllegalStateException} saying {@code message}; null lets them through again. */
    public void refusePublishes(String message) {
        refusal = message;
    }

    /** The correlations writes wait for; a test adds to it, an answer removes from it. */
    public Set<String> waiting() {
        return waiting;
    }

    /** The answers the session gave, by correlation. */
    public Map<String, WriteResult> answered() {
        return answered;
    }

    /** Everything published so far, in order. */
    public List<Published> published() {
        return published;
    }

    /** What was published on exactly {@code topic}, in order. */
    public List<Published> on(String topic) {
        return published.stream().filter(p -> p.topic().equals(topic)).toList();
    }

    /** How often the session counted {@code counter}. */
    public int counted(String counter) {
        AtomicInteger n = counters.get(counter);
        return n == null ? 0 : n.get();
    }

    @Override
    public LineConfig line() {
        return line;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Duration replyTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        String refused = refusal;
        if (refused != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(refused));
        }
        published.add(new Published(topic, payload, qos, retain));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean completeReply(String correlation, WriteResult result) {
        if (everyReplyWaits) {
            return answered.put(correlation, result) == null;
        }
        if (!waiting.remove(correlation)) {
            return false;
        }
        answered.put(correlation, result);
        return true;
    }

    @Override
    public void count(String counter) {
        counters.computeIfAbsent(counter, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public List<String> stations() {
        return List.of();
    }
}
