package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.PlantConfig.has;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs mosquitto_pub and mosquitto_sub as processes: the independent peer of the interoperability tests. */
final class MosquittoClients {

    private MosquittoClients() {
    }

    /** Publishes one message and waits for mosquitto_pub to finish (at most 10 s). */
    static void pub(int port, String topic, String payload, int qos) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-q",
                Integer.toString(qos), "-t", topic, "-m", payload).redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "mosquitto_pub did not finish");
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Starts mosquitto_sub printing "topic payload" lines; it exits after {@code count} messages or 20 s. */
    static Process sub(int port, String filter, int count) throws IOException {
        return new ProcessBuilder(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-q", "1",
                "-t", filter, "-v", "-C", Integer.toString(count), "-W", "20")).redirectErrorStream(true).start();
    }

    /**
     * Publishes probes with mosquitto_pub to {@code probe/x} until the driver delivers one as
     * {@code rest_data} of station {@code Rest} (the catch-all station of the test configurations):
     * only then is its subscription surely in place.
     */
    static void awaitProbe(int port, RecordingContext ctx, Duration wait) throws IOException, InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        for (int i = 0; System.nanoTime() < end; i++) {
            String probe = "probe-" + i;
            pub(port, "probe/x", probe, 0);
            try {
                ctx.awaitBatch("Rest", b -> has(b, "rest_data", probe), Duration.ofMillis(300));
                return;
            } catch (AssertionError notYet) {
                // not subscribed yet
            }
        }
        throw new AssertionError("the driver never received a probe");
    }

    /** What a finished mosquitto_sub printed. */
    static String output(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
