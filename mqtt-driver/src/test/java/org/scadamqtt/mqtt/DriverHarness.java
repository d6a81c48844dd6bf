package org.scadamqtt.mqtt;

import org.scadamqtt.mqtt.internal.MqttDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.WriteResult;

/** A driver on a fake session with a recording host; closes itself. */
final class DriverHarness implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);

    final RecordingContext host;
    final MqttDriver driver;
    final FakeSession session;

    DriverHarness(LineConfig line, Path dir) {
        host = new RecordingContext(dir);
        FakeSession[] holder = new FakeSession[1];
        driver = new MqttDriver(line, host, FakeSession.factory(holder));
        session = holder[0];
    }

    /** A driver that knows these payload profiles. */
    DriverHarness(LineConfig line, Path dir, org.scadamqtt.mqtt.internal.profile.ProfileRegistry profiles) {
        host = new RecordingContext(dir);
        FakeSession[] holder = new FakeSession[1];
        driver = new MqttDriver(line, host, FakeSession.factory(holder), profiles);
        session = holder[0];
    }

    /** Starts, connects, and waits until every station reported a state. */
    DriverHarness startConnected() {
        driver.start();
        session.connect();
        return this;
    }

    WriteResult write(String tag, Object value) {
        CompletionStage<WriteResult> f = driver.write(tag, value);
        try {
            return f.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("write of " + tag + " did not complete: " + e, e);
        }
    }

    @Override
    public void close() {
        driver.stop();
    }
}
