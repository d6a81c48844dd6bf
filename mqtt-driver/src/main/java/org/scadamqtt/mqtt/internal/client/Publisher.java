package org.scadamqtt.mqtt.internal.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.mqtt.MqttParameters;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.PublishException;

/**
 * The outbound side of a line: a publish completes when written (QoS 0), on PUBACK (1) or on
 * PUBCOMP (2); it fails at once when the line is down, with TIMEOUT after writeTimeout, and a full
 * Paho in-flight window (error 32202, thrown at once by Paho) is retried with short pauses
 * instead of failing. Thread-safe.
 *
 * <p>The broker-confirmation deadline of every publish of the line (a station's OUT_VALUE, a
 * profile's write or its own messages) is here and only here: one timer per publish, started
 * before the first attempt, so the wait for a free in-flight slot and the wait for PUBACK/PUBCOMP
 * share it, and cancelled when the publish completes in any way. Callers schedule no timer of
 * their own for the same wait (issue 9); a device's answer to a correlated write is a different
 * wait, bounded by Reply Timeout in {@code PendingReplies}.
 */
final class Publisher {

    /** What a publish needs of one connection. */
    interface Target {
        PahoClient client();

        /** Still the line's current, connected connection. */
        boolean usable();

        /** Publishes of this connection awaiting their confirmation. */
        Map<IMqttDeliveryToken, Outbound> inflight();

        /**
         * Whether QoS 1/2 messages unconfirmed when the connection breaks stay in the line's
         * persistence folder and are sent again after the reconnect (Clean Session NO).
         */
        boolean resendsAfterLoss();
    }

    /** A publish waiting for its confirmation. */
    record Outbound(String topic, int qos, CompletableFuture<Void> result) {
    }

    private static final long MAX_RETRY_PAUSE_MS = 20;

    private final String lineName;
    private final LineStatistics statistics;
    private final LineLog log;
    private final Clock clock;
    /** The line's timer: write deadlines and retry pauses fire here, the work runs on {@link #tasks}. */
    private final ScheduledExecutorService scheduler;
    private final LineScheduler tasks;
    /** QoS 1/2 publishes of a lost connection that Paho resends from persistence (Clean Session NO). */
    private final Map<Integer, Outbound> resent = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    /** Publishes not yet completed, for {@link #stopped()}. */
    private final Set<CompletableFuture<Void>> open = ConcurrentHashMap.newKeySet();

    Publisher(String lineName, LineStatistics statistics, LineLog log, Clock clock, LineScheduler tasks) {
        this.lineName = lineName;
        this.statistics = statistics;
        this.log = log;
        this.clock = clock;
        this.scheduler = tasks.timer();
        this.tasks = tasks;
    }

    /** @param target the current connection, null when there is none */
    CompletableFuture<Void> publish(Target target, String topic, byte[] payload, int qos, boolean retain,
            Duration writeTimeout) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (target == null || !target.usable()) {
            return failed(result, WriteFailure.NOT_CONNECTED, "line '" + lineName + "' is not connected to a broker; "
                    + "the message to topic '" + topic + "' was not sent");
        }
        MqttMessage m = new MqttMessage(payload);
        try {
            m.setQos(qos);
        } catch (IllegalArgumentException e) {
            return failed(result, WriteFailure.REJECTED, "QoS " + qos + " is not 0, 1 or 2; the message to topic '"
                    + topic + "' was not sent");
        }
        m.setRetained(retain);
        try {
            // the failure completes the writer's future, whose callbacks must not hold up the timer
            ScheduledFuture<?> timer = scheduler.schedule(() -> tasks.runOrHere(() -> failed(result,
                    WriteFailure.TIMEOUT, timeoutText(topic, qos, writeTimeout))), writeTimeout.toNanos(),
                    TimeUnit.NANOSECONDS);
            open.add(result);
            result.whenComplete((v, e) -> {
                timer.cancel(false);
                open.remove(result);
            });
        } catch (RejectedExecutionException e) {
            return failed(result, WriteFailure.STOPPED, "line '" + lineName + "' is stopped; the message to topic '"
                    + topic + "' was not sent");
        }
        send(target, topic, m, result, 0);
        return result;
    }

    /** The one sentence of a publish the broker did not confirm in time. */
    static String timeoutText(String topic, int qos, Duration writeTimeout) {
        return "the broker did not confirm the message to topic '" + topic + "' (QoS " + qos + ") within "
                + LineScheduler.seconds(writeTimeout) + " (line parameter " + MqttParameters.WRITE_TIMEOUT + ")";
    }

    private void send(Target c, String topic, MqttMessage m, CompletableFuture<Void> result, int retry) {
        if (result.isDone()) {
            return;
        }
        if (!c.usable()) {
            failed(result, WriteFailure.NOT_CONNECTED, "line '" + lineName + "' lost its connection before the "
                    + "message to topic '" + topic + "' could be sent");
            return;
        }
        try {
            IMqttDeliveryToken token = c.client().publish(topic, m, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken t) {
                    c.inflight().remove(t);
                    statistics.sent(m.getPayload().length);
                    log.packet("{} confirmed: topic={} id={}", m.getQos() == 0 ? "PUBLISH written"
                            : m.getQos() == 1 ? "PUBACK" : "PUBCOMP", topic, t.getMessageId());
                    result.complete(null);
                }

                @Override
                public void onFailure(IMqttToken t, Throwable e) {
                    c.inflight().remove(t);
                    if (m.getQos() > 0 && c.resendsAfterLoss()) {
                        // Paho fails every open token when the connection ends, but a QoS 1/2 message
                        // stays in the persistence folder and goes out again after the reconnect: it is
                        // not lost, so it completes on that confirmation (or fails after writeTimeout)
                        awaitResend(t.getMessageId(), new Outbound(topic, m.getQos(), result));
                        return;
                    }
                    failed(result, notConnected(e) ? WriteFailure.NOT_CONNECTED : WriteFailure.REJECTED,
                            "the message to topic '" + topic + "' failed: " + Reasons.describe(e));
                }
            });
            c.inflight().put(token, new Outbound(topic, m.getQos(), result));
            if (log.fullDebug()) {
                log.packet("PUBLISH out: topic={} qos={} retain={} id={} bytes={} payload={}", topic, m.getQos(),
                        m.isRetained(), token.getMessageId(), m.getPayload().length, LineLog.preview(m.getPayload()));
            }
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT) {
                // maxInflight messages await confirmation: wait a little and try again; the writeTimeout
                // timer bounds the total wait
                long pause = Math.min(MAX_RETRY_PAUSE_MS, 1L << Math.min(retry, 5));
                try {
                    scheduler.schedule(() -> tasks.runOrHere(() -> send(c, topic, m, result, retry + 1)), pause,
                            TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopped) {
                    failed(result, WriteFailure.STOPPED, "line '" + lineName + "' stopped before the message to topic '"
                            + topic + "' could be sent");
                }
                return;
            }
            failed(result, notConnected(e) ? WriteFailure.NOT_CONNECTED : WriteFailure.REJECTED,
                    "the message to topic '" + topic + "' was not sent: " + Reasons.describe(e));
        } catch (IllegalArgumentException e) {
            failed(result, WriteFailure.REJECTED, "the message to topic '" + topic + "' was not sent: "
                    + e.getMessage());
        }
    }

    /**
     * The connection is gone. QoS 0 publishes fail; QoS 1/2 ones fail too unless
     * {@code resendFromPersistence} (Clean Session NO): then Paho resends them after the reconnect
     * and they complete through {@link #delivered(int)}, or time out.
     */
    void connectionDropped(Target c, boolean resendFromPersistence) {
        c.inflight().forEach((token, o) -> {
            if (resendFromPersistence && o.qos() > 0) {
                awaitResend(token.getMessageId(), o);
            } else {
                failed(o.result(), WriteFailure.NOT_CONNECTED, "line '" + lineName + "' lost its connection before "
                        + "the broker confirmed the message to topic '" + o.topic() + "'");
            }
        });
        c.inflight().clear();
    }

    /** The message with {@code messageId} waits in persistence for the reconnect that sends it again. */
    private void awaitResend(int messageId, Outbound o) {
        CompletableFuture<Void> result = o.result();
        if (result.isDone()) {
            return;
        }
        log.packet("message id {} unconfirmed at the loss of the connection: it is sent again after the reconnect",
                messageId);
        resent.put(messageId, o);
        // a resent message that times out or fails otherwise must not stay in the map
        result.whenComplete((v, e) -> resent.remove(messageId, o));
        if (stopped && resent.remove(messageId, o)) {
            failed(result, WriteFailure.STOPPED, "line '" + lineName + "' stopped before the broker confirmed the "
                    + "message to topic '" + o.topic() + "'");
        }
    }

    /** Paho confirmed a message it resent from persistence after a reconnect. */
    void delivered(int messageId) {
        Outbound o = resent.remove(messageId);
        if (o != null) {
            log.packet("delivery of resent message id {} confirmed", messageId);
            o.result().complete(null);
        }
    }

    /**
     * The line stopped: whatever still waits fails, also a publish waiting for a free in-flight slot
     * (its retry and its timeout were on the timer, which ends with the line).
     */
    void stopped() {
        stopped = true;
        resent.values().forEach(o -> failed(o.result(), WriteFailure.STOPPED, "line '" + lineName
                + "' stopped before the broker confirmed the message to topic '" + o.topic() + "'"));
        resent.clear();
        for (CompletableFuture<Void> f : List.copyOf(open)) {
            failed(f, WriteFailure.STOPPED, "line '" + lineName + "' stopped before the message was confirmed");
        }
    }

    private static boolean notConnected(Throwable e) {
        if (!(e instanceof MqttException me)) {
            return false;
        }
        int code = me.getReasonCode();
        return code == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED
                || code == MqttException.REASON_CODE_CONNECTION_LOST
                || code == MqttException.REASON_CODE_CLIENT_DISCONNECTING
                || code == MqttException.REASON_CODE_CLIENT_CLOSED
                || code == MqttException.REASON_CODE_CLIENT_ALREADY_DISCONNECTED;
    }

    private CompletableFuture<Void> failed(CompletableFuture<Void> f, WriteFailure failure, String message) {
        if (f.completeExceptionally(new PublishException(failure, message))) {
            statistics.error(message, clock.instant());
            log.packet("write failed ({}): {}", failure, message);
        }
        return f;
    }
}
