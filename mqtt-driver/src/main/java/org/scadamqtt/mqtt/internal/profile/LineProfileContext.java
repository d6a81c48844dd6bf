package org.scadamqtt.mqtt.internal.profile;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.mqtt.profile.ProfileContext;

/** The {@link ProfileContext} of one running line. */
public final class LineProfileContext implements ProfileContext {

    private final Supplier<LineConfig> line;
    private final Clock clock;
    private final Duration replyTimeout;
    private final MqttSession session;
    private final PendingReplies replies;
    private final LineStatistics statistics;

    public LineProfileContext(Supplier<LineConfig> line, Clock clock, Duration replyTimeout, MqttSession session,
            PendingReplies replies, LineStatistics statistics) {
        this.line = line;
        this.clock = clock;
        this.replyTimeout = replyTimeout;
        this.session = session;
        this.replies = replies;
        this.statistics = statistics;
    }

    @Override
    public LineConfig line() {
        return line.get();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Duration replyTimeout() {
        return replyTimeout;
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        try {
            return session.publish(topic, payload, qos, retain);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public boolean completeReply(String correlation, WriteResult result) {
        return replies.complete(correlation, result);
    }

    @Override
    public void count(String counter) {
        statistics.count(counter);
    }

    @Override
    public List<String> stations() {
        return line.get().stations().stream().map(StationConfig::name).toList();
    }
}
