package org.scadamqtt.mqtt.internal.bind;

import org.scadamqtt.mqtt.profile.JsonPath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.profile.ProfileRegistry;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.InputAddress;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profile.Reading;
import org.scadamqtt.mqtt.profile.StationSignal;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one received message into the values of one station's input tags: IN_TOPIC, IN_DATA,
 * IN_ID (in that order, whatever the file order), then the tags that read the payload or topic
 * (JA=, TL=, BIN=, the profile's own) in file order. Addresses and the time mask are compiled
 * once here; each payload is decoded once per message by the line's profile session, and only
 * when a tag or the time field needs it. Immutable and thread-safe apart from rate-limited warnings.
 */
public final class TagBinder {

    private static final Logger LOG = LoggerFactory.getLogger(TagBinder.class);

    /**
     * What binding one message produced.
     *
     * @param updates      the new values, in order
     * @param payloadError why the payload could not be decoded; null when it could (or was not needed)
     * @param signal       what the message says about the station
     * @param timeMissing  the line has a time field, but this message's was missing or unreadable
     *                     (its values take the receive time and stay valid, as D2000 does)
     */
    public record Binding(List<TagUpdate> updates, String payloadError, StationSignal signal, boolean timeMissing) {
        public Binding {
            updates = List.copyOf(updates);
        }

        public Binding(List<TagUpdate> updates, String payloadError) {
            this(updates, payloadError, StationSignal.none(), false);
        }

        public boolean payloadFailed() {
            return payloadError != null;
        }
    }

    private final String station;
    /** Every tag of the station, compiled once, in file order (the station's plan; writes use it too). */
    private final List<CompiledTag> compiled;
    private final BindSettings settings;
    private final ValueConverter converter;
    private final LogThrottle throttle;
    private final List<TagConfig> inTopic = new ArrayList<>();
    private final List<TagConfig> inData = new ArrayList<>();
    private final List<TagConfig> inId = new ArrayList<>();
    private final List<CompiledTag> readers = new ArrayList<>();
    private final boolean needsDecode;
    private final boolean readsPayload;
    private final ProfileSession session;
    private final java.util.function.Function<InboundView, Decoded> decoder;
    private final int valueCount;
    private final JsonPath timePath;
    private final TimeMask timeMask;
    private final String timeSetupError;

    private TagBinder(StationConfig station, List<CompiledTag> compiled, BindSettings settings,
            ValueConverter converter, LogThrottle throttle, ProfileSession session, boolean documents) {
        this.station = station.name();
        this.compiled = List.copyOf(compiled);
        this.settings = settings;
        this.converter = converter;
        this.throttle = throttle;
        this.session = session;
        boolean decode = false;
        for (CompiledTag c : compiled) {
            switch (c.kind()) {
                case IN_TOPIC -> inTopic.add(c.tag());
                case IN_DATA -> inData.add(c.tag());
                case IN_ID -> inId.add(c.tag());
                case JSON, TOPIC_LEVEL, BINARY, PROFILE -> {
                    // a JA= tag on a line without documents is a configuration error; it gets no values
                    if (c.ok() ? c.isInput()
                            : !"JA_NEEDS_JSON".equals(c.errorCode()) && !c.tag().type().isOutput()) {
                        readers.add(c);
                        decode |= c.readsPayload();
                    }
                }
                default -> {
                    // output tags and unknown addresses get no values from messages
                }
            }
        }
        this.valueCount = inTopic.size() + inData.size() + inId.size() + readers.size();
        JsonPath tp = null;
        TimeMask tm = null;
        String err = null;
        if (documents && !settings.timeFieldName().isEmpty()) {
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
        this.needsDecode = decode || tp != null;
        this.readsPayload = decode;
        this.decoder = decoderFor(session, readers, tp);
    }

    /**
     * When the station reads the document only through paths (no profile addresses, no BIN= on the
     * profile's bytes), the profile may decode just those paths (the JSON profile then builds no
     * tree for the rest of the payload).
     */
    private static java.util.function.Function<InboundView, Decoded> decoderFor(ProfileSession session,
            List<CompiledTag> readers, JsonPath timePath) {
        List<JsonPath> paths = new ArrayList<>();
        for (CompiledTag c : readers) {
            if (!c.ok() || c.kind() == TagAddress.Kind.PROFILE || (c.kind() == TagAddress.Kind.BINARY && c.path() == null)) {
                if (c.readsPayload()) {
                    return session::decode;
                }
                continue;
            }
            if (c.path() != null) {
                paths.add(c.path());
            }
        }
        if (timePath != null) {
            paths.add(timePath);
        }
        try {
            return session.decoderFor(List.copyOf(paths));
        } catch (RuntimeException e) {
            return session::decode;
        }
    }

    /** Builds the binder of one station with the standard profile of its Payload Type. */
    public static TagBinder create(StationConfig station, BindSettings settings, ValueConverter converter,
            LogThrottle throttle) {
        PayloadProfile profile = ProfileRegistry.standard().require(settings.payloadType());
        return create(station, settings, converter, throttle, profile, profile.open(null));
    }

    /** Builds a binder that decodes with a given session of the standard profile (tests count decodes). */
    public static TagBinder create(StationConfig station, BindSettings settings, ValueConverter converter,
            LogThrottle throttle, ProfileSession session) {
        return create(station, settings, converter, throttle,
                ProfileRegistry.standard().require(settings.payloadType()), session);
    }

    /** Builds the binder of one station of a line whose profile session is open. */
    public static TagBinder create(StationConfig station, BindSettings settings, ValueConverter converter,
            LogThrottle throttle, PayloadProfile profile, ProfileSession session) {
        List<CompiledTag> compiled = station.tags().stream()
                .map(t -> AddressCompiler.compile(t, station, profile)).toList();
        return new TagBinder(station, compiled, settings, converter, throttle, session, profile.producesDocument());
    }

    /** Every tag of the station as compiled for this binder, in file order. */
    public List<CompiledTag> compiled() {
        return compiled;
    }

    /** Whether any tag of the station gets a value from messages. */
    public boolean hasInputTags() {
        return !inTopic.isEmpty() || !inData.isEmpty() || !inId.isEmpty() || !readers.isEmpty();
    }

    /** Binds one message, decoding it when needed. Runs on the station's lane. */
    public Binding bind(InboundMessage m) {
        return bind(m, null);
    }

    /**
     * Binds one message.
     *
     * @param decoded the message as the profile decoded it before routing; null to decode here when needed
     */
    public Binding bind(InboundMessage m, Decoded decoded) {
        Instant received = m.receivedAt();
        InboundView view = null;
        if (decoded == null && needsDecode) {
            view = m.view();
            decoded = decodeSafely(view);
        }
        // without payload-reading tags an undecodable payload only costs the time field: not a bad payload
        String payloadError = decoded != null && decoded.failed() && readsPayload
                ? decoded.error().isBlank() ? "payload could not be decoded" : decoded.error()
                : null;
        StationSignal signal = decoded == null ? StationSignal.none() : decoded.signal();
        if (signal.kind() != StationSignal.Kind.NONE && !signal.carriesValues()) {
            return new Binding(List.of(), null, signal, false);
        }
        JsonNode doc = decoded == null || decoded.failed() ? null : decoded.document();
        Instant found = sourceTime(m, doc);
        Instant source = found == null ? received : found;

        // an array made into an immutable list once (an ArrayList would be copied twice by List.copyOf)
        TagUpdate[] out = new TagUpdate[valueCount];
        int n = 0;
        for (int k = 0; k < inTopic.size(); k++) { // indexed loops: no iterator per message
            TagConfig t = inTopic.get(k);
            out[n++] = new TagUpdate(t.name(), converter.convert(t.type(), TextNode.valueOf(m.topic()), source,
                    received));
        }
        if (!inData.isEmpty()) {
            TextNode data = TextNode.valueOf(new String(m.payload(), StandardCharsets.UTF_8));
            for (int k = 0; k < inData.size(); k++) {
                TagConfig t = inData.get(k);
                out[n++] = new TagUpdate(t.name(), converter.convert(t.type(), data, source, received));
            }
        }
        for (int k = 0; k < inId.size(); k++) {
            TagConfig t = inId.get(k);
            out[n++] = new TagUpdate(t.name(), converter.convert(t.type(), LongNode.valueOf(m.messageId()), source,
                    received));
        }
        for (int k = 0; k < readers.size(); k++) {
            CompiledTag c = readers.get(k);
            TagValue v = read(c, m, view, decoded, doc, payloadError, source, received);
            if (v != null) {
                out[n++] = new TagUpdate(c.tag().name(), v);
            }
        }
        List<TagUpdate> updates = List.of(n == out.length ? out : Arrays.copyOf(out, n));
        return new Binding(updates, payloadError, signal, found == null && timePath != null && doc != null);
    }

    private Decoded decodeSafely(InboundView view) {
        try {
            Decoded d = decoder.apply(view);
            return d == null ? Decoded.failure("the payload profile returned nothing") : d;
        } catch (RuntimeException | StackOverflowError e) {
            return Decoded.failure("the payload profile failed to decode it: " + e);
        }
    }

    private TagValue read(CompiledTag c, InboundMessage m, InboundView view, Decoded decoded, JsonNode doc,
            String payloadError, Instant source, Instant received) {
        TagConfig t = c.tag();
        if (!c.ok()) {
            return bad(t, Reason.CONVERSION_ERROR, c.error() == null ? "address '" + t.address() + "' is not known"
                    : "tag " + t.name() + " has " + c.error(), source, received);
        }
        if (c.kind() == TagAddress.Kind.TOPIC_LEVEL) {
            return topicLevel(c, m, source, received);
        }
        if (payloadError != null) {
            return bad(t, Reason.PAYLOAD_ERROR, "message on topic '" + m.topic() + "' could not be read: "
                    + payloadError, source, received);
        }
        return switch (c.kind()) {
            case JSON -> {
                JsonNode node = doc == null ? null : c.path().find(doc);
                if (node == null || node.isMissingNode()) {
                    yield bad(t, Reason.MISSING_IN_PAYLOAD, "message on topic '" + m.topic() + "' has no field '"
                            + c.path().text() + "'", source, received);
                }
                yield converter.convert(t.type(), node, source, received);
            }
            case BINARY -> binary(c, m, decoded, doc, source, received);
            default -> profileValue(c, m, view, decoded, source, received);
        };
    }

    private TagValue topicLevel(CompiledTag c, InboundMessage m, Instant source, Instant received) {
        String[] levels = m.topic().split("/", -1);
        int i = c.level() > 0 ? c.level() - 1 : levels.length + c.level();
        if (i < 0 || i >= levels.length) {
            return bad(c.tag(), Reason.MISSING_IN_PAYLOAD, "topic '" + m.topic() + "' has " + levels.length
                    + " level(s); TL=" + c.level() + " is not one of them", source, received);
        }
        return converter.convert(c.tag().type(), TextNode.valueOf(levels[i]), source, received);
    }

    private TagValue binary(CompiledTag c, InboundMessage m, Decoded decoded, JsonNode doc, Instant source,
            Instant received) {
        TagConfig t = c.tag();
        byte[] bytes;
        String what;
        if (c.path() == null) {
            bytes = decoded != null && decoded.binary() != null ? decoded.binary() : m.payload();
            what = "message on topic '" + m.topic() + "'";
        } else {
            JsonNode node = doc == null ? null : c.path().find(doc);
            if (node == null || node.isMissingNode() || !node.isTextual()) {
                return bad(t, Reason.MISSING_IN_PAYLOAD, "message on topic '" + m.topic() + "' has no " + c.encoding()
                        + " text in field '" + c.path().text() + "'", source, received);
            }
            what = "field '" + c.path().text() + "' of the message on topic '" + m.topic() + "'";
            try {
                bytes = c.encoding().equals("hex") ? HexFormat.of().parseHex(node.asText().strip())
                        : Base64.getDecoder().decode(node.asText().strip());
            } catch (IllegalArgumentException e) {
                return bad(t, Reason.PAYLOAD_ERROR, what + " is not " + c.encoding() + " text: " + e.getMessage(),
                        source, received);
            }
        }
        try {
            return converter.convert(t.type(), c.field().read(bytes), source, received);
        } catch (IllegalArgumentException e) {
            return bad(t, Reason.MISSING_IN_PAYLOAD, what + ": " + e.getMessage(), source, received);
        }
    }

    private TagValue profileValue(CompiledTag c, InboundMessage m, InboundView view, Decoded decoded, Instant source,
            Instant received) {
        TagConfig t = c.tag();
        Reading r;
        try {
            r = ((InputAddress) c.profile()).read(view == null ? m.view() : view, decoded == null ? Decoded.nothing()
                    : decoded);
        } catch (RuntimeException e) {
            return bad(t, Reason.PAYLOAD_ERROR, "reading address '" + t.address() + "' failed: " + e, source,
                    received);
        }
        if (r == null || r.absent()) {
            return null;
        }
        Instant time = r.sourceTime() == null ? source : r.sourceTime();
        if (r.value() == null) {
            return bad(t, r.reason(), r.detail(), time, received);
        }
        TagValue v = converter.convert(t.type(), r.value(), time, received);
        if (r.uncertain() && v.isGood()) {
            return new TagValue(v.type(), v.value(), Quality.UNCERTAIN, r.reason(), r.detail(), time, received);
        }
        return v;
    }

    private static TagValue bad(TagConfig t, Reason reason, String detail, Instant source, Instant received) {
        return new TagValue(t.type(), null, Quality.BAD, reason, detail, source, received);
    }

    /** The message's time from its time field; null when there is none to use. */
    private Instant sourceTime(InboundMessage m, JsonNode doc) {
        if (timePath == null || doc == null) {
            return null;
        }
        JsonNode field = timePath.find(doc);
        if (field == null || field.isMissingNode() || field.isNull()) {
            if (!settings.ignoreMissingTime()) {
                warnTime("has no time field '" + settings.timeFieldName() + "'", m);
            }
            return null;
        }
        try {
            return timeMask.parse(field, settings.zone());
        } catch (DateTimeException | IllegalArgumentException | ArithmeticException e) {
            warnTime("has time '" + field.asText() + "' in field '" + settings.timeFieldName()
                    + "' that does not match mask '" + settings.timeMask() + "' (" + e.getMessage() + ")", m);
            return null;
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
