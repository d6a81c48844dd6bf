package org.scadamqtt.tag.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/** Arbitrary text never makes the converter throw: it is GOOD of the right class, or BAD with a reason. */
class ConverterRobustnessTest {

    private static final String ALPHABET = "0123456789+-.eE:TZPHMSD tfalsernuoyx,[]{}\"\\/\u00e9";

    @Test
    void randomTextForEveryType() {
        Random random = new Random(20240501); // fixed seed: a failure can be reproduced
        for (int i = 0; i < 5000; i++) {
            int len = random.nextInt(30);
            StringBuilder sb = new StringBuilder(len);
            for (int k = 0; k < len; k++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String text = sb.toString();
            for (TagType type : TagType.values()) {
                TagValue v = ValueConverter.UTC.fromText(text, type, null, Instant.EPOCH);
                if (v.quality() == Quality.GOOD) {
                    assertTrue(type.kind().javaType().isInstance(v.value()), text);
                } else {
                    assertEquals(Reason.CONVERSION_ERROR, v.reason(), text);
                    assertTrue(v.detail().contains(type.name()), v.detail());
                }
            }
        }
    }

    @Test
    void numericEdgeTextForEveryType() {
        String[] edges = {"-", "+", ".", "e5", "1e", "1e+", "--1", "1..2", "9".repeat(400), "0." + "0".repeat(400) + "1",
            "1e9999", "1e-9999", "-0", "00:00:00", "99999999999:00:00", "P", "PT", "-P1D", "2024-13-01T00:00:00Z",
            "2024-01-01T00:00:00+25:00", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"};
        for (String text : edges) {
            for (TagType type : TagType.values()) {
                TagValue v = ValueConverter.UTC.fromText(text, type, null, Instant.EPOCH);
                assertTrue(v.quality() == Quality.GOOD || v.reason() == Reason.CONVERSION_ERROR, text + " " + type);
            }
        }
    }
}
