package org.scadamqtt.mqtt.internal.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.internal.Acknowledgement;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.station.StationSettings;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profiles.json.JsonCodec;
import org.scadamqtt.testsupport.LogCapture;

/** Parse-once and warning rules of the binder that the case files cannot show. */
class TagBinderTest {

    @RegisterExtension
    final LogCapture logs = LogCapture.of(TagBinder.class);

    private static InboundMessage msg(String payload) {
        return new InboundMessage("t", payload.getBytes(StandardCharsets.UTF_8), 0, 0, false, false, Instant.now(),
                Acknowledgement.NONE);
    }

    private static TagBinder binder(java.util.Map<String, String> lineParams, ProfileSession codec, TagConfig... tags) {
        StationConfig st = TestConfigs.station("S", "t", TestConfigs.params(), tags);
        LineConfig line = TestConfigs.line("L", List.of("h"), lineParams, st);
        return TagBinder.create(st, StationSettings.of(line, st).bind(), ValueConverters.forZone(java.time.ZoneOffset.UTC),
                LogThrottle.tenSeconds(Clock.systemUTC()), codec);
    }

    @Test
    void eachPayloadIsDecodedOnceHoweverManyTags() {
        AtomicInteger decodes = new AtomicInteger();
        ProfileSession counting = p -> {
            decodes.incrementAndGet();
            return JsonCodec.INSTANCE.decode(p.payload());
        };
        List<TagConfig> tags = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tags.add(TestConfigs.tag("t" + i, "Ai", "JA=v" + i));
        }
        TagBinder b = binder(TestConfigs.params("payloadType", "JSON", "timeFieldName", "ts", "timeMask", "UNIX"),
                counting, tags.toArray(TagConfig[]::new));
        b.bind(msg("{\"v1\": 1, \"ts\": 1}"));
        assertEquals(1, decodes.get());
    }

    @Test
    void noDecodingWhenNothingNeedsTheDocument() {
        AtomicInteger decodes = new AtomicInteger();
        ProfileSession counting = p -> {
            decodes.incrementAndGet();
            return JsonCodec.INSTANCE.decode(p.payload());
        };
        TagBinder b = binder(TestConfigs.params("payloadType", "JSON"), counting,
                TestConfigs.tag("d", "TxtI", "IN_DATA"));
        assertEquals(1, b.bind(msg("not json at all")).updates().size());
        assertEquals(0, decodes.get());
    }

    @Test
    void missingTimeWarnsRateLimited() {
        TagBinder b = binder(TestConfigs.params("payloadType", "JSON", "timeFieldName", "ts", "timeMask", "UNIX"),
                (ProfileSession) p -> JsonCodec.INSTANCE.decode(p.payload()), TestConfigs.tag("v", "Ai", "JA=v"));
        for (int i = 0; i < 5; i++) {
            b.bind(msg("{\"v\": 1}"));
        }
        assertEquals(1, logs.events().size(), "one warning for five messages within the period");
        String line = logs.events().get(0).getFormattedMessage();
        assertTrue(line.contains("station S") && line.contains("'ts'") && line.contains("receive time"), line);
    }

    @Test
    void ignoreMissingTimeSilencesTheWarning() {
        TagBinder b = binder(TestConfigs.params("payloadType", "JSON", "timeFieldName", "ts", "timeMask", "UNIX",
                "ignoreMissingTime", "YES"), (ProfileSession) p -> JsonCodec.INSTANCE.decode(p.payload()), TestConfigs.tag("v", "Ai", "JA=v"));
        b.bind(msg("{\"v\": 1}"));
        assertTrue(logs.events().isEmpty());
    }
}
