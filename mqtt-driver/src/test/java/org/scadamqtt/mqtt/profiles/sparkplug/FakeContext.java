package org.scadamqtt.mqtt.profiles.sparkplug;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.profile.ProfileContext;

/** A ProfileContext recording what the session publishes, counts and answers. */
final class FakeContext implements ProfileContext {

    record Published(String topic, byte[] payload, int qos, boolean retain) {
    }

    final List<Published> published = new CopyOnWriteArrayList<>();
    final Map<String, WriteResult> answered = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final LineConfig line;
    private final Clock clock;

    FakeContext(LineConfig line, Clock clock) {
        this.line = line;
        this.clock = clock;
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
        published.add(new Published(topic, payload, qos, retain));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean completeReply(String correlation, WriteResult result) {
        return answered.put(correlation, result) == null;
    }

    @Override
    public void count(String counter) {
        counters.computeIfAbsent(counter, k -> new AtomicInteger()).incrementAndGet();
    }

    int counted(String counter) {
        AtomicInteger n = counters.get(counter);
        return n == null ? 0 : n.get();
    }

    List<Published> on(String topic) {
        return published.stream().filter(p -> p.topic().equals(topic)).toList();
    }

    @Override
    public List<String> stations() {
        return List.of();
    }
}
