package org.scadamqtt.mqtt.internal.bind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.codec.DecodedPayload;
import org.scadamqtt.mqtt.internal.codec.PayloadCodec;
import org.scadamqtt.mqtt.internal.codec.PayloadCodecs;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one received message into the values of one station's input tags: IN_TOPIC, IN_DATA,
 * IN_ID (in that order, whatever the file order), then the JA= tags in file order. JSON paths
 * and the time mask are compiled once here; each payload is decoded once per message, and only
 * when a JA= tag or the time field needs it. Immutable and thread-safe; a pure function of the
 * message apart from rate-limited warnings.
 */
public final class TagBinder {

    private static final Logger LOG = LoggerFactory.getLogger(TagBinder.class);

    /** What binding one message produced. */
    public record Binding(List<TagUpdate> updates, String payloadError) {
        public Binding {
            updates = List.copyOf(updates);
        }

        public boolean payloadFailed() {
            return payloadError != null;
        }
    }

    private record JsonTag(TagConfig tag, JsonPath path, String compileError) {
    }

    private final String station;
    private final BindSettings settings;
    private final ValueConverter converter;
    private final LogThrottle throttle;
    private final List<TagConfig> inTopic = new ArrayList<>();
    private final List<TagConfig> inData = new ArrayList<>();
    private final List<TagConfig> inId = new ArrayList<>();
    private final List<JsonTag> jsonTags = new ArrayList<>();
    private final PayloadCodec codec;
    private final int valueCount;
    private final JsonPath timePath;
    private final TimeMask timeMask;
    private final String timeSetupError;

    private TagBinder(StationConfig station, BindSettings settings, ValueConverter converter, LogThrottle throttle,
            PayloadCodec codec) {
        this.station = station.name();
        this.settings = settings;
        this.converter = converter;
        this.throttle = throttle;
        for (TagConfig t : station.tags()) {
            TagAddress a = TagAddress.parse(t.address());
            switch (a.kind()) {
                case IN_TOPIC -> inTopic.add(t);
                case IN_DATA -> inData.add(t);
                case IN_ID -> inId.add(t);
                case JSON -> {
                    if (settings.json()) {
                        jsonTags.add(compile(t, a.jsonPath()));
                    }
                }
                default -> {
                    // output tags and unknown addresses get no values from messages
                }
            }
        }
        this.codec = codec;
        this.valueCount = inTopic.size() + inData.size() + inId.size() + jsonTags.size();
        JsonPath tp = null;
        TimeMask tm = null;
        String err = null;
        if (settings.json() && !settings.timeFieldName().isEmpty()) {
            try {
                tp = JsonPath.compile(settings.timeFieldName());
                tm = TimeMask.compile(settings.timeMask());
            } catch (RuntimeException e) {
                err = e.getMessage();
                LOG.warn("Line {}, station {}: time field '{}' with mask '{}' cannot be used ({}); values get the "
                        + "receive time", settings.line(), this.station, settings.timeFieldName(), settings.timeMask(),
                        err);
            }
        }
        this.timePath = tp;
        this.timeMask = tm;
        this.timeSetupError = err;
    }

    /** Builds the binder of one station; compiles its JSON paths and time mask. */
    public static TagBinder create(StationConfig station, BindSettings settings, ValueConverter converter,
            LogThrottle throttle) {
        return new TagBinder(station, settings, converter, throttle, PayloadCodecs.forType(settings.payloadType()));
    }

    /** Builds a binder with a given codec (profiles, tests). */
    public static TagBinder create(StationConfig station, BindSettings settings, ValueConverter converter,
            LogThrottle throttle, PayloadCodec codec) {
        return new TagBinder(station, settings, converter, throttle, codec);
    }

    private static JsonTag compile(TagConfig t, String path) {
        try {
            return new JsonTag(t, JsonPath.compile(path), null);
        } catch (RuntimeException e) {
            return new JsonTag(t, null, "JSON address '" + path + "' of tag " + t.name() + " is invalid: "
                    + e.getMessage());
        }
    }

    /** Whether any tag of the station gets a value from messages. */
    public boolean hasInputTags() {
        return !inTopic.isEmpty() || !inData.isEmpty() || !inId.isEmpty() || !jsonTags.isEmpty();
    }

    /** Binds one message. Runs on the station executor. */
    public Binding bind(InboundMessage m) {
        Instant received = m.receivedAt();
        DecodedPayload decoded = null;
        if (!jsonTags.isEmpty() || timePath != null) {
            decoded = codec.decode(m.payload());
        }
        // without JA= tags an undecodable payload only costs the time field: not a bad payload
        String payloadError = decoded != null && decoded.failed() && !jsonTags.isEmpty()
                ? decoded.error() == null || decoded.error().isBlank() ? "payload could not be decoded" : decoded.error()
                : null;
        JsonNode doc = decoded == null || decoded.failed() ? null : decoded.document();
        Instant source = sourceTime(m, doc, received);

        List<TagUpdate> out = new ArrayList<>(valueCount);
        for (TagConfig t : inTopic) {
            out.add(new TagUpdate(t.name(), converter.convert(t.type(), TextNode.valueOf(m.topic()), source, received)));
        }
        if (!inData.isEmpty()) {
            TextNode data = TextNode.valueOf(new String(m.payload(), StandardCharsets.UTF_8));
            for (TagConfig t : inData) {
                out.add(new TagUpdate(t.name(), converter.convert(t.type(), data, source, received)));
            }
        }
        for (TagConfig t : inId) {
            out.add(new TagUpdate(t.name(), converter.convert(t.type(), LongNode.valueOf(m.messageId()), source,
                    received)));
        }
        for (JsonTag j : jsonTags) {
            out.add(new TagUpdate(j.tag().name(), jsonValue(j, m, doc, payloadError, source, received)));
        }
        return new Binding(out, payloadError);
    }

    private TagValue jsonValue(JsonTag j, InboundMessage m, JsonNode doc, String payloadError, Instant source,
            Instant received) {
        TagConfig t = j.tag();
        if (j.compileError() != null) {
            return bad(t, Reason.CONVERSION_ERROR, j.compileError(), source, received);
        }
        if (payloadError != null) {
            return bad(t, Reason.PAYLOAD_ERROR, "message on topic '" + m.topic() + "' is not valid JSON: "
                    + payloadError, source, received);
        }
        JsonNode node = doc == null ? null : j.path().find(doc);
        if (node == null || node.isMissingNode()) {
            return bad(t, Reason.MISSING_IN_PAYLOAD, "message on topic '" + m.topic() + "' has no field '"
                    + j.path().text() + "'", source, received);
        }
        return converter.convert(t.type(), node, source, received);
    }

    private static TagValue bad(TagConfig t, Reason reason, String detail, Instant source, Instant received) {
        return new TagValue(t.type(), null, Quality.BAD, reason, detail, source, received);
    }

    private Instant sourceTime(InboundMessage m, JsonNode doc, Instant received) {
        if (timePath == null || doc == null) {
            return received;
        }
        JsonNode field = timePath.find(doc);
        if (field == null || field.isMissingNode() || field.isNull()) {
            if (!settings.ignoreMissingTime()) {
                warnTime("has no time field '" + settings.timeFieldName() + "'", m);
            }
            return received;
        }
        try {
            return timeMask.parse(field, settings.zone());
        } catch (DateTimeException | IllegalArgumentException | ArithmeticException e) {
            warnTime("has time '" + field.asText() + "' in field '" + settings.timeFieldName()
                    + "' that does not match mask '" + settings.timeMask() + "' (" + e.getMessage() + ")", m);
            return received;
        }
    }

    private void warnTime(String what, InboundMessage m) {
        long suppressed = throttle.permit("time:" + settings.line() + "/" + station);
        if (suppressed >= 0) {
            LOG.warn("Line {}, station {}: message on topic '{}' {}; the receive time is used instead{}",
                    settings.line(), station, m.topic(), what, LogThrottle.suppressedNote(suppressed));
        }
    }

    /** Why the time field cannot be used at all (bad mask or path); null when it can. */
    public String timeSetupError() {
        return timeSetupError;
    }
}
