package org.scadamqtt.mqtt.internal.station;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.mqtt.internal.PublishException;
import org.scadamqtt.mqtt.internal.Seconds;
import org.scadamqtt.mqtt.internal.bind.AckGate;
import org.scadamqtt.mqtt.internal.bind.CompiledTag;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.WriteRefusedException;
import org.scadamqtt.mqtt.profile.WriteRequest;

/**
 * The output tags of one station: OUT_TOPIC (remembered), OUT_VALUE (published on the current
 * OUT_TOPIC with the line's Publish QoS and Retain) and ACK_ID (confirms the held message).
 * Runs on the station task, so it sees the station's state without locks.
 *
 * <p>Timeouts: a write that must publish fails at once when the line is down; the broker's
 * confirmation is bounded by the session alone (line parameter writeTimeout, see
 * {@link MqttSession#publish}); a correlated profile write also waits for the device's answer,
 * bounded by Reply Timeout in {@code PendingReplies}. This class schedules no timer.
 */
final class StationWrites {

    /** A queued write; on stop its result is failed with STOPPED. */
    record WriteEvent(CompletableFuture<WriteResult> result, Runnable body) implements Runnable {
        @Override
        public void run() {
            body.run();
        }
    }

    private final StationWorker station;
    private final MqttSession session;
    private final StationSettings settings;
    private final ProfileLink profile;
    private String outTopic = "";

    StationWrites(StationWorker station, MqttSession session, StationSettings settings,
            ProfileLink profile) {
        this.station = station;
        this.session = session;
        this.settings = settings;
        this.profile = profile;
    }

    /** Sets OUT_TOPIC's value without publishing (the tag's default from the configuration). */
    void presetOutTopic(String topic) {
        outTopic = topic;
    }

    private String where(TagConfig tag) {
        return "tag " + tag.name() + " of station " + station.name() + " on line " + station.line();
    }

    void apply(CompiledTag compiled, Object value, CompletableFuture<WriteResult> result) {
        TagConfig tag = compiled.tag();
        if (station.control() != StationControl.ON) {
            result.complete(WriteResult.failed(WriteFailure.STATION_NOT_ON, "cannot write " + where(tag)
                    + ": the station is " + station.control()));
            return;
        }
        switch (compiled.kind()) {
            case OUT_TOPIC -> writeTopic(tag, value, result);
            case OUT_VALUE -> writeValue(tag, value, result);
            case ACK_ID -> writeAck(tag, value, result);
            case PROFILE -> writeProfile(compiled, value, result);
            default -> result.complete(WriteResult.failed(WriteFailure.NOT_WRITABLE, where(tag)
                    + " has address '" + tag.address() + "', which cannot be written"));
        }
    }

    private void writeTopic(TagConfig tag, Object value, CompletableFuture<WriteResult> result) {
        if (!(value instanceof String topic)) {
            result.complete(WriteResult.failed(WriteFailure.WRONG_VALUE, where(tag) + " takes text, not " + value));
            return;
        }
        if (topic.contains("+") || topic.contains("#")) {
            result.complete(WriteResult.failed(WriteFailure.WRONG_VALUE, where(tag) + ": '" + topic
                    + "' contains + or #, which a topic to publish on may not contain"));
            return;
        }
        outTopic = topic;
        result.complete(WriteResult.success());
    }

    private void writeValue(TagConfig tag, Object value, CompletableFuture<WriteResult> result) {
        if (!(value instanceof String text)) {
            result.complete(WriteResult.failed(WriteFailure.WRONG_VALUE, where(tag) + " takes text, not " + value));
            return;
        }
        if (!station.isLineUp()) {
            result.complete(WriteResult.failed(WriteFailure.NOT_CONNECTED, "line " + station.line()
                    + " is not connected to a broker; " + where(tag) + " was not published"));
            return;
        }
        if (outTopic.isEmpty()) {
            result.complete(WriteResult.failed(WriteFailure.NO_OUT_TOPIC, "station " + station.name()
                    + " has no OUT_TOPIC value; write the topic to its OUT_TOPIC tag before " + where(tag)));
            return;
        }
        String topic = outTopic;
        CompletableFuture<Void> sent;
        try {
            sent = session.publish(topic, text.getBytes(StandardCharsets.UTF_8), settings.publishQos(),
                    settings.publishRetain());
        } catch (RuntimeException e) {
            result.complete(WriteResult.failed(WriteFailure.REJECTED, "writing " + where(tag) + " failed: the "
                    + "message to topic '" + topic + "' was not sent: " + e.getMessage()));
            return;
        }
        // the session owns the broker-confirmation deadline (writeTimeout): it fails the publish with
        // TIMEOUT, so no second timer here for the same wait
        sent.whenComplete((v, ex) -> result.complete(ex == null ? WriteResult.success() : failure(ex, tag)));
    }

    /**
     * The one text of a failed publish: which tag of which station and line, then the session's
     * sentence (what happened, on which topic, and for a TIMEOUT which parameter bounded the wait).
     */
    private WriteResult failure(Throwable ex, TagConfig tag) {
        Throwable cause = ex;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof PublishException p) {
            return WriteResult.failed(p.failure(), "writing " + where(tag) + " failed: " + p.getMessage());
        }
        return WriteResult.failed(WriteFailure.REJECTED, "writing " + where(tag) + " failed: " + cause);
    }

    private void writeProfile(CompiledTag compiled, Object value, CompletableFuture<WriteResult> result) {
        TagConfig tag = compiled.tag();
        if (!(compiled.profile() instanceof OutputAddress address)) {
            result.complete(WriteResult.failed(WriteFailure.NOT_WRITABLE, where(tag) + " has address '"
                    + tag.address() + "', which cannot be written"));
            return;
        }
        if (!station.isLineUp()) {
            result.complete(WriteResult.failed(WriteFailure.NOT_CONNECTED, "line " + station.line()
                    + " is not connected to a broker; " + where(tag) + " was not sent"));
            return;
        }
        Outgoing out;
        try {
            out = profile.session().encode(address, new WriteRequest(station.config(), tag, value));
        } catch (WriteRefusedException e) {
            result.complete(WriteResult.failed(e.failure(), where(tag) + ": " + e.getMessage()));
            return;
        } catch (RuntimeException e) {
            result.complete(WriteResult.failed(WriteFailure.WRONG_VALUE, where(tag) + ": the payload profile could "
                    + "not encode " + value + ": " + e));
            return;
        }
        int qos = out.qos() < 0 ? settings.publishQos() : out.qos();
        boolean retain = out.retain() == null ? settings.publishRetain() : out.retain();
        CompletableFuture<WriteResult> answer = out.correlation() == null ? null
                : profile.replies().expect(out.correlation(), profile.replyTimeout(), (out.isDeferred()
                        ? where(tag) + " was not sent by the payload profile" : "no answer to " + where(tag)
                        + " (sent on '" + out.topic() + "')") + " within " + Seconds.text(profile.replyTimeout())
                        + " (line parameter " + profile.replyTimeoutParameter() + ", the device's answer)");
        if (answer != null) {
            answer.whenComplete((r, ex) -> result.complete(r));
        }
        if (out.isDeferred()) {
            return; // the profile publishes it itself and completes the correlation
        }
        CompletableFuture<Void> sent;
        try {
            sent = session.publish(out.topic(), out.payload(), qos, retain);
        } catch (RuntimeException e) {
            failSent(out, WriteResult.failed(WriteFailure.REJECTED, "writing " + where(tag) + " failed: the "
                    + "message to topic '" + out.topic() + "' was not sent: " + e.getMessage()), result);
            return;
        }
        // two waits, one timer each: the session's writeTimeout for the broker's confirmation of the
        // publish, and for a correlated write the Reply Timeout of PendingReplies for the device's answer
        sent.whenComplete((v, ex) -> {
            if (ex != null) {
                failSent(out, failure(ex, tag), result);
            } else if (answer == null) {
                result.complete(WriteResult.success());
            }
        });
    }

    private void failSent(Outgoing out, WriteResult failed, CompletableFuture<WriteResult> result) {
        if (out.correlation() == null || !profile.replies().complete(out.correlation(), failed)) {
            result.complete(failed);
        }
    }

    private void writeAck(TagConfig tag, Object value, CompletableFuture<WriteResult> result) {
        Long v = value instanceof Number n && (n instanceof Long || n instanceof Integer || n instanceof Short)
                ? Long.valueOf(n.longValue()) : null;
        if (v == null) {
            result.complete(WriteResult.failed(WriteFailure.WRONG_VALUE, where(tag)
                    + " takes the whole number read from IN_ID, not " + value));
            return;
        }
        AckGate.Confirmation c = station.gate().confirm(v);
        switch (c.outcome()) {
            case CONFIRMED -> {
                station.acknowledge(c.message());
                result.complete(WriteResult.success());
            }
            case NOTHING_PENDING -> result.complete(WriteResult.failed(WriteFailure.WRONG_VALUE, where(tag)
                    + ": no message is waiting for confirmation (value written: " + v + ")"));
            case WRONG_VALUE -> {
                InboundMessage m = c.message();
                result.complete(WriteResult.failed(WriteFailure.WRONG_VALUE, where(tag) + ": value " + v
                        + " does not match IN_ID " + m.messageId() + " of the waiting message on topic '"
                        + m.topic() + "'; write " + m.messageId() + " to confirm it"));
            }
        }
    }
}
