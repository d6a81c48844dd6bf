package org.scadamqtt.mqtt.internal.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.config.SourceLocation;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.mqtt.MqttParameters;
import org.scadamqtt.mqtt.PublishingHost;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.mqtt.internal.SessionListener;

/** Builders for lines, contexts and listeners used by the session tests. */
final class TestLines {

    private TestLines() {
    }

    /**
     * A line read against the real parameter table.
     *
     * @param params name → value text, or name → List of texts for repeatable parameters
     */
    static LineConfig line(String name, List<String> hosts, int port, Map<String, ?> params) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        params.forEach((k, v) -> raw.put(k, v instanceof List<?> l ? l.stream().map(Object::toString).toList()
                : List.of(v.toString())));
        List<ConfigProblem> problems = new ArrayList<>();
        ParameterValues values = ParameterValues.read(MqttParameters.LINE_PARAMETERS, raw, Map.of(),
                SourceLocation.NONE, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.toString());
        }
        return new LineConfig(name, "mqtt", hosts, port, values, List.of(), SourceLocation.NONE);
    }

    /** A Paho session of a line on {@code hosts} (port 1883 where a host names none), already started. */
    static MqttSession open(String name, List<String> hosts, Map<String, ?> params, Recorder rec) {
        MqttSession s = new PahoSessionFactory().open(line(name, hosts, 1883, params), host(),
                new LineStatistics(), rec);
        s.start();
        return s;
    }

    /** Parameters fast enough for tests: short timeouts and reconnect delays. */
    static Map<String, Object> fast() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(MqttParameters.REPLY_TIMEOUT, "3");
        m.put(MqttParameters.RECONNECT_MIN_DELAY, "0.2");
        m.put(MqttParameters.RECONNECT_MAX_DELAY, "1");
        m.put(MqttParameters.CLEAN_SESSION, "YES");
        m.put(MqttParameters.FULL_DEBUG, "YES");
        return m;
    }

    static Map<String, Object> fast(Object... pairs) {
        Map<String, Object> m = fast();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("scada-test-line-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A host that drops what the driver reports, with a data folder of its own. */
    static DriverContext host() {
        return new PublishingHost(tempDir(), "testhost", (station, batch) -> {
        });
    }

    /** Records messages and statuses; the test acknowledges each message through its handle. */
    static final class Recorder implements SessionListener {
        final BlockingQueue<InboundMessage> messages = new LinkedBlockingQueue<>();
        final List<LineStatus> statuses = new CopyOnWriteArrayList<>();

        @Override
        public void messageArrived(InboundMessage message) {
            messages.add(message);
        }

        @Override
        public void statusChanged(LineStatus status) {
            statuses.add(status);
        }

        InboundMessage next(Duration timeout) throws InterruptedException {
            return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Waits for a status matching {@code p} among those not yet seen after index {@code from}. */
        LineStatus await(Predicate<LineStatus> p, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                for (LineStatus s : statuses) {
                    if (p.test(s)) {
                        return s;
                    }
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no matching status within " + timeout + "; seen: " + statuses);
        }

        LineStatus awaitState(LineState state, Duration timeout) throws InterruptedException {
            return await(s -> s.state() == state, timeout);
        }

        /** Forgets statuses seen so far. */
        void clearStatuses() {
            statuses.clear();
        }
    }
}
