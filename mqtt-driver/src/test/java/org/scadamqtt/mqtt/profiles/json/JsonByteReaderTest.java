package org.scadamqtt.mqtt.profiles.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scadamqtt.mqtt.profile.JsonPath;

/**
 * The byte reader builds, for every payload it accepts, the nodes the Jackson path builds (same
 * values, same node classes), accepts only what Jackson accepts, and does accept the common payloads
 * (else the fast path would silently never run).
 */
class JsonByteReaderTest {

    private static final JsonFactory FACTORY = new JsonFactory();

    private static final String BENCH = "{\"time\":\"2025-03-14 09:26:53.589\",\"seq\":17,\"dev\":{\"id\":\"ex000042\","
            + "\"temp\":21.53,\"ok\":true,\"mode\":\"AUTO\"},\"vals\":[12.5,13.25,14.75],\"site\":\"pump station north\"}";

    @ParameterizedTest
    @ValueSource(strings = {
        BENCH,
        "{\"i\":2147483647,\"l\":2147483648,\"n\":-2147483649,\"m\":-9223372036854775,\"z\":-0,\"big\":123}",
        "{\"f\":1.0,\"e\":1e3,\"E\":-2.5E-3,\"tiny\":4.9e-324,\"huge\":1e400,\"negz\":-0.0,\"p\":0.1,\"q\":123456789.123456789}",
        "{\"a\":1,\"b\":2,\"a\":{\"x\":3}}",
        "{\"n\":null,\"t\":true,\"f\":false,\"s\":\"\",\"u\":\"\u010d\u00edslo \uD83D\uDE00\",\"skip\":\"\\u010d\\n\\\"\"}",
        "[[],{},[[1]],{\"x\":{\"y\":[null]}}]",
        " \t\r\n{ \"a\" : [ 1 , 2 ] , \"b\" : { } } \n",
        "{\"s\":\"a\\/b \\u010d\\u00e9\\n\\t\\r\\b\\f\\\\ \\\" \\uD83D\\uDE00 \\udc00 \u010d\uD83D\uDE00 end\"}",
        "42", "-7", "\"text\"", "null", "true", "3.5", "[1,2,3]"})
    void acceptsCommonPayloadsAndBuildsTheSameNodes(String json) throws IOException {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        List<JsonPath> paths = pathsOf("time", "seq", "dev", "dev.temp", "vals[3]", "a", "b", "f", "e", "E", "tiny",
                "huge", "negz", "p", "q", "i", "l", "n", "m", "z", "big", "t", "s", "u", "[1]", "[4].x.y[1]", "[3]");
        assertNotNull(JsonByteReader.read(payload, PickLevel.of(paths)), json);
        same(payload, paths);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{\"a\":1} x", "{\"a\":1}{}", "[1,2", "{\"a\":", "{\"a\" 1}", "[1,]", "{\"a\":1,}",
        "{'a':1}", "01", "-", "1.", ".5", "+1", "1e", "NaN", "tru", "nul", "{\"a\":\"\u0001\"}", "\uFEFF{\"a\":1}",
        "{\"big\":12345678901234567890}", "{\"s\":\"a\\u00g9\"}", "{\"s\":\"a\\x\"}", "{\"a\\u0062\":1}"})
    void leavesTheRestToJackson(String json) {
        List<JsonPath> paths = pathsOf("a", "s", "big", "a.b");
        assertNull(JsonByteReader.read(json.getBytes(StandardCharsets.UTF_8), PickLevel.of(paths)), json);
    }

    /**
     * The payloads of the bind cases "a Ci, a TxtI and an Ao on one JA= path" (bind-cases/json-paths.json):
     * the first is read by the byte reader, the second (an escaped field name) by Jackson, so both
     * readers are shown giving one value to every tag on the path.
     */
    @Test
    void theSharedPathBindCasesRunOnEachReader() {
        PickLevel v = PickLevel.of(pathsOf("v", "v", "v"));
        assertNotNull(JsonByteReader.read("{\"v\":42,\"w\":0}".getBytes(StandardCharsets.UTF_8), v));
        assertNull(JsonByteReader.read("{\"v\":42,\"\\u0077\":0}".getBytes(StandardCharsets.UTF_8), v));
    }

    @Test
    void leavesMalformedUtf8ToJackson() {
        List<JsonPath> paths = pathsOf("a");
        for (byte[] bad : List.of(new byte[] {'"', (byte) 0xC0, (byte) 0x80, '"'},
                new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
                new byte[] {'"', (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"'},
                new byte[] {'"', (byte) 0xE2, (byte) 0x82, '"'}, new byte[] {'"', (byte) 0x80, '"'})) {
            assertNull(JsonByteReader.read(bad, PickLevel.of(paths)));
        }
    }

    @Test
    void randomDocumentsAgreeWithJackson() throws IOException {
        Random r = new Random(20261202);
        int accepted = 0;
        int valid = 0;
        for (int i = 0; i < 4000; i++) {
            StringBuilder json = new StringBuilder();
            random(r, json, 0);
            List<JsonPath> paths = new ArrayList<>();
            for (int k = 0; k < 1 + r.nextInt(4); k++) {
                paths.add(JsonPath.compile(randomPath(r)));
            }
            byte[] payload = json.toString().getBytes(StandardCharsets.UTF_8);
            valid++;
            accepted += same(payload, paths) ? 1 : 0;
            byte[] broken = payload.clone();
            if (r.nextBoolean()) {
                broken = java.util.Arrays.copyOf(payload, r.nextInt(payload.length));
            } else {
                String stray = " x}]\",:0.e-\\\u0001";
                broken[r.nextInt(broken.length)] = (byte) stray.charAt(r.nextInt(stray.length()));
            }
            same(broken, paths);
        }
        assertTrue(accepted > valid / 2, "the byte reader took " + accepted + " of " + valid);
    }

    /** Compares with the Jackson path; true when the byte reader took the payload. */
    private static boolean same(byte[] payload, List<JsonPath> paths) throws IOException {
        JsonNode direct = JsonByteReader.read(payload, PickLevel.of(paths));
        if (direct == null) {
            return false;
        }
        JsonNode jackson;
        try {
            jackson = new JsonPicker(FACTORY, paths).readWithJackson(payload);
        } catch (IOException e) {
            fail("the byte reader accepted what Jackson refuses: " + new String(payload, StandardCharsets.UTF_8) + ": "
                    + e.getMessage());
            return false;
        }
        for (JsonPath p : paths) {
            JsonNode want = p.find(jackson);
            JsonNode got = p.find(direct);
            String what = new String(payload, StandardCharsets.UTF_8) + " at " + p;
            assertEquals(want, got, what);
            if (want != null) {
                assertSameClasses(want, got, what);
            }
        }
        return true;
    }

    private static void assertSameClasses(JsonNode want, JsonNode got, String what) {
        assertEquals(want.getClass(), got.getClass(), what + ": " + want);
        if (want.isArray()) {
            for (int i = 0; i < want.size(); i++) {
                assertSameClasses(want.get(i), got.get(i), what);
            }
        }
        want.fieldNames().forEachRemaining(n -> assertSameClasses(want.get(n), got.get(n), what));
    }

    private static List<JsonPath> pathsOf(String... paths) {
        List<JsonPath> out = new ArrayList<>();
        for (String p : paths) {
            out.add(JsonPath.compile(p));
        }
        return out;
    }

    private static final String[] NAMES = {"a", "b", "\u010d", "k\\u0065y"};
    private static final String[] NUMBERS = {"0", "-0", "7", "-12", "2147483647", "2147483648", "-2147483648",
        "-2147483649", "9223372036854775807", "-9223372036854775808", "123456789012345678", "1.5", "-0.0", "0.1",
        "3.14159", "1e3", "1E-3", "2.5e+10", "1e22", "1e23", "9007199254740993", "9007199254740993.0",
        "0.30000000000000004", "123.456e-5", "4.9e-324", "1.7976931348623157e308", "0.000001", "1e-400"};
    private static final String[] TEXTS = {"a", "", "\u010d\u00ed", "\uD83D\uDE00", "x\\ny", "q\\\"", "\\u0041", "~\u007f"};

    private static void random(Random r, StringBuilder sb, int depth) {
        String ws = r.nextInt(4) == 0 ? " \n" : "";
        int kind = depth > 3 ? 2 + r.nextInt(4) : r.nextInt(6);
        switch (kind) {
            case 0 -> {
                sb.append('{').append(ws);
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append(ws).append('"').append(NAMES[r.nextInt(NAMES.length)])
                            .append("\"").append(ws).append(':');
                    random(r, sb, depth + 1);
                }
                sb.append(ws).append('}');
            }
            case 1 -> {
                sb.append('[');
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append(ws);
                    random(r, sb, depth + 1);
                }
                sb.append(']');
            }
            case 2 -> sb.append(NUMBERS[r.nextInt(NUMBERS.length)]);
            case 3 -> sb.append(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
            case 4 -> sb.append('"').append(TEXTS[r.nextInt(TEXTS.length)]).append('"');
            default -> sb.append(r.nextBoolean() ? "null" : r.nextBoolean() ? "true" : "false");
        }
    }

    private static String randomPath(Random r) {
        StringBuilder p = new StringBuilder();
        int steps = 1 + r.nextInt(3);
        for (int i = 0; i < steps; i++) {
            if (r.nextBoolean()) {
                p.append('[').append(1 + r.nextInt(3)).append(']');
            } else {
                String name = NAMES[r.nextInt(3)];
                p.append(p.length() == 0 ? "" : ".").append(name);
            }
        }
        return p.toString();
    }
}
