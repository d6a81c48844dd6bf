package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.scadamqtt.testsupport.Await.waitFor;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.host.broker.EmbeddedBroker;
import org.scadamqtt.host.tags.HostListener;
import org.scadamqtt.host.tags.LineEntry;
import org.scadamqtt.host.tags.ReloadResult;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.TagValue;

/**
 * A changed configuration applied without a restart, against the embedded HiveMQ: a station gains
 * a tag, a topic filter is added, a line is added and one removed; the new values arrive, the
 * changed line is not reconnected and the unchanged one is not touched. A file with errors is
 * refused whole with the messages of {@code validate}, and values keep flowing.
 */
@Timeout(180)
class ReloadIT {

    private static final String TOKEN = "reload-token";

    @TempDir
    Path tmp;
    private Path config;
    private HostRuntime rt;
    private MqttClient publisher;

    private static String line(String name, String filters, String stations) {
        return "  <line name=\"" + name + "\" protocol=\"mqtt\">\n    <host>embedded</host>\n"
                + "    <param name=\"payloadType\">JSON</param>\n" + filters + stations + "  </line>\n";
    }

    private static String filter(String f) {
        return "    <param name=\"topicFilter\">" + f + "</param>\n";
    }

    private static String file(String... lines) {
        return "<scada xmlns=\"urn:scada-mqtt:config:1\">\n" + String.join("", lines) + "</scada>\n";
    }

    private static final String METER = "    <station name=\"METER\" address=\"plant/meter\">\n"
            + "      <tag name=\"METER_POWER\" type=\"Ai\" address=\"JA=power\"/>\n    </station>\n";
    private static final String METER_WITH_VOLT = "    <station name=\"METER\" address=\"plant/meter\">\n"
            + "      <tag name=\"METER_POWER\" type=\"Ai\" address=\"JA=power\"/>\n"
            + "      <tag name=\"METER_VOLT\" type=\"Ai\" address=\"JA=volt\"/>\n    </station>\n";
    private static final String OTHER = "    <station name=\"OTHER\" address=\"other/x\">\n"
            + "      <tag name=\"OTHER_V\" type=\"Ai\" address=\"JA=v\"/>\n    </station>\n";
    private static final String STILL = "    <station name=\"STILL\" address=\"still/x\">\n"
            + "      <tag name=\"STILL_V\" type=\"Ai\" address=\"JA=v\"/>\n    </station>\n";
    private static final String GONE = "    <station name=\"GONE\" address=\"gone/x\">\n"
            + "      <tag name=\"GONE_V\" type=\"Ai\" address=\"JA=v\"/>\n    </station>\n";
    private static final String NEW = "    <station name=\"NEW\" address=\"new/x\">\n"
            + "      <tag name=\"NEW_V\" type=\"Ai\" address=\"JA=v\"/>\n    </station>\n";

    @BeforeEach
    void start() throws Exception {
        config = tmp.resolve("plant.xml");
        // OTHER is outside PLANT's topic filter at first: its messages do not arrive
        Files.writeString(config, file(line("PLANT", filter("plant/#"), METER + OTHER),
                line("STILL", filter("still/#"), STILL), line("GONE", filter("gone/#"), GONE)));
        HostOptions options = new HostOptions(config, null, tmp.resolve("data"), EmbeddedBroker.freePort(),
                "127.0.0.1", 0, TOKEN, ConsoleKind.web, 0);
        rt = HostRuntime.start(options, System.out);
        publisher = new MqttClient(rt.broker().uri(), "reload-it-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setConnectionTimeout(10);
        publisher.connect(o);
        waitFor(30, "every line connected", () -> rt.table().lines().stream()
                .allMatch(l -> l.status().state() == LineState.CONNECTED));
    }

    @AfterEach
    void stop() throws Exception {
        if (publisher != null && publisher.isConnected()) {
            publisher.disconnect(2000);
        }
        if (publisher != null) {
            publisher.close();
        }
        if (rt != null) {
            rt.close();
        }
    }

    @Test
    void aChangedStationAndTopicFilterTakeEffectWithoutARestartOrReconnect() throws Exception {
        publishUntil("plant/meter", "{\"power\":1}", "METER_POWER", 1.0);
        publishUntil("still/x", "{\"v\":7}", "STILL_V", 7.0);
        publish("other/x", "{\"v\":5}");
        long connectsBefore = line("PLANT").status().counters().connects();
        List<LineEntry> lineEvents = new CopyOnWriteArrayList<>();
        AutoCloseable watch = rt.table().subscribe(new HostListener() {
            @Override
            public void lineChanged(LineEntry l) {
                lineEvents.add(l);
            }
        });

        // METER gains METER_VOLT, PLANT subscribes to other/# too, GONE goes, NEW comes, STILL stays as it was
        Files.writeString(config, file(line("PLANT", filter("plant/#") + filter("other/#"), METER_WITH_VOLT + OTHER),
                line("STILL", filter("still/#"), STILL), line("NEW", filter("new/#"), NEW)));
        ReloadResult r = rt.reload();

        assertTrue(r.applied(), r.toString());
        assertEquals(List.of("PLANT"), r.reconfigured(), r.toString());
        assertEquals(List.of("NEW"), r.started(), r.toString());
        assertEquals(List.of("GONE"), r.stopped(), r.toString());
        assertEquals(List.of("STILL"), r.unchanged(), r.toString());
        assertEquals(List.of(), r.warnings(), r.toString());
        assertFalse(rt.table().tag("GONE_V").isPresent(), "a removed line's tags leave the table");
        assertEquals(7.0, value("STILL_V").value(), "the unchanged line keeps its values");
        assertTrue(value("METER_VOLT").reason() != null && !value("METER_VOLT").isGood(),
                "a new tag starts NOT_INITIALIZED");

        publishUntil("plant/meter", "{\"power\":2,\"volt\":230}", "METER_VOLT", 230.0);
        assertEquals(2.0, value("METER_POWER").value());
        publishUntil("other/x", "{\"v\":6}", "OTHER_V", 6.0); // the added topic filter delivers
        publishUntil("new/x", "{\"v\":3}", "NEW_V", 3.0); // the added line runs
        publishUntil("still/x", "{\"v\":8}", "STILL_V", 8.0);
        watch.close();
        assertEquals(connectsBefore, line("PLANT").status().counters().connects(),
                "a changed topic filter and station re-subscribe on the open connection, without reconnecting");
        assertTrue(lineEvents.stream().filter(l -> l.name().equals("PLANT") || l.name().equals("STILL"))
                .allMatch(l -> l.status().state() == LineState.CONNECTED), "PLANT and STILL stayed connected: "
                + lineEvents);
    }

    @Test
    void aConfigWithErrorsIsRefusedWholeWithTheMessagesOfValidateAndValuesKeepFlowing() throws Exception {
        publishUntil("plant/meter", "{\"power\":1}", "METER_POWER", 1.0);
        String bad = file(line("PLANT", filter("plant/#") + "    <param name=\"topicFiltr\">x/#</param>\n",
                METER_WITH_VOLT + OTHER), line("STILL", filter("still/#"), STILL.replace("\"Ai\"", "\"Analog\"")));
        Files.writeString(config, bad);

        ReloadResult r = rt.reload();
        assertFalse(r.applied(), r.toString());
        List<String> validate = validateOutput(config);
        List<String> reported = new java.util.ArrayList<>(r.errors());
        reported.addAll(r.warnings());
        assertEquals(validate.subList(0, validate.size() - 1), reported, "the same lines as validate prints");
        assertTrue(r.warnings().get(0).contains(": warning: station 'OTHER'"), r.warnings().toString());
        assertEquals(2, r.errors().size(), r.toString());
        assertTrue(r.errors().get(0).startsWith(config + ":6:"), r.errors().get(0));
        assertTrue(r.errors().get(0).contains("did you mean 'topicFilter'?"), r.errors().get(0));
        assertTrue(r.message().contains("the running one stays"), r.message());

        // nothing of the refused file was applied: no METER_VOLT, no new filter; the old values flow
        assertFalse(rt.table().tag("METER_VOLT").isPresent());
        publishUntil("plant/meter", "{\"power\":4}", "METER_POWER", 4.0);
        publishUntil("gone/x", "{\"v\":9}", "GONE_V", 9.0);

        // the same refusal over HTTP: guarded like writes, then 422 with the errors
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> noToken = http.send(reloadRequest(null), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noToken.statusCode(), noToken.body());
        HttpResponse<String> refused = http.send(reloadRequest(TOKEN), HttpResponse.BodyHandlers.ofString());
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"reason\":\"CONFIG_INVALID\""), refused.body());
        assertTrue(refused.body().contains("topicFiltr"), refused.body());

        // corrected: the next reload applies it
        Files.writeString(config, file(line("PLANT", filter("plant/#"), METER_WITH_VOLT + OTHER),
                line("STILL", filter("still/#"), STILL), line("GONE", filter("gone/#"), GONE)));
        HttpResponse<String> ok = http.send(reloadRequest(TOKEN), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"reconfigured\":[\"PLANT\"]"), ok.body());
        publishUntil("plant/meter", "{\"power\":5,\"volt\":231}", "METER_VOLT", 231.0);
    }

    @Test
    void watchConfigAppliesASavedFile() throws Exception {
        rt.watchConfigFile();
        Files.writeString(config, file(line("PLANT", filter("plant/#"), METER_WITH_VOLT + OTHER),
                line("STILL", filter("still/#"), STILL), line("GONE", filter("gone/#"), GONE)));
        waitFor(20, "the watcher to apply the saved file", () -> rt.table().tag("METER_VOLT").isPresent());
        publishUntil("plant/meter", "{\"power\":2,\"volt\":229}", "METER_VOLT", 229.0);
    }

    private HttpRequest reloadRequest(String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(rt.webUrl() + "api/reload"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private static List<String> validateOutput(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.execute(new String[] {"validate", file.toString()}, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(ExitCodes.CONFIG_INVALID, code, out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private LineEntry line(String name) {
        return rt.table().lines().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private TagValue value(String tag) {
        return rt.table().tag(tag).map(TagEntry::value).orElseThrow(() -> new AssertionError("no tag " + tag));
    }

    private void publish(String topic, String payload) throws Exception {
        publisher.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** Publishes (again every second: a subscription may still be settling) until the tag shows the value. */
    private void publishUntil(String topic, String payload, String tag, Object expected) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            publish(topic, payload);
            long next = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < next) {
                TagValue v = rt.table().tag(tag).map(TagEntry::value).orElse(null);
                if (v != null && v.isGood() && expected.equals(v.value())) {
                    return;
                }
                Thread.sleep(20);
            }
        }
        fail(tag + " did not become " + expected + " after publishing to " + topic + "; it is "
                + rt.table().tag(tag).map(TagEntry::value).orElse(null));
    }
}
