package org.scadamqtt.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.mqtt.internal.Acknowledgement;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.mqtt.internal.SessionListener;

/**
 * An in-memory session for unit tests of the pipeline (routing, binding, ordering, ACK_ID):
 * the test delivers messages and connection changes by hand and sees acknowledgements and publishes.
 * Integration tests use real brokers instead.
 */
final class FakeSession implements MqttSession {

    /** One publish the driver asked for; the test completes {@link #result}. */
    record Published(String topic, String payload, int qos, boolean retain, CompletableFuture<Void> result) {
    }

    final List<InboundMessage> acks = new CopyOnWriteArrayList<>();
    final List<Published> published = new CopyOnWriteArrayList<>();
    final List<Boolean> wanted = new CopyOnWriteArrayList<>();
    volatile boolean started;
    volatile boolean stopped;
    volatile LineConfig reconfigured;
    private final String lineName;
    private final SessionListener listener;
    private volatile LineStatus status;

    FakeSession(LineConfig line, SessionListener listener) {
        this.lineName = line.name();
        this.listener = listener;
        this.status = new LineStatus(lineName, LineState.DISCONNECTED, "", "not started", Instant.now(), null);
    }

    static MqttSession.Factory factory(FakeSession[] holder) {
        return (LineConfig line, DriverContext ctx, LineStatistics stats, SessionListener l, ScheduledExecutorService t) -> {
            holder[0] = new FakeSession(line, l);
            return holder[0];
        };
    }

    InboundMessage deliver(String topic, String payload, int qos, int id) {
        return deliver(topic, payload.getBytes(StandardCharsets.UTF_8), qos, id, Instant.now());
    }

    /** Delivers a message whose acknowledgement handle records every call in {@link #acks} (QoS 0: none). */
    InboundMessage deliver(String topic, byte[] payload, int qos, int id, Instant at) {
        InboundMessage[] self = new InboundMessage[1];
        Acknowledgement ack = qos == 0 ? Acknowledgement.NONE : () -> acks.add(self[0]);
        self[0] = new InboundMessage(topic, payload, qos, qos == 0 ? 0 : id, false, false, at, ack);
        listener.messageArrived(self[0]);
        return self[0];
    }

    void connect() {
        status = new LineStatus(lineName, LineState.CONNECTED, "tcp://fake:1883", "", Instant.now(), null);
        listener.statusChanged(status);
    }

    void disconnect(String reason) {
        status = new LineStatus(lineName, LineState.DISCONNECTED, "", reason, Instant.now(), null);
        listener.statusChanged(status);
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void setConnectionWanted(boolean w) {
        wanted.add(w);
    }

    boolean lastWanted() {
        return wanted.get(wanted.size() - 1);
    }

    @Override
    public void reconfigure(LineConfig line) {
        reconfigured = line;
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        published.add(new Published(topic, new String(payload, StandardCharsets.UTF_8), qos, retain, f));
        return f;
    }

    @Override
    public LineStatus status() {
        return status;
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
