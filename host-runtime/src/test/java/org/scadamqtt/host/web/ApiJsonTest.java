package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.QiValue;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

class ApiJsonTest {

    private static final Instant T = Instant.parse("2026-01-31T12:00:00Z");

    private static JsonNode json(TagType type, Object value) {
        TagEntry e = new TagEntry("t", "L1", "S1", type, "JA=x", TagValue.good(type, value, T, T.plusMillis(7)));
        Map<String, Object> m = ApiJson.tag(e);
        return ConsoleHttp.JSON.valueToTree(m);
    }

    @Test
    void anInputMarkedWritableIsWritableForTheConsole() {
        TagEntry in = new TagEntry("t", "L1", "S1", TagType.Ai, "SP=Speed", null, 0, null, true);
        assertEquals(true, ApiJson.tag(in).get("writable"), "the console offers its write button");
        assertEquals(false, ApiJson.tag(new TagEntry("t", "L1", "S1", TagType.Ai, "SP=Speed", null)).get("writable"));
        assertEquals(true, ApiJson.tag(new TagEntry("t", "L1", "S1", TagType.Ao, "SP=Speed", null)).get("writable"));
    }

    @Test
    void everyValueKindHasItsJsonForm() {
        assertEquals(21.5, json(TagType.Ai, 21.5).get("value").doubleValue());
        assertEquals(true, json(TagType.Ai, 21.5).get("value").isDouble());
        assertEquals(42L, json(TagType.Co, 42L).get("value").longValue());
        assertEquals(true, json(TagType.Co, 42L).get("value").isIntegralNumber());
        assertEquals(true, json(TagType.Di, true).get("value").booleanValue());
        assertEquals("Q_Trans", json(TagType.Qi, QiValue.Q_Trans).get("value").textValue());
        assertEquals("Q_Err", json(TagType.Qi, QiValue.Q_Err).get("value").textValue());
        assertEquals("héllo \"x\"", json(TagType.TxtI, "héllo \"x\"").get("value").textValue());
        assertEquals("2025-06-01T08:30:00.050Z",
                json(TagType.TiA, Instant.parse("2025-06-01T08:30:00.05Z")).get("value").textValue());
        assertEquals(90.25, json(TagType.TiR, Duration.ofMillis(90_250)).get("value").doubleValue(), 1e-9);
        assertEquals(0.001, json(TagType.ToR, Duration.ofMillis(1)).get("value").doubleValue(), 1e-12);
    }

    @Test
    void timesAreIsoUtcWithThreeDigitMilliseconds() {
        JsonNode j = json(TagType.Ai, 1.0);
        assertEquals("2026-01-31T12:00:00.000Z", j.get("sourceTime").textValue());
        assertEquals("2026-01-31T12:00:00.007Z", j.get("receiveTime").textValue());
        assertEquals("2026-01-31T12:00:00.999Z", ApiJson.time(Instant.parse("2026-01-31T12:00:00.999999Z")));
        assertNull(ApiJson.time(null));
    }

    @Test
    void aBadValueKeepsItsLastValueAndSaysWhy() {
        TagValue v = TagValue.good(TagType.Ai, 3.0, T, T).invalidate(Reason.NOT_CONNECTED, "line L1 is down", T);
        JsonNode j = ConsoleHttp.JSON.valueToTree(ApiJson.tag(new TagEntry("t", "L1", "S1", TagType.Ai, "", v)));
        assertEquals(3.0, j.get("value").doubleValue());
        assertEquals("BAD", j.get("quality").textValue());
        assertEquals("NOT_CONNECTED", j.get("reason").textValue());
        assertEquals("line L1 is down", j.get("detail").textValue());
    }

    @Test
    void notANumberIsWrittenAsTextNotAsInvalidJson() throws Exception {
        String s = ConsoleHttp.JSON.writeValueAsString(ApiJson.tag(
                new TagEntry("t", "L1", "S1", TagType.Ai, "", TagValue.good(TagType.Ai, Double.NaN, T, T))));
        assertEquals("NaN", ConsoleHttp.JSON.readTree(s).get("value").textValue());
    }
}
