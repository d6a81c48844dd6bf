package org.scadamqtt.mqtt.profiles.lorawan;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profile.WriteRequest;
import org.scadamqtt.mqtt.profiles.lorawan.Envelope.Event;

/**
 * The LoRaWAN profile's state for one line. {@link #inspect} decodes every message once, on the
 * line's dispatch thread:
 * <ul>
 *   <li>an uplink goes to the station of its device (keys: device id, DevEUI), else by topic;</li>
 *   <li>a downlink event of The Things Stack completes the write whose correlation id it carries
 *       (queued, sent, ack: OK as the write asked; nack, failed, queue invalidated: FAILED), then
 *       goes by topic, never to the device's station (its uplink tags would go BAD for fields a
 *       downlink event does not have); join accepts and other events go by topic too;</li>
 *   <li>a downlink request seen on a subscribed topic (our own, echoed) is dropped and counted.</li>
 * </ul>
 */
final class LorawanSession implements ProfileSession {

    static final String UPLINKS = "lorawan uplinks";
    static final String UNREADABLE = "lorawan unreadable messages";
    static final String EVENTS = "lorawan other events";
    static final String OWN_DOWNLINKS = "lorawan downlink requests seen";
    static final String LATE_FAILURES = "lorawan downlinks failed after their write completed";
    static final String UNKNOWN_ANSWERS = "lorawan downlink events for unknown writes";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProfileContext context;
    private final LorawanSettings settings;

    LorawanSession(ProfileContext context, LorawanSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    @Override
    public Decoded decode(InboundView message) {
        return LorawanCodec.decode(message.payload(), message.topic(), settings.server());
    }

    @Override
    public Inspection inspect(InboundView message) {
        Decoded d = decode(message);
        if (d.failed()) {
            count(UNREADABLE);
            return Inspection.byTopic(d);
        }
        Envelope e = (Envelope) d.body();
        switch (e.event()) {
            case UPLINK -> {
                count(UPLINKS);
                List<String> keys = new ArrayList<>(2);
                if (!e.deviceId().isEmpty()) {
                    keys.add(LorawanKeys.device(e.deviceId()));
                }
                if (!e.devEui().isEmpty()) {
                    keys.add(LorawanKeys.eui(e.devEui()));
                }
                return Inspection.routeByKeys(d, keys);
            }
            case DOWNLINK_REQUEST -> {
                count(OWN_DOWNLINKS);
                return Inspection.handled();
            }
            default -> {
                complete(e);
                count(EVENTS);
                return Inspection.byTopic(d);
            }
        }
    }

    /** Completes the write a downlink event of The Things Stack answers. */
    private void complete(Envelope e) {
        for (String id : e.correlationIds()) {
            if (!id.startsWith(LorawanDownlink.CORRELATION_PREFIX)) {
                continue;
            }
            String mode = id.substring(LorawanDownlink.CORRELATION_PREFIX.length()).split(":", 2)[0];
            WriteResult result = result(e, mode);
            if (result == null) {
                continue; // an earlier step (queued before sent): the write waits for its own event
            }
            boolean waited = context != null && context.completeReply(id, result);
            if (!waited && !result.ok()) {
                count(LATE_FAILURES);
            } else if (!waited && isOwnEvent(e.event(), mode)) {
                count(UNKNOWN_ANSWERS);
            }
        }
    }

    private static WriteResult result(Envelope e, String mode) {
        return switch (e.event()) {
            case DOWNLINK_FAILED, DOWNLINK_NACK, DOWNLINK_QUEUE_INVALIDATED -> WriteResult.failed(WriteFailure.REJECTED,
                    e.error() + (e.deviceId().isEmpty() ? "" : " (device " + e.deviceId() + ")"));
            case DOWNLINK_QUEUED, DOWNLINK_SENT, DOWNLINK_ACK -> isOwnEvent(e.event(), mode) ? WriteResult.success()
                    : null;
            default -> null;
        };
    }

    private static boolean isOwnEvent(Event event, String mode) {
        return switch (event) {
            case DOWNLINK_QUEUED -> mode.equals("queued");
            case DOWNLINK_SENT -> mode.equals("sent");
            case DOWNLINK_ACK -> mode.equals("ack");
            default -> false;
        };
    }

    @Override
    public Outgoing encode(OutputAddress address, WriteRequest request) {
        if (address instanceof LorawanDownlink d) {
            return d.encode(request, settings, nextCorrelation());
        }
        return address.encode(request);
    }

    static String nextCorrelation() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private void count(String counter) {
        if (context != null) {
            context.count(counter);
        }
    }
}
