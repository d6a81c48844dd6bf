package org.scadamqtt.bench.jmh;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scadamqtt.bench.BenchConfig;
import org.scadamqtt.bench.BenchPayload;
import org.scadamqtt.bench.BenchTopology;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.mqtt.MqttParameters;
import org.scadamqtt.mqtt.internal.Acknowledgement;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.bind.BindSettings;
import org.scadamqtt.mqtt.internal.bind.LogThrottle;
import org.scadamqtt.mqtt.internal.bind.TagBinder;
import org.scadamqtt.mqtt.internal.bind.ValueConverter;
import org.scadamqtt.mqtt.internal.bind.ValueConverters;
import org.scadamqtt.mqtt.internal.route.StationRouter;

/**
 * The driver's pure pipeline for one line, built from the benchmark configuration: the station
 * router and one {@link TagBinder} per station, as the driver builds them. {@link #process}
 * is what the driver does per message between the MQTT client and the host.
 */
public final class PipelineFixture {

    /** Messages the benchmarks cycle through (a power of two). */
    public static final int MESSAGES = 1024;

    private final StationRouter router;
    private final Map<String, TagBinder> binders = new HashMap<>();
    private final LineConfig line;
    private final List<String> topics;
    private final byte[][] payloads = new byte[MESSAGES][];

    public PipelineFixture(BenchTopology topology, int jaTags) {
        this.line = BenchConfig.line("127.0.0.1", 1883, 1, "bench-jmh", topology, jaTags);
        this.router = StationRouter.of(topology.routeEntries());
        ValueConverter converter = ValueConverters.forZone(ZoneOffset.UTC);
        LogThrottle throttle = LogThrottle.tenSeconds(Clock.systemUTC());
        for (StationConfig s : line.stations()) {
            binders.put(s.name(), TagBinder.create(s, settings(s), converter, throttle));
        }
        this.topics = topology.messageTopics(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            payloads[i] = BenchPayload.bytes(i, 1_000_000L + i, "dev" + i);
        }
    }

    private BindSettings settings(StationConfig s) {
        return new BindSettings(line.name(), line.parameters().text(MqttParameters.PAYLOAD_TYPE),
                line.parameters().text(MqttParameters.TIME_FIELD_NAME), line.parameters().text(MqttParameters.TIME_MASK),
                line.parameters().bool(MqttParameters.IGNORE_MISSING_TIME), ZoneOffset.UTC);
    }

    public String topic(int i) {
        return topics.get(i & (MESSAGES - 1));
    }

    public byte[] payload(int i) {
        return payloads[i & (MESSAGES - 1)];
    }

    /** Route + decode + bind + time mask of message {@code i}; the values the host would get. */
    public List<TagUpdate> process(int i, Instant receivedAt) {
        return bind(route(i), i, receivedAt);
    }

    /** The station of message {@code i}. */
    public String route(int i) {
        String topic = topic(i);
        return router.route(topic).orElseThrow(() -> new IllegalStateException("no station for " + topic));
    }

    /** Decode + bind + time mask of message {@code i} for {@code station} (already routed). */
    public List<TagUpdate> bind(String station, int i, Instant receivedAt) {
        InboundMessage m = new InboundMessage(topic(i), payload(i), 1, (i & 0xFFFF) + 1, false, false, receivedAt,
                Acknowledgement.NONE);
        return binders.get(station).bind(m).updates();
    }

    public StationRouter router() {
        return router;
    }

    public LineConfig line() {
        return line;
    }
}
