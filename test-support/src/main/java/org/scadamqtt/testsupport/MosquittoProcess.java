package org.scadamqtt.testsupport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A Mosquitto broker process on 127.0.0.1 and a free port, plus the {@code mosquitto_pub} and
 * {@code mosquitto_sub} clients, for the host's tests against an independent broker. Skips (or
 * fails with CI=true) when Mosquitto is not installed. The broker logs everything ({@code log_type
 * all}, to its standard output, which this JVM writes to a file: Mosquitto started as root drops to
 * its own user and could not write a log file in the test's folder); {@link #log()} reads it.
 */
public final class MosquittoProcess implements AutoCloseable {

    private final MosquittoBroker broker;
    private final int port;

    private MosquittoProcess(MosquittoBroker broker) {
        this.broker = broker;
        this.port = broker.port();
    }

    /** Skips the test without Mosquitto and its clients (fails when CI=true). */
    public static void assumeInstalled() {
        MosquittoBroker.assumeAvailable();
        boolean clients = new File("/usr/bin/mosquitto_pub").canExecute() && new File("/usr/bin/mosquitto_sub").canExecute();
        String message = "this test needs mosquitto_pub and mosquitto_sub (apt-get install -y mosquitto-clients)";
        if (!clients && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + "; CI=true, so this is a failure");
        }
        Assumptions.assumeTrue(clients, message + "; skipping");
    }

    /**
     * A Mosquitto broker (the shared {@link MosquittoBroker}) with the command-line clients as the
     * test's independent peer. {@code parent} is kept for callers; the broker keeps its own folder.
     */
    public static MosquittoProcess start(Path parent) throws IOException, InterruptedException {
        return new MosquittoProcess(MosquittoBroker.startVerbose());
    }

    /** A broker on a given port: a "restart" is {@link #close()} and a start on the same port. */
    public static MosquittoProcess start(Path parent, int port) throws IOException, InterruptedException {
        return new MosquittoProcess(MosquittoBroker.startVerbose(port));
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Publishes one message with mosquitto_pub (QoS 1) and waits for it to exit. */
    public void publish(String topic, String payload) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-q", "1", "-t", topic, "-m", payload).redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("mosquitto_pub did not finish within 10 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assertions.assertEquals(0, p.exitValue(), "mosquitto_pub failed: " + out);
    }

    /** A running mosquitto_sub printing "topic payload" lines. */
    public final class Subscriber implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private Subscriber(String filter) throws IOException {
            process = new ProcessBuilder(List.of("/usr/bin/mosquitto_sub", "-h", "127.0.0.1", "-p",
                    String.valueOf(port), "-q", "1", "-v", "-t", filter)).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // process ended
                }
            }, "mosquitto_sub-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** The next line starting with {@code prefix} within the timeout, or null. */
        public String await(String prefix, long millis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(50, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
            }
            return null;
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    /**
     * Starts mosquitto_sub and returns once it demonstrably receives (a probe message published
     * on {@code probeTopic}, which the filter must match).
     */
    public Subscriber subscribe(String filter, String probeTopic) throws IOException, InterruptedException {
        Subscriber s = new Subscriber(filter);
        for (int i = 0; i < 40; i++) {
            publish(probeTopic, "probe-" + i);
            if (s.await(probeTopic + " probe-", 250) != null) {
                s.lines.clear();
                return s;
            }
        }
        s.close();
        throw new AssertionError("mosquitto_sub on " + filter + " received nothing within 10 s");
    }

    @Override
    public void close() {
        broker.close();
    }

    public Path folder() {
        return broker.logFile().getParent();
    }

    /** Everything the broker logged so far. */
    public String log() throws IOException {
        return Files.readString(broker.logFile());
    }

    public boolean isAlive() {
        return broker.isRunning();
    }
}
