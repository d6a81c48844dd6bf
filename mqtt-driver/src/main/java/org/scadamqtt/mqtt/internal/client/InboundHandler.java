package org.scadamqtt.mqtt.internal.client;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.SessionListener;

/**
 * Messages in: numbers each PUBLISH, hands it to the driver and records QoS 1/2 ones with the
 * {@link AckSequencer}, which sends PUBACK/PUBREC only when the driver acknowledges (after the
 * values reached the host). Thread-safe.
 */
final class InboundHandler {

    private final LineStatistics statistics;
    private final LineLog log;
    private final Clock clock;
    private final SessionListener listener;
    private final AckSequencer acks;
    private final AtomicLong sequence = new AtomicLong();

    InboundHandler(LineStatistics statistics, LineLog log, Clock clock, SessionListener listener, AckSequencer acks) {
        this.statistics = statistics;
        this.log = log;
        this.clock = clock;
        this.listener = listener;
        this.acks = acks;
    }

    /**
     * Runs on Paho's callback thread: hand over and return; never throw (an exception disconnects, #549).
     *
     * @param current whether {@code c} is still the line's connection (an abandoned one's messages are dropped:
     *                the broker delivers them again)
     */
    void arrived(LineConnection c, boolean current, String topic, MqttMessage msg) {
        long seq = 0;
        try {
            if (!current) {
                log.packet("PUBLISH in on an abandoned connection ignored: topic={} id={}", topic, msg.getId());
                return;
            }
            seq = sequence.incrementAndGet();
            byte[] payload = msg.getPayload();
            InboundMessage in = new InboundMessage(topic, payload, msg.getQos(), msg.getQos() == 0 ? 0 : msg.getId(),
                    msg.isRetained(), msg.isDuplicate(), clock.instant(), seq);
            if (in.needsAck()) {
                acks.arrived(c.ackConnection, seq, msg.getId(), msg.getQos());
            }
            statistics.received(payload.length);
            if (log.fullDebug()) { // the preview, boxing and varargs cost more than the rest of this method
                log.packet("PUBLISH in: topic={} qos={} id={} retained={} dup={} bytes={} payload={}", topic,
                        msg.getQos(), msg.getId(), msg.isRetained(), msg.isDuplicate(), payload.length,
                        LineLog.preview(payload));
            }
            listener.messageArrived(in);
        } catch (Throwable t) {
            String why = "message on topic '" + topic + "' could not be handed over: " + t;
            statistics.error(why, clock.instant());
            log.error("{}", why);
            if (seq > 0 && msg.getQos() > 0) {
                acks.acknowledge(seq); // do not block the acknowledgements behind it
            }
        }
    }

    /** The driver has the message's values: its acknowledgement may go (see {@link AckSequencer}). */
    void acknowledge(InboundMessage message) {
        if (!message.needsAck()) {
            return;
        }
        if (!acks.acknowledge(message.sequence())) {
            log.packet("acknowledgement of message #{} (id {}) ignored: it came on an earlier connection and the "
                    + "broker will deliver it again", message.sequence(), message.messageId());
        }
    }
}
