package org.scadamqtt.config.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;

/**
 * A configuration with a DOCTYPE is refused before any entity is read: neither a local file nor a
 * URL (served here by a loopback HTTP server that counts requests) is touched.
 */
class XxeTest {

    private static final String CANARY = "CANARY-7f3a9c-do-not-leak";

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("<!ENTITY leak '" + CANARY + "'>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private List<ConfigProblem> refused(Path file) {
        ConfigLoader loader = new ConfigLoader(TestProtocol.CATALOG);
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));
        assertFalse(e.getMessage().contains(CANARY), "the secret must not appear: " + e.getMessage());
        return e.problems();
    }

    @Test
    void externalFileEntityIsRefusedAndTheFileNeverRead(@TempDir Path tmp) throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, CANARY);
        Path config = tmp.resolve("xxe.xml");
        Files.writeString(config, "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE scada [\n  <!ENTITY secret SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + "<scada xmlns=\"urn:scada-mqtt:config:1\">\n"
                + "  <line name=\"&secret;\" protocol=\"test\"><host>&secret;</host></line>\n</scada>\n");
        List<ConfigProblem> ps = refused(config);
        assertEquals(1, ps.size(), ps::toString);
        assertEquals("XML_DOCTYPE", ps.get(0).code());
        assertEquals(2, ps.get(0).location().line(), "located at the DOCTYPE");
        assertTrue(ps.get(0).location().column() > 0);
        assertTrue(ps.get(0).message().contains("DOCTYPE"), ps.get(0).message());
    }

    @Test
    void externalUrlAndParameterEntitiesAreNeverFetched(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("xxe-url.xml");
        Files.writeString(config, "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE scada SYSTEM \"" + url("/dtd") + "\" [\n"
                + "  <!ENTITY % remote SYSTEM \"" + url("/param") + "\"> %remote;\n"
                + "  <!ENTITY web SYSTEM \"" + url("/general") + "\">\n]>\n"
                + "<scada xmlns=\"urn:scada-mqtt:config:1\"><line name=\"&web;\" protocol=\"test\"><host>h</host>"
                + "</line></scada>\n");
        List<ConfigProblem> ps = refused(config);
        assertEquals("XML_DOCTYPE", ps.get(0).code());
        assertEquals(0, requests.get(), "the loader fetched an external resource");
    }

    @Test
    void theServerWouldHaveBeenSeenIfFetched() throws Exception {
        // proves the counting above can fail: a plain fetch is counted
        try (var in = new java.net.URL(url("/probe")).openStream()) {
            assertTrue(in.readAllBytes().length > 0);
        }
        assertEquals(1, requests.get());
    }

    @Test
    void committedXxeSampleIsRefused() {
        List<ConfigProblem> ps = refused(Path.of("src/test/resources/config/xxe-file.xml"));
        assertEquals(List.of("XML_DOCTYPE"), ps.stream().map(ConfigProblem::code).toList());
        assertEquals(2, ps.get(0).location().line());
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE scada [\n<!ENTITY a0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            xml.append("<!ENTITY a").append(i).append(" \"")
                    .append(("&a" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<scada xmlns=\"urn:scada-mqtt:config:1\"><line name=\"&a9;\" protocol=\"test\">"
                + "<host>h</host></line></scada>");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(TestProtocol.CATALOG).load(xml.toString(), "laughs.xml"));
        assertEquals("XML_DOCTYPE", e.problems().get(0).code());
    }
}
