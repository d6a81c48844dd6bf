package org.scadamqtt.tag.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * {@link ValueConverter#fromJson} takes a shortcut for the common cases: over every JSON input of
 * the conversion table and more, for every tag type, it gives what {@link ValueConverter#convertJson} gives.
 */
class FromJsonShortcutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void fromJsonAgreesWithConvertJsonForEveryInputAndType() throws IOException {
        List<String> inputs = new java.util.ArrayList<>(List.of("0", "1", "-1", "2", "3", "4", "1.5", "-0.0", "1e400",
                "9223372036854775807", "9223372036854775808", "12345678901234567890123", "0.1", "true", "false", "null",
                "\"\"", "\"x\"", "\" 12 \"", "\"on\"", "[1]", "{\"a\":1}", "1.0", "2.5e3"));
        for (ConversionTableTest.Case c : ConversionTableTest.cases()) {
            if (c.source().equals("json")) {
                inputs.add(c.input());
            }
        }
        int n = 0;
        for (String input : inputs) {
            JsonNode node = JSON.readTree(input);
            for (TagType type : TagType.values()) {
                Conversion c = ValueConverter.UTC.convertJson(node, type);
                TagValue expected = c.isOk() ? new TagValue(type, c.value(), Quality.GOOD, Reason.NONE, "", T, T)
                        : new TagValue(type, null, Quality.BAD, Reason.CONVERSION_ERROR, c.error(), T, T);
                assertEquals(expected, ValueConverter.UTC.fromJson(node, type, T, T), input + " as " + type);
                n++;
            }
        }
        assertTrue(n > 500, "cases: " + n);
    }
}
