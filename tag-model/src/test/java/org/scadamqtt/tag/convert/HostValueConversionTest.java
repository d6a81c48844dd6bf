package org.scadamqtt.tag.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.scadamqtt.tag.QiValue;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/** Values the host writes arrive as Java objects; they follow the same rules as message content. */
class HostValueConversionTest {

    private final ValueConverter converter = ValueConverter.UTC;

    private Object ok(Object in, TagType type) {
        Conversion c = converter.convert(in, type);
        assertTrue(c.isOk(), () -> in + " -> " + type + ": " + c.error());
        assertNull(c.error());
        assertTrue(type.kind().javaType().isInstance(c.value()));
        return c.value();
    }

    private String error(Object in, TagType type) {
        Conversion c = converter.convert(in, type);
        assertFalse(c.isOk(), () -> in + " -> " + type + " should fail, gave " + c.value());
        assertNull(c.value());
        assertTrue(c.error().contains(type.name()), c.error());
        return c.error();
    }

    @Test
    void numbersOfEveryJavaClass() {
        assertEquals(5.0, ok(5, TagType.Ao));
        assertEquals(5.5, ok(5.5f, TagType.Ao));
        assertEquals(5L, ok((short) 5, TagType.Co));
        assertEquals(5L, ok((byte) 5, TagType.Co));
        assertEquals(5L, ok(5.0, TagType.Co));
        assertEquals(5L, ok(new BigDecimal("5.000"), TagType.Co));
        assertEquals(5L, ok(BigInteger.valueOf(5), TagType.Co));
        assertTrue(error(new BigInteger("99999999999999999999"), TagType.Co).contains("64-bit"));
        assertTrue(error(5.5, TagType.Co).contains("fraction"));
        assertTrue(error(Double.NaN, TagType.Ao).contains("finite"));
        assertTrue(error(Double.POSITIVE_INFINITY, TagType.Co).contains("finite"));
        assertEquals(Boolean.TRUE, ok(1, TagType.Do));
        assertTrue(error(2, TagType.Do).contains("0 and 1"));
        assertEquals(QiValue.Q_Err, ok(3L, TagType.Qi));
        assertEquals("42", ok(42, TagType.TxtO));
        assertEquals(Instant.ofEpochSecond(60), ok(60, TagType.ToA));
        assertEquals(Duration.ofMillis(1500), ok(1.5, TagType.ToR));
    }

    @Test
    void stringsFollowTheTextRules() {
        assertEquals(21.5, ok("21.5", TagType.Ao));
        assertEquals(-7L, ok("-7", TagType.Co));
        assertEquals(Boolean.FALSE, ok("off", TagType.Do));
        assertEquals("anything", ok("anything", TagType.TxtO));
        assertEquals(Instant.parse("2024-05-01T10:15:30Z"), ok("2024-05-01T10:15:30Z", TagType.ToA));
        assertEquals(Duration.ofMinutes(90), ok("01:30:00", TagType.ToR));
        assertTrue(error("", TagType.Ao).contains("empty"));
    }

    @Test
    void valuesOfTheTagsOwnJavaTypePassThrough() {
        Instant t = Instant.parse("2024-05-01T10:15:30Z");
        assertEquals(t, ok(t, TagType.ToA));
        assertEquals(Duration.ofSeconds(3), ok(Duration.ofSeconds(3), TagType.ToR));
        assertEquals(QiValue.Q_On, ok(QiValue.Q_On, TagType.Qi));
        assertEquals(Boolean.TRUE, ok(Boolean.TRUE, TagType.Do));
        assertEquals(7L, ok(7L, TagType.Co));
        assertTrue(error(Instant.MAX, TagType.ToA).contains("9999"));
        assertTrue(error(Duration.ofDays(365L * 100_000), TagType.ToR).contains("longer"));
    }

    @Test
    void richValuesToTextUseTheirIsoForm() {
        assertEquals("2024-05-01T10:15:30Z", ok(Instant.parse("2024-05-01T10:15:30Z"), TagType.TxtO));
        assertEquals("PT1M", ok(Duration.ofMinutes(1), TagType.TxtO));
        assertEquals("Q_On", ok(QiValue.Q_On, TagType.TxtO));
    }

    @Test
    void jsonNodesAndUnsupportedObjects() {
        assertEquals(3.0, ok(JsonNodeFactory.instance.numberNode(3), TagType.Ao));
        assertTrue(error(JsonNodeFactory.instance.missingNode(), TagType.Ao).contains("no value"));
        assertTrue(error(new Object(), TagType.Ao).contains("Object"));
        assertTrue(error(Instant.EPOCH, TagType.Ao).contains("Instant"));
        assertTrue(error(null, TagType.Co).contains("no value"));
    }

    @Test
    void messagesNameTheValueAndTheChoicesAndAreShortened() {
        String e = error("x".repeat(500), TagType.Ao);
        assertTrue(e.contains("numeric text"), e);
        assertTrue(e.length() < 300, e);
    }

    @Test
    void localDateTimesAreReadInTheConvertersZone() {
        ValueConverter bratislava = new ValueConverter(ZoneId.of("Europe/Bratislava"));
        assertEquals(ZoneId.of("Europe/Bratislava"), bratislava.zone());
        TagValue v = bratislava.fromText("2024-07-01 12:00:00", TagType.TiA, null, Instant.EPOCH);
        assertEquals(Instant.parse("2024-07-01T10:00:00Z"), v.value());
        assertEquals(Instant.EPOCH, v.sourceTime(), "no source time: the receive time stands in");
        // an explicit offset wins over the zone
        assertEquals(Instant.parse("2024-07-01T12:00:00Z"),
                bratislava.fromText("2024-07-01T12:00:00Z", TagType.TiA, null, Instant.EPOCH).value());
    }

    @Test
    void missingJsonIsMissingNotAConversionError() {
        TagValue v = converter.fromJson(null, TagType.Ai, null, Instant.EPOCH);
        assertEquals(Quality.BAD, v.quality());
        assertEquals(Reason.MISSING_IN_PAYLOAD, v.reason());
        TagValue m = converter.fromJson(JsonNodeFactory.instance.missingNode(), TagType.TxtI, null, Instant.EPOCH);
        assertEquals(Reason.MISSING_IN_PAYLOAD, m.reason());
        TagValue n = converter.fromJson(JsonNodeFactory.instance.nullNode(), TagType.TxtI, null, Instant.EPOCH);
        assertEquals(Reason.CONVERSION_ERROR, n.reason());
        assertEquals(Reason.CONVERSION_ERROR, converter.fromText(null, TagType.TxtI, null, Instant.EPOCH).reason());
    }
}
