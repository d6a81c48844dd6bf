package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding and cross-site writes: a page on another site that points its name at 127.0.0.1
 * must not read or write through the operator's browser; the console's own pages and scripts
 * without Origin still work. Requests go over a raw socket, as a browser's {@code Host} and
 * {@code Origin} cannot be forged with Java's HTTP client.
 */
class WebConsoleOriginTest {

    private static final String WRITE = "{\"value\": 1}";
    private final FakeHostApi host = new FakeHostApi();
    private WebConsole console;
    private int port;

    @BeforeEach
    void start() {
        console = new WebConsole(host, "127.0.0.1", 0, null, Duration.ofSeconds(5), 100,
                List.of("SCADA.Plant.example."));
        console.start();
        port = console.port();
    }

    @AfterEach
    void stop() {
        console.stop();
    }

    @Test
    void aForeignHostNameIsRefusedForPagesReadsAndWrites() throws Exception {
        String evil = "rebind.evil.example:" + port;
        for (String path : List.of("/", "/console.js", "/api/tags", "/metrics")) {
            Answer a = request("GET", path, evil, null, null, null);
            assertEquals(403, a.status(), path + ": " + a.text());
            assertTrue(a.text().contains("UNKNOWN_HOST"), a.text());
            assertTrue(a.text().contains("--http-host rebind.evil.example"), a.text());
        }
        Answer write = request("POST", "/api/tags/setpoint", evil, "http://" + evil, null, WRITE);
        assertEquals(403, write.status(), write.text());
        assertEquals(0, host.writes.size());
    }

    @Test
    void aWriteFromAnotherSiteIsRefusedEvenWithTheRightHost() throws Exception {
        String local = "127.0.0.1:" + port;
        assertEquals(403, request("POST", "/api/tags/setpoint", local, "http://rebind.evil.example:" + port, null, WRITE)
                .status());
        assertEquals(403, request("POST", "/api/tags/setpoint", local, "http://127.0.0.1:" + (port + 1), null, WRITE)
                .status(), "another port is another origin");
        assertEquals(403, request("POST", "/api/tags/setpoint", local, "null", null, WRITE).status(),
                "a sandboxed frame or a file sends Origin: null");
        assertEquals(403, request("POST", "/api/tags/setpoint", local, null, "http://evil.example/page.html", WRITE)
                .status(), "without Origin, Referer decides");
        Answer cross = request("POST", "/api/stations/S1", local, "https://evil.example", null, "{\"state\":\"StOFF\"}");
        assertEquals(403, cross.status());
        assertTrue(cross.text().contains("CROSS_ORIGIN"), cross.text());
        assertEquals(0, host.writes.size());
        assertEquals(0, host.controls.size());
    }

    @Test
    void theConsolesOwnPagesAndScriptsWithoutOriginStillWork() throws Exception {
        String local = "127.0.0.1:" + port;
        assertEquals(200, request("GET", "/", local, null, null, null).status());
        assertEquals(200, request("GET", "/api/tags", "localhost:" + port, null, null, null).status());
        assertEquals(200, request("GET", "/api/tags", "[::1]:" + port, null, null, null).status());
        assertEquals(200, request("GET", "/api/tags", "scada.plant.example:" + port, null, null, null).status(),
                "a configured name, in any case and without its trailing dot");
        assertEquals(200, request("GET", "/api/tags", "192.168.7.20:" + port, null, null, null).status(),
                "an address cannot be rebound");
        assertEquals(200, request("POST", "/api/tags/setpoint", local, "http://" + local, null, WRITE).status());
        assertEquals(200, request("POST", "/api/tags/setpoint", "localhost:" + port, null,
                "http://localhost:" + port + "/", WRITE).status());
        assertEquals(200, request("POST", "/api/tags/setpoint", local, null, null, WRITE).status(), "curl, scripts");
        assertEquals(3, host.writes.size());
    }

    @Test
    void pagesCannotBeFramedAndLoadOnlyFromThisHost() throws Exception {
        Answer page = request("GET", "/", "127.0.0.1:" + port, null, null, null);
        assertEquals("DENY", page.header("X-Frame-Options"));
        String csp = page.header("Content-Security-Policy");
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), csp);
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
    }

    @Test
    void unitNamesAndPorts() {
        SameOriginGuard g = new SameOriginGuard(List.of("scada.example"));
        assertTrue(g.hostAllowed("LOCALHOST"));
        assertTrue(g.hostAllowed("app.localhost:80"));
        assertTrue(!g.hostAllowed("localhost.evil.example"));
        assertTrue(!g.hostAllowed("127.0.0.1.evil.example"));
        assertTrue(!g.hostAllowed("127.0.0.1:80:80"));
        assertTrue(!g.hostAllowed("scada.example.evil.example"));
        assertTrue(!g.hostAllowed(""));
        assertTrue(g.sameOrigin("scada.example", "https://scada.example", null), "default port of https");
        assertTrue(!g.sameOrigin("scada.example", "https://scada.example:8443", null));
        assertTrue(!g.sameOrigin("127.0.0.1:8080", "file:///tmp/x.html", null));
        assertTrue(!g.sameOrigin(null, "http://127.0.0.1:8080", null));
    }

    private record Answer(int status, String text) {
        String header(String name) {
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }
    }

    private Answer request(String method, String path, String hostHeader, String origin, String referer, String body)
            throws IOException {
        StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nConnection: close\r\n");
        if (origin != null) {
            req.append("Origin: ").append(origin).append("\r\n");
        }
        if (referer != null) {
            req.append("Referer: ").append(referer).append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            req.append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length).append("\r\n");
        }
        req.append("\r\n");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(bytes);
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(text.substring(9, 12)), text);
        }
    }
}
