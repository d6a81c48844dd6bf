package org.scadamqtt.mqtt.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every case of binary-fields.json, and encoding back. */
class BinaryFieldTest {

    private static JsonNode table() throws IOException {
        try (InputStream in = BinaryFieldTest.class.getResourceAsStream("/binary-fields.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @TestFactory
    Stream<DynamicTest> reads() throws IOException {
        List<DynamicTest> tests = new java.util.ArrayList<>();
        for (JsonNode c : table().get("reads")) {
            tests.add(DynamicTest.dynamicTest(c.get("spec").asText() + " of " + c.get("data").asText(), () -> {
                JsonNode v = BinaryField.parse(c.get("spec").asText()).read(HexFormat.of().parseHex(c.get("data").asText()));
                JsonNode expected = c.get("value");
                if (expected.isNumber()) {
                    assertEquals(0, expected.decimalValue().compareTo(v.decimalValue()), v + " vs " + expected);
                } else {
                    assertEquals(expected, v);
                }
            }));
        }
        assertTrue(tests.size() >= 20);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shortDataIsNamed() throws IOException {
        return java.util.stream.StreamSupport.stream(table().get("readErrors").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.get("spec").asText(), () -> {
                    BinaryField f = BinaryField.parse(c.get("spec").asText());
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> f.read(HexFormat.of().parseHex(c.get("data").asText())));
                    assertTrue(e.getMessage().contains(c.get("error").asText()), e.getMessage());
                }));
    }

    @TestFactory
    Stream<DynamicTest> badSpecsAreExplained() throws IOException {
        return java.util.stream.StreamSupport.stream(table().get("specErrors").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest("'" + c.get("spec").asText() + "'", () -> {
                    AddressException e = assertThrows(AddressException.class,
                            () -> BinaryField.parse(c.get("spec").asText()));
                    assertTrue(e.getMessage().contains(c.get("error").asText()), e.getMessage());
                }));
    }

    @Test
    void encodesWhatItReads() {
        for (String spec : List.of("u8@0", "i8@0", "u16be@0", "i16le@0", "u32le@0", "i32be@0", "i64le@0")) {
            BinaryField f = BinaryField.parse(spec);
            long v = spec.startsWith("u") ? 200 : -100;
            assertEquals(v, f.read(f.encode(v)).longValue(), spec);
        }
        BinaryField u64 = BinaryField.parse("u64be@0");
        BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        assertEquals(max, u64.read(u64.encode(max)).bigIntegerValue());
        assertEquals(25.5, BinaryField.parse("f32le@0").read(BinaryField.parse("f32le@0").encode(25.5)).doubleValue());
        assertArrayEquals(new byte[] {0x0a, 0x0b}, BinaryField.parse("hex@0").encode("0a:0B"));
        assertArrayEquals(new byte[] {4}, BinaryField.parse("bit@0.2").encode(true));
        assertArrayEquals("OK".getBytes(java.nio.charset.StandardCharsets.US_ASCII), BinaryField.parse("ascii@0:2").encode("OK"));
    }

    @Test
    void encodingRefusesWhatDoesNotFit() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BinaryField.parse("u8@0").encode(256))
                .getMessage().contains("does not fit field u8@0 (0 to 255)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BinaryField.parse("i8@0").encode(-129))
                .getMessage().contains("-128 to 127"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BinaryField.parse("u16be@0").encode(1.5))
                .getMessage().contains("whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BinaryField.parse("u16be@0").encode("x"))
                .getMessage().contains("takes a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BinaryField.parse("hex@0:2").encode("0a"))
                .getMessage().contains("takes 2 bytes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BinaryField.parse("hex@0").encode("zz"))
                .getMessage().contains("not hex"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BinaryField.parse("ascii@0").encode("é"))
                .getMessage().contains("outside ASCII"));
    }
}
