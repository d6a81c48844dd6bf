package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scadamqtt.driver.LineCounters;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/** GET /api/events: server-sent events of tag, station and line changes. */
class WebConsoleEventsTest {

    private FakeHostApi host;
    private WebConsole console;
    private ConsoleHttp http;
    private CompletableFuture<HttpResponse<Stream<String>>> stream;

    @BeforeEach
    void start() {
        host = new FakeHostApi();
        console = new WebConsole(host, "127.0.0.1", 0, null, Duration.ofSeconds(5), 50);
        console.start();
        http = new ConsoleHttp(console.port());
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.cancel(true);
        }
        console.stop();
    }

    /** One SSE event as read off the wire. */
    record Event(String name, String data) {
    }

    private BlockingQueue<Event> subscribe() throws Exception {
        return subscribe("text/event-stream");
    }

    /** Subscribes sending {@code accept} as the Accept header (none when null). */
    private BlockingQueue<Event> subscribe(String accept) throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base() + "/api/events")).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        HttpRequest req = b.build();
        if (stream != null) {
            stream.cancel(true);
        }
        stream = http.client().sendAsync(req, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            String[] name = {null};
            try {
                response.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        name[0] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        events.add(new Event(name[0], line.substring(5).trim()));
                    }
                });
            } catch (RuntimeException e) {
                // stream closed at the end of the test
            }
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        Event hello = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(hello, "no hello event within 10 s");
        assertEquals("hello", hello.name());
        return events;
    }

    private static Event next(BlockingQueue<Event> events, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Event e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && name.equals(e.name())) {
                return e;
            }
        }
        throw new AssertionError("no '" + name + "' event within 5 s");
    }

    @Test
    void tagChangesArriveWithTheSameJsonAsTheGetEndpoint() throws Exception {
        BlockingQueue<Event> events = subscribe();
        Instant now = Instant.parse("2026-02-01T00:00:01.500Z");
        host.setTag("temp", "S1", TagType.Ai, TagValue.good(TagType.Ai, 23.25, now, now));
        Event e = next(events, "tag");
        JsonNode pushed = ConsoleHttp.JSON.readTree(e.data());
        assertEquals(http.get("/api/tags/temp").json(), pushed);
        assertEquals(23.25, pushed.get("value").doubleValue());
        assertEquals("2026-02-01T00:00:01.500Z", pushed.get("receiveTime").textValue());
    }

    @Test
    void anIdleStreamSendsAHeartbeatAboutEverySecondSoThePageCanTellTheHostIsGone() throws Exception {
        BlockingQueue<Event> events = subscribe();
        long start = System.nanoTime();
        next(events, "heartbeat");
        next(events, "heartbeat");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 4000, "two heartbeats took " + millis + " ms");
    }

    @Test
    void stationAndLineChangesArrive() throws Exception {
        BlockingQueue<Event> events = subscribe();
        host.setStation("S1", StationState.StHARDERR, "will message received on plant/s1/will");
        JsonNode station = ConsoleHttp.JSON.readTree(next(events, "station").data());
        assertEquals("StHARDERR", station.get("state").textValue());
        assertEquals("will message received on plant/s1/will", station.get("reason").textValue());

        host.setLine(new LineStatus("L1", LineState.DISCONNECTED, "", "connection refused by 127.0.0.1:1883",
                Instant.now(), LineCounters.ZERO));
        JsonNode line = ConsoleHttp.JSON.readTree(next(events, "line").data());
        assertEquals("DISCONNECTED", line.get("status").textValue());
        assertEquals("connection refused by 127.0.0.1:1883", line.get("reason").textValue());
    }

    @Test
    void aClientThatNeverReadsDoesNotHoldUpTheHost() throws Exception {
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", console.port()), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // wait until the console has registered the client
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!http.get("/metrics").body().contains("scada_console_sse_clients 1.0")) {
                assertTrue(System.nanoTime() < deadline, "the event-stream client was not registered");
                Thread.sleep(20);
            }
            String big = "x".repeat(2000);
            Instant t = Instant.now();
            long start = System.nanoTime();
            for (int i = 0; i < 20_000; i++) {
                host.setTag("text", "S2", TagType.TxtI, TagValue.good(TagType.TxtI, big + i, t, t));
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs < 5000, "20000 tag changes took " + tookMs + " ms with a stuck client");
            String metrics = http.get("/metrics").body();
            double dropped = Double.parseDouble(metrics.lines()
                    .filter(l -> l.startsWith("scada_console_sse_dropped_total")).findFirst().orElseThrow()
                    .replaceAll(".* ", ""));
            assertTrue(dropped > 10_000, "expected the stuck client's oldest events dropped, got " + dropped);
        }
    }

    @Test
    void curlAndClientsWithoutAnAcceptHeaderGetTheStreamToo() throws Exception {
        // curl -N sends "Accept: */*"; Javalin's own SSE handler answered those an empty 200
        BlockingQueue<Event> curlLike = subscribe("*/*");
        host.setTag("temp", "S1", TagType.Ai, TagValue.good(TagType.Ai, 20.5, Instant.now(), Instant.now()));
        assertEquals(20.5, ConsoleHttp.JSON.readTree(next(curlLike, "tag").data()).get("value").doubleValue());
        subscribe(null);
        subscribe("text/html, text/*;q=0.8");
    }

    @Test
    void aClientAskingOnlyForSomethingElseIsToldWhatTheStreamIs() throws Exception {
        ConsoleHttp.Reply r = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/events"))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build());
        assertEquals(406, r.status());
        assertEquals("BAD_REQUEST", r.json().get("reason").textValue());
        assertTrue(r.json().get("message").textValue().contains("text/event-stream"), r.body());
        assertFalse(EventStreamEndpoint.acceptsEventStream("application/json, text/html"));
        assertTrue(EventStreamEndpoint.acceptsEventStream("application/json, text/event-stream;q=0.5"));
    }

    @Test
    void stopEndsOpenStreams() throws Exception {
        subscribe();
        console.stop();
        HttpResponse<Stream<String>> r = stream.get(5, TimeUnit.SECONDS);
        // the body stream ends (or fails) once the server has closed it
        CompletableFuture<Long> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return r.body().count();
            } catch (RuntimeException e) {
                return -1L;
            }
        });
        assertNotNull(drained.get(10, TimeUnit.SECONDS));
    }
}
