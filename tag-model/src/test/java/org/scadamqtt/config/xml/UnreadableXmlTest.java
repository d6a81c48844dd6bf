package org.scadamqtt.config.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;

/**
 * Files the parser cannot read as a configuration: every problem is still printed as
 * file:line:column (1:1 at least), and a file nested absurdly deep is refused at once.
 */
class UnreadableXmlTest {

    private final ConfigLoader loader = new ConfigLoader(TestProtocol.CATALOG, Map.<String, String>of()::get);

    private List<ConfigProblem> problems(InputStream in) {
        return assertThrows(ConfigException.class, () -> loader.load(in, "cut.xml", Path.of("."))).problems();
    }

    private List<ConfigProblem> problems(String xml) {
        return problems(new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aFileCutInsideItsDeclarationIsLocatedAtTheStart() {
        List<ConfigProblem> ps = problems("<?xml version=\"1.0");
        assertEquals(1, ps.size(), ps::toString);
        assertEquals("XML_SYNTAX", ps.get(0).code());
        assertTrue(ps.get(0).toString().startsWith("cut.xml:1:1: "), ps.get(0).toString());
    }

    @Test
    void anEmptyFileIsLocatedAtTheStart() {
        assertTrue(problems("").get(0).toString().startsWith("cut.xml:1:1: "));
    }

    @Test
    void anEncodingJavaCannotReadIsLocatedAtTheDeclarationAndSaysWhatToDo() {
        for (String encoding : List.of("BOGUS", "UTF-7")) {
            List<ConfigProblem> ps = problems("<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n"
                    + "<scada xmlns=\"urn:scada-mqtt:config:1\"/>\n");
            assertEquals(1, ps.size(), ps::toString);
            ConfigProblem p = ps.get(0);
            assertEquals("XML_ENCODING", p.code());
            assertTrue(p.toString().startsWith("cut.xml:1:21: "), p.toString());
            assertTrue(p.message().contains("'" + encoding + "'") && p.message().contains("UTF-8"), p.message());
        }
    }

    @Test
    void deeplyNestedElementsAreRefusedAtTheFirstOneTooDeep() {
        int levels = 100_000;
        byte[] xml = ("<scada xmlns=\"urn:scada-mqtt:config:1\">" + "<x>".repeat(levels) + "</x>".repeat(levels)
                + "</scada>").getBytes(StandardCharsets.UTF_8);
        CountingStream in = new CountingStream(new ByteArrayInputStream(xml));
        long start = System.nanoTime();
        List<ConfigProblem> ps = problems(in);
        long millis = (System.nanoTime() - start) / 1_000_000;
        ConfigProblem deep = ps.stream().filter(p -> p.code().equals("XML_TOO_DEEP")).findFirst()
                .orElseThrow(() -> new AssertionError("no XML_TOO_DEEP in " + ps));
        // <scada> (39 characters) is level 1; the 32nd <x> is level 33 and ends at column 39 + 32 * 3 = 135
        assertEquals("cut.xml:1:136", deep.location().toString(), "located at the first element too deep");
        assertTrue(deep.message().contains("32 levels"), deep.message());
        assertTrue(in.read < 64 * 1024, "reading stopped there, not after " + in.read + " of " + xml.length + " bytes");
        assertTrue(millis < 5_000, "refused after " + millis + " ms");
    }

    @Test
    void aRealConfigurationIsNotNearTheLimit() throws Exception {
        String xml = "<scada xmlns=\"urn:scada-mqtt:config:1\"><line name=\"A\" protocol=\"test\"><host>h</host>"
                + "<station name=\"S\" address=\"a\"><tag name=\"T\" type=\"Ai\" address=\"x\"/></station></line></scada>";
        assertEquals(1, loader.load(xml, "ok.xml").lines().size());
    }

    private static final class CountingStream extends FilterInputStream {
        long read;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }
    }
}
