package org.scadamqtt.mqtt.profiles.lorawan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.mqtt.profile.AddressException;
import org.scadamqtt.mqtt.profile.BinaryField;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.WriteRefusedException;
import org.scadamqtt.mqtt.profile.WriteRequest;
import org.scadamqtt.tag.TagType;

/**
 * An output tag that sends a downlink: {@code LW=downlink;port=2[;field=u16be@0][;confirmed=YES]
 * [;priority=HIGH][;device=ID][;complete=publish|queued|sent|ack]}. The line's network server
 * decides the message: The Things Stack {@code {"downlinks":[{f_port, frm_payload (base64),
 * priority, confirmed, correlation_ids}]}} on {@code v3/<app>/devices/<device>/down/push}, LORIOT
 * {@code {"cmd":"tx","EUI","port","confirmed","data" (hex)}} on lorawanDownlinkTopic. Immutable.
 */
final class LorawanDownlink implements OutputAddress {

    static final String PREFIX = "LW=";
    /** The prefix of the correlation ids our downlinks carry. */
    static final String CORRELATION_PREFIX = "scada-mqtt:";
    /** The largest application payload of a LoRaWAN downlink (EU868 DR7; slower rates allow less). */
    static final int MAX_BYTES = 242;
    private static final Set<String> OPTIONS = Set.of("port", "field", "confirmed", "priority", "device", "complete");
    private static final List<String> PRIORITIES = List.of("LOWEST", "LOW", "BELOW_NORMAL", "NORMAL", "ABOVE_NORMAL",
            "HIGH", "HIGHEST");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** When a downlink write completes. */
    enum Completion {
        /** the broker took the message (as the line's Publish QoS requires) */
        PUBLISH,
        /** The Things Stack queued it (downlink_queued) */
        QUEUED,
        /** it went out to a gateway (downlink_sent) */
        SENT,
        /** the device acknowledged the confirmed downlink (downlink_ack) */
        ACK;

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String device;
    private final int port;
    private final BinaryField field;
    private final boolean confirmed;
    private final String priority;
    private final Completion completion;

    private LorawanDownlink(String device, int port, BinaryField field, boolean confirmed, String priority,
            Completion completion) {
        this.device = device;
        this.port = port;
        this.field = field;
        this.confirmed = confirmed;
        this.priority = priority;
        this.completion = completion;
    }

    static boolean isOurs(String address) {
        return address != null && address.strip().regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Compiles {@code LW=downlink;option=value...}.
     *
     * @throws AddressException saying what is wrong and how to write it
     */
    static LorawanDownlink compile(TagConfig tag, StationConfig station) {
        String[] parts = tag.address().strip().substring(PREFIX.length()).split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase("downlink")) {
            throw new AddressException("'" + parts[0].strip() + "' is not a LoRaWAN operation; write "
                    + "LW=downlink;port=N (e.g. LW=downlink;port=2;field=u16be@0)");
        }
        if (!tag.type().isOutput()) {
            throw new AddressException("LW=downlink sends a value to a device, so the tag must be an output type "
                    + "(TxtO, Co, Ao, Do), not " + tag.type() + "; read uplinks with JA= or BIN=");
        }
        Map<String, String> o = options(parts);
        if (!o.containsKey("port")) {
            throw new AddressException("LW=downlink needs ;port=N, the FPort the device listens on (1 to 223)");
        }
        int port = (int) number(o.get("port"), "port", 1, 223);
        BinaryField f = null;
        if (o.containsKey("field")) {
            f = BinaryField.parse(o.get("field"));
        } else if (tag.type() != TagType.TxtO) {
            throw new AddressException("a " + tag.type() + " tag needs ;field=TYPE@0 saying how its value becomes "
                    + "bytes (e.g. ;field=u16be@0, ;field=f32le@0, ;field=bit@0.0); a TxtO tag without it sends hex text");
        }
        boolean confirmed = o.containsKey("confirmed") && yes(o.get("confirmed"));
        String priority = o.getOrDefault("priority", "NORMAL").toUpperCase(Locale.ROOT);
        if (!PRIORITIES.contains(priority)) {
            throw new AddressException("priority=" + o.get("priority") + " is not a downlink priority; write one of "
                    + String.join(", ", PRIORITIES));
        }
        Completion completion = null;
        if (o.containsKey("complete")) {
            try {
                completion = Completion.valueOf(o.get("complete").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new AddressException("complete=" + o.get("complete") + " is not known; write complete=publish "
                        + "(the broker took it), queued, sent or ack (The Things Stack only)");
            }
            if (completion == Completion.ACK && !confirmed) {
                throw new AddressException("complete=ack waits for the device's acknowledgement, which only a "
                        + "confirmed downlink gets: add ;confirmed=YES");
            }
        }
        String device = o.getOrDefault("device", LorawanKeys.deviceOf(station)).strip();
        if (device.isEmpty()) {
            throw new AddressException("no device: add ;device=ID to the address or set the station parameter "
                    + LorawanProfile.DEVICE + " (a device id for The Things Stack, the DevEUI for LORIOT)");
        }
        if (device.contains("/") || device.contains("+") || device.contains("#")) {
            throw new AddressException("device " + device + " goes into a topic level, so it may not contain '/', "
                    + "'+' or '#'");
        }
        return new LorawanDownlink(device, port, f, confirmed, priority, completion);
    }

    private static Map<String, String> options(String[] parts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (eq < 0 || !OPTIONS.contains(key)) {
                throw new AddressException("'" + part + "' is not an option of LW=downlink; its options are "
                        + String.join(", ", OPTIONS.stream().sorted().toList()) + ", each written ;name=value");
            }
            if (out.put(key, part.substring(eq + 1).strip()) != null) {
                throw new AddressException("option " + key + " is given twice");
            }
        }
        return out;
    }

    private static boolean yes(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "on" -> true;
            case "no", "false", "0", "off" -> false;
            default -> throw new AddressException("confirmed=" + v + " must be YES or NO");
        };
    }

    private static long number(String v, String key, long min, long max) {
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the sentence below says what is expected
        }
        throw new AddressException("option " + key + "=" + v + " must be a whole number from " + min + " to " + max);
    }

    String device() {
        return device;
    }

    /** When this write completes on a line of this server (the default depends on the server). */
    Completion completion(NetworkServer server) {
        if (completion != null) {
            return completion;
        }
        return server == NetworkServer.TTS ? Completion.QUEUED : Completion.PUBLISH;
    }

    /** Whether the address asks for a completion only The Things Stack reports. */
    boolean needsServerEvents() {
        return completion != null && completion != Completion.PUBLISH;
    }

    @Override
    public Outgoing encode(WriteRequest request) {
        throw new WriteRefusedException(WriteFailure.REJECTED, "a LoRaWAN downlink is encoded by its line, which "
                + "knows the network server");
    }

    /**
     * Encodes one write for the line's server.
     *
     * @param correlation a fresh random id for The Things Stack (ignored for LORIOT)
     * @throws WriteRefusedException with a sentence when the value or the line's settings do not allow it
     */
    Outgoing encode(WriteRequest request, LorawanSettings settings, String correlation) {
        byte[] bytes = payload(request);
        String eui = LorawanKeys.normaliseEui(device);
        String topic = topic(settings, eui);
        Completion c = completion(settings.server());
        ObjectNode msg = NODES.objectNode();
        if (settings.server() == NetworkServer.TTS) {
            ObjectNode d = msg.putArray("downlinks").addObject();
            d.put("f_port", port);
            d.put("frm_payload", Base64.getEncoder().encodeToString(bytes));
            d.put("priority", priority);
            d.put("confirmed", confirmed);
            String id = CORRELATION_PREFIX + c.text() + ":" + correlation;
            d.putArray("correlation_ids").add(id);
            Outgoing out = Outgoing.of(topic, msg.toString().getBytes(StandardCharsets.UTF_8));
            return c == Completion.PUBLISH ? out : out.correlated(id);
        }
        if (eui == null) {
            throw new WriteRefusedException(WriteFailure.REJECTED, "LORIOT addresses devices by DevEUI, and '" + device
                    + "' is not 16 hex digits: set " + LorawanProfile.DEVICE + " or ;device= to the DevEUI");
        }
        if (c != Completion.PUBLISH) {
            throw new WriteRefusedException(WriteFailure.REJECTED, "complete=" + c.text() + " needs The Things Stack's "
                    + "downlink events; LORIOT downlinks complete when the broker takes them (complete=publish)");
        }
        msg.put("cmd", "tx");
        msg.put("EUI", eui);
        msg.put("port", port);
        msg.put("confirmed", confirmed);
        msg.put("data", HexFormat.of().formatHex(bytes));
        return Outgoing.of(topic, msg.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String topic(LorawanSettings settings, String eui) {
        if (settings.server() == NetworkServer.AUTO) {
            throw new WriteRefusedException(WriteFailure.REJECTED, "the line's " + LorawanProfile.SERVER + " is AUTO, "
                    + "so the downlink's format is not known: set it to TTS or LORIOT");
        }
        String template = settings.downlinkTopic();
        if (template.isEmpty()) {
            throw new WriteRefusedException(WriteFailure.REJECTED, "the line has no " + LorawanProfile.DOWNLINK_TOPIC
                    + ": set it to the topic your LORIOT MQTT output takes downlinks from");
        }
        if (template.contains("{application}") && settings.application().isEmpty()) {
            throw new WriteRefusedException(WriteFailure.REJECTED, "the downlink topic needs the application: set the "
                    + "line's " + LorawanProfile.APPLICATION + " (or userName) to application-id@tenant-id");
        }
        if (template.contains("{eui}") && eui == null) {
            throw new WriteRefusedException(WriteFailure.REJECTED, "the downlink topic needs the DevEUI, and '"
                    + device + "' is not 16 hex digits");
        }
        return template.replace("{application}", settings.application()).replace("{device}", device)
                .replace("{eui}", eui == null ? "" : eui);
    }

    private byte[] payload(WriteRequest request) {
        Object value = request.value();
        if (value == null) {
            throw new WriteRefusedException(WriteFailure.WRONG_VALUE, "no value to send");
        }
        byte[] bytes;
        try {
            if (field != null) {
                bytes = field.encode(value);
            } else if (value instanceof String text) {
                bytes = HexFormat.of().parseHex(text.replaceAll("[\\s:]", ""));
            } else {
                throw new WriteRefusedException(WriteFailure.WRONG_VALUE, "LW=downlink without ;field= takes hex text "
                        + "(e.g. 0a0b), not " + value);
            }
        } catch (IllegalArgumentException e) {
            throw new WriteRefusedException(WriteFailure.WRONG_VALUE, field == null
                    ? "'" + value + "' is not hex text (pairs of 0-9 a-f)" : e.getMessage());
        }
        if (bytes.length == 0) {
            throw new WriteRefusedException(WriteFailure.WRONG_VALUE, "the hex text is empty; send at least one byte");
        }
        if (bytes.length > MAX_BYTES) {
            throw new WriteRefusedException(WriteFailure.WRONG_VALUE, "the downlink has " + bytes.length + " bytes; "
                    + "LoRaWAN carries at most " + MAX_BYTES + " (fewer at slow data rates)");
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "LorawanDownlink[" + device + ", port " + port + "]";
    }
}
