package org.scadamqtt.mqtt.internal.client;

import java.time.Clock;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.scadamqtt.mqtt.internal.Acknowledgement;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.SessionListener;

/**
 * Messages in: hands each PUBLISH to the driver with its acknowledgement handle from the
 * {@link AckSequencer}, which sends PUBACK/PUBREC only when the driver acknowledges (after the
 * values reached the host). Thread-safe.
 */
final class InboundHandler {

    private final LineStatistics statistics;
    private final LineLog log;
    private final Clock clock;
    private final SessionListener listener;
    private final AckSequencer acks;

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
        Acknowledgement ack = Acknowledgement.NONE;
        try {
            if (!current) {
                log.packet("PUBLISH in on an abandoned connection ignored: topic={} id={}", topic, msg.getId());
                return;
            }
            if (msg.getQos() > 0) {
                ack = acks.arrived(c.ackConnection, msg.getId(), msg.getQos());
            }
            byte[] payload = msg.getPayload();
            InboundMessage in = new InboundMessage(topic, payload, msg.getQos(), msg.getQos() == 0 ? 0 : msg.getId(),
                    msg.isRetained(), msg.isDuplicate(), clock.instant(), ack);
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
            ack.acknowledge(); // do not block the acknowledgements behind it
        }
    }

    /** Logs (Full Debug) an acknowledgement used too late: its connection is gone, or it was used before. */
    static AckSequencer.IgnoredAck ignoredAcks(LineLog log) {
        return (messageId, repeated) -> {
            if (repeated) {
                log.packet("acknowledgement of id {} ignored: it was acknowledged already", messageId);
            } else {
                log.packet("acknowledgement of id {} ignored: it came on an earlier connection and the broker "
                        + "will deliver it again", messageId);
            }
        };
    }
}
