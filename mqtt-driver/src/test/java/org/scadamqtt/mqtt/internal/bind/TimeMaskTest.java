package org.scadamqtt.mqtt.internal.bind;

import org.scadamqtt.mqtt.profile.JsonPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class TimeMaskTest {

    /** One dynamic test per case of time-masks.json: the JSON node form and, for text, the String form. */
    @TestFactory
    Stream<DynamicTest> maskTable() throws IOException {
        JsonNode table = JsonPathTest.read("/time-masks.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : table.get("cases")) {
            String mask = c.get(0).asText();
            JsonNode input = c.get(1);
            ZoneId zone = TimeZones.parse(c.get(2).asText());
            String expected = c.get(3).asText();
            tests.add(DynamicTest.dynamicTest(mask + " | " + input + " | " + zone + " -> " + expected, () -> {
                TimeMask compiled = TimeMask.compile(mask);
                if (expected.startsWith("!")) {
                    DateTimeException e = assertThrows(DateTimeException.class, () -> compiled.parse(input, zone));
                    assertTrue(e.getMessage().contains(expected.substring(1)),
                            "message '" + e.getMessage() + "' lacks '" + expected.substring(1) + "'");
                    if (input.isTextual()) {
                        assertThrows(DateTimeException.class, () -> compiled.parse(input.textValue(), zone));
                    }
                } else {
                    assertEquals(Instant.parse(expected), compiled.parse(input, zone));
                    if (input.isTextual()) {
                        assertEquals(Instant.parse(expected), compiled.parse(input.textValue(), zone));
                    }
                }
            }));
        }
        for (JsonNode c : table.get("compileErrors")) {
            String mask = c.get(0).asText();
            JsonNode expected = c.get(1);
            tests.add(DynamicTest.dynamicTest("compile '" + mask + "' fails: " + expected, () -> {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeMask.compile(mask));
                JsonPathTest.assertContainsAll(e.getMessage(), expected);
            }));
        }
        assertTrue(tests.size() > 100);
        return tests.stream();
    }

    @Test
    void errorNamesValueAndMask() {
        DateTimeException e = assertThrows(DateTimeException.class,
                () -> TimeMask.compile("dd.mm.yyyy").parse("31.04.2024", ZoneOffset.UTC));
        assertEquals("time '31.04.2024' does not fit mask 'dd.mm.yyyy': day 31 does not exist in April 2024",
                e.getMessage());
    }

    @Test
    void longHostileTextIsShortenedInTheMessage() {
        String text = "9".repeat(10_000);
        DateTimeException e = assertThrows(DateTimeException.class,
                () -> TimeMask.compile("yyyy-mm-dd").parse(text, ZoneOffset.UTC));
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @Test
    void offsetMasksSayTheyCarryTheirOffset() {
        assertTrue(TimeMask.compile("UNIX").hasOffset());
        assertTrue(TimeMask.compile("UNIXMS").hasOffset());
        assertTrue(TimeMask.compile("yyyy-mm-ddThh:mi:ssZZZZZZ").hasOffset());
        assertFalse(TimeMask.compile("yyyy-mm-dd hh:mi:ss.mss").hasOffset());
        assertFalse(TimeMask.compile("ISO8601").hasOffset());
    }

    @Test
    void zoneIsUsedOnlyWithoutOffset() {
        TimeMask mask = TimeMask.compile("yyyy-mm-dd hh:mi:ssZZZ");
        Instant a = mask.parse("2024-01-01 00:00:00+01", ZoneId.of("Asia/Tokyo"));
        Instant b = mask.parse("2024-01-01 00:00:00+01", ZoneId.of("America/New_York"));
        assertEquals(a, b);
        assertEquals(Instant.parse("2023-12-31T23:00:00Z"), a);
    }

    @Test
    void defaultD2000MaskReadsLocalTime() {
        TimeMask mask = TimeMask.compile("yyyy-mm-dd hh:mi:ss.mss");
        ZoneId local = TimeZones.parse("LOCAL");
        assertEquals(java.time.LocalDateTime.of(2024, 6, 1, 8, 0, 0, 5_000_000).atZone(local).toInstant(),
                mask.parse(new TextNode("2024-06-01 08:00:00.005"), local));
    }

    @Test
    void equalityFollowsTheText() {
        assertEquals(TimeMask.compile("UNIX"), TimeMask.compile("UNIX"));
        assertEquals(TimeMask.compile("UNIX").hashCode(), TimeMask.compile("UNIX").hashCode());
        assertNotEquals(TimeMask.compile("UNIX"), TimeMask.compile("UNIXMS"));
        assertEquals("yyyy-mm-dd", TimeMask.compile("yyyy-mm-dd").text());
    }

    @Test
    void everyDayOfFourHundredYearsAgreesWithJavaTime() {
        // cross-check of the hand-written calendar arithmetic against java.time
        TimeMask mask = TimeMask.compile("yyyymmdd");
        for (java.time.LocalDate d = java.time.LocalDate.of(1900, 1, 1); d.getYear() < 2300; d = d.plusDays(1)) {
            String text = String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            assertEquals(d.atStartOfDay(ZoneOffset.UTC).toInstant(), mask.parse(text, ZoneOffset.UTC), text);
        }
    }
}
