package org.scadamqtt.mqtt.profiles.gizwits;

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

/** A ProfileContext that records publishes, counters and answers; writes wait for the keys in {@link #waiting}. */
final class RecordingProfileContext implements ProfileContext {

    record Published(String topic, byte[] payload, int qos) {
    }

    final Set<String> waiting = ConcurrentHashMap.newKeySet();
    final Map<String, WriteResult> answered = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    final List<Published> published = new CopyOnWriteArrayList<>();
    private final LineConfig line;

    RecordingProfileContext(LineConfig line) {
        this.line = line;
    }

    @Override
    public LineConfig line() {
        return line;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public Duration replyTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        published.add(new Published(topic, payload, qos));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean completeReply(String correlation, WriteResult result) {
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

    int counted(String counter) {
        AtomicInteger n = counters.get(counter);
        return n == null ? 0 : n.get();
    }

    @Override
    public List<String> stations() {
        return List.of();
    }
}
