package org.scadamqtt.tag.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;
import org.scadamqtt.tag.ValueKind;

/** Runs every case of {@code conversions.psv} (the table behind docs/conversions.md). */
class ConversionTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant SOURCE = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2024-01-01T00:00:01Z");

    record Case(int lineNo, String source, String input, TagType type, String expected) {
        @Override
        public String toString() {
            return "line " + lineNo + ": " + source + " " + input + " -> " + type + " = " + expected;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ConversionTableTest.class.getResourceAsStream("/conversions.psv")), StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int first = line.indexOf('|');
                int last = line.lastIndexOf('|');
                int middle = line.lastIndexOf('|', last - 1);
                String source = line.substring(0, first).trim();
                String input = line.substring(first + 1, middle).trim();
                String type = line.substring(middle + 1, last).trim();
                String expected = line.substring(last + 1).trim();
                int lineNo = no;
                cases.add(new Case(no, source, input, TagType.parse(type)
                        .orElseThrow(() -> new IllegalStateException("line " + lineNo + ": unknown type " + type)),
                        expected));
            }
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheTable() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    @Test
    void theTableCoversEveryTypeWithGoodAndBadCases() throws IOException {
        Set<TagType> good = EnumSet.noneOf(TagType.class);
        Set<TagType> bad = EnumSet.noneOf(TagType.class);
        for (Case c : cases()) {
            (c.expected().startsWith("ERROR") ? bad : good).add(c.type());
        }
        assertEquals(EnumSet.allOf(TagType.class), good, "types with a good case");
        for (TagType t : TagType.values()) {
            if (!t.isOutput()) {
                assertTrue(bad.contains(t), "no error case for " + t);
            }
        }
    }

    private static void check(Case c) throws IOException {
        TagValue v;
        if (c.source().equals("json")) {
            JsonNode node = JSON.readTree(c.input());
            v = ValueConverter.UTC.fromJson(node, c.type(), SOURCE, RECEIVED);
        } else {
            String text = JSON.readValue(c.input(), String.class);
            v = ValueConverter.UTC.fromText(text, c.type(), SOURCE, RECEIVED);
        }
        assertEquals(c.type(), v.type());
        assertEquals(SOURCE, v.sourceTime());
        assertEquals(RECEIVED, v.receiveTime());
        if (c.expected().startsWith("ERROR")) {
            assertEquals(Quality.BAD, v.quality(), () -> "expected an error, got " + v.value());
            assertEquals(Reason.CONVERSION_ERROR, v.reason());
            assertNull(v.value());
            String words = c.expected().substring("ERROR".length()).trim().toLowerCase(Locale.ROOT);
            assertTrue(v.detail().toLowerCase(Locale.ROOT).contains(words),
                    () -> "reason should mention '" + words + "': " + v.detail());
            assertTrue(v.detail().contains(c.type().toString()), () -> "reason should name the type: " + v.detail());
        } else {
            assertEquals(Quality.GOOD, v.quality(), v::detail);
            String shown = c.type().kind() == ValueKind.TEXT
                    ? JSON.writeValueAsString(v.value()) : v.value().toString();
            String expected = c.type().kind() == ValueKind.TEXT
                    ? JSON.writeValueAsString(JSON.readValue(c.expected(), String.class)) : c.expected();
            assertEquals(expected, shown);
        }
    }
}
