package org.scadamqtt.mqtt.profiles.lorawan;

import java.util.List;
import java.util.Locale;

/**
 * What the profile learned from one network-server message, besides the document: the profile's
 * own decoded form ({@code Decoded.body()}).
 *
 * @param server         which server's format it is
 * @param event          what it reports
 * @param deviceId       The Things Stack device id; "" when the message has none
 * @param devEui         the DevEUI as 16 upper-case hex digits; "" when the message has none
 * @param correlationIds the correlation ids of a downlink event (ours start with {@code scada-mqtt:})
 * @param error          why a downlink failed (downlink_failed, downlink_nack, a LORIOT tx error); "" otherwise
 */
record Envelope(NetworkServer server, Event event, String deviceId, String devEui, List<String> correlationIds,
        String error) {

    Envelope {
        correlationIds = List.copyOf(correlationIds);
    }

    /** What a message reports. */
    enum Event {
        UPLINK, JOIN_ACCEPT, DOWNLINK_QUEUED, DOWNLINK_SENT, DOWNLINK_ACK, DOWNLINK_NACK, DOWNLINK_FAILED,
        DOWNLINK_QUEUE_INVALIDATED, LOCATION_SOLVED, SERVICE_DATA,
        /** a downlink request (ours, or another client's) seen on a subscribed topic */
        DOWNLINK_REQUEST,
        /** LORIOT's answer to a tx request */
        DOWNLINK_RESPONSE,
        OTHER;

        /** The value of {@code lorawan.event}. */
        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
