package org.scadamqtt.mqtt.profiles.sparkplug;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scadamqtt.mqtt.profile.DecoderDefect;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.Metric;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.PropertySet;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.PropertyValue;
import org.scadamqtt.tag.Reason;

/**
 * Reads Sparkplug B payloads: the protobuf parse (a failure names the byte offset), metric values
 * with their own time and quality, template members flattened to {@code template/member} names,
 * and the JSON document {@code JA=} paths read. Never throws.
 */
final class SparkplugCodec {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A parsed payload or why it is none. */
    record Parsed(Payload payload, String error) {
    }

    /** One metric of a message with the name and type it resolved to (null name: an alias nobody announced). */
    record Resolved(Metric metric, String name, int type) {
    }

    private SparkplugCodec() {
    }

    /** Parses a payload; a failure says at which byte it goes wrong. */
    static Parsed parse(byte[] bytes) {
        try {
            return new Parsed(Payload.parser().parsePartialFrom(bytes), null);
        } catch (RuntimeException e) {
            // protobuf reports a bad payload with InvalidProtocolBufferException; anything else is a bug
            return new Parsed(null, DecoderDefect.sentence("Sparkplug B payload of " + bytes.length + " bytes", e));
        } catch (InvalidProtocolBufferException | StackOverflowError e) {
            String where = WireScanner.firstProblem(bytes, Payload.getDescriptor());
            String detail = where != null ? where : shorten(e.getMessage());
            return new Parsed(null, "payload of " + bytes.length + " bytes is not a Sparkplug B payload (protobuf "
                    + "Payload): " + detail);
        }
    }

    /** The payload's own timestamp; null when absent. */
    static Instant time(Payload p) {
        return p.hasTimestamp() ? millis(p.getTimestamp()) : null;
    }

    /** A metric's value, its time (its own, else the payload's) and quality, with template members flattened. */
    static void values(Resolved r, Instant payloadTime, Map<String, MetricValue> out) {
        Metric m = r.metric();
        Instant t = m.hasTimestamp() ? millis(m.getTimestamp()) : payloadTime;
        int quality = quality(m);
        MetricValues.Converted c;
        if (r.type() == 0 && !m.hasDatatype()) {
            c = MetricValues.Converted.problem("its data type is unknown: the metric has none and no birth announced it");
        } else {
            c = MetricValues.value(m, r.type());
        }
        Reason reason = c.value() != null ? Reason.NONE : m.getIsNull() ? Reason.MISSING_IN_PAYLOAD
                : Reason.CONVERSION_ERROR;
        out.put(r.name(), new MetricValue(r.name(), r.type(), c.value(), t, reason, c.problem(), quality));
        if (c.value() != null && m.hasTemplateValue() && !m.getTemplateValue().getIsDefinition()) {
            for (Metric member : m.getTemplateValue().getMetricsList()) {
                if (member.hasName()) {
                    values(new Resolved(member, r.name() + "/" + member.getName(), member.getDatatype()), t, out);
                }
            }
        }
    }

    /** All values of a list of resolved metrics, in message order (a later value of one name wins). */
    static Map<String, MetricValue> values(List<Resolved> metrics, Instant payloadTime) {
        Map<String, MetricValue> out = new LinkedHashMap<>();
        for (Resolved r : metrics) {
            if (r.name() != null) {
                values(r, payloadTime, out);
            }
        }
        return out;
    }

    /** The Sparkplug quality property of a metric: 192 when absent or unreadable. */
    static int quality(Metric m) {
        if (!m.hasProperties()) {
            return MetricValue.GOOD;
        }
        PropertySet s = m.getProperties();
        for (int i = 0; i < Math.min(s.getKeysCount(), s.getValuesCount()); i++) {
            if ("Quality".equalsIgnoreCase(s.getKeys(i))) {
                PropertyValue v = s.getValues(i);
                if (v.hasIntValue()) {
                    return v.getIntValue();
                }
                if (v.hasLongValue()) {
                    return (int) v.getLongValue();
                }
            }
        }
        return MetricValue.GOOD;
    }

    /**
     * The document {@code JA=} paths read: timestamp, seq, uuid and metrics[] (name resolved from
     * the birth, alias, timestamp, datatype name, value, flags, properties).
     */
    static ObjectNode document(Payload p, List<Resolved> metrics) {
        ObjectNode doc = JSON.objectNode();
        if (p.hasTimestamp()) {
            doc.put("timestamp", p.getTimestamp());
        }
        if (p.hasSeq()) {
            doc.put("seq", p.getSeq());
        }
        if (p.hasUuid()) {
            doc.put("uuid", p.getUuid());
        }
        ArrayNode arr = doc.putArray("metrics");
        for (Resolved r : metrics) {
            Metric m = r.metric();
            ObjectNode o = arr.addObject();
            if (r.name() != null) {
                o.put("name", r.name());
            }
            if (m.hasAlias()) {
                o.put("alias", m.getAlias());
            }
            if (m.hasTimestamp()) {
                o.put("timestamp", m.getTimestamp());
            }
            o.put("datatype", DataTypes.name(r.type()));
            MetricValues.Converted c = MetricValues.value(m, r.type());
            if (c.value() != null) {
                o.set("value", c.value());
            } else {
                o.putNull("value");
                o.put("problem", c.problem());
            }
            if (m.getIsHistorical()) {
                o.put("is_historical", true);
            }
            if (m.getIsTransient()) {
                o.put("is_transient", true);
            }
            if (m.hasProperties()) {
                o.set("properties", MetricValues.properties(m.getProperties()));
            }
        }
        return doc;
    }

    /** Metrics resolved by their own names and types only (no birth known). */
    static List<Resolved> byOwnNames(Payload p) {
        List<Resolved> out = new ArrayList<>(p.getMetricsCount());
        for (Metric m : p.getMetricsList()) {
            out.add(new Resolved(m, m.hasName() ? m.getName() : null, m.getDatatype()));
        }
        return out;
    }

    static Instant millis(long ms) {
        try {
            return Instant.ofEpochMilli(ms);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String shorten(String text) {
        if (text == null || text.isBlank()) {
            return "no detail from the parser";
        }
        String one = text.replaceAll("\\s*\\R\\s*", " ").trim();
        return one.length() <= 200 ? one : one.substring(0, 200) + "...";
    }
}
