package org.scadamqtt.host.testsupport;

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

    private final Process broker;
    private final int port;
    private final Path folder;

    private MosquittoProcess(Process broker, int port, Path folder) {
        this.broker = broker;
        this.port = port;
        this.folder = folder;
    }

    public static void assumeInstalled() {
        boolean present = exe("/usr/sbin/mosquitto") && exe("/usr/bin/mosquitto_pub") && exe("/usr/bin/mosquitto_sub");
        String message = "this test needs mosquitto, mosquitto_pub and mosquitto_sub "
                + "(apt-get install -y mosquitto mosquitto-clients)";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + "; CI=true, so this is a failure");
        }
        Assumptions.assumeTrue(present, message + "; skipping");
    }

    private static boolean exe(String path) {
        return new File(path).canExecute();
    }

    public static MosquittoProcess start(Path parent) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return start(parent, port);
    }

    /** A broker on a given port: a "restart" is {@link #close()} and a start on the same port. */
    public static MosquittoProcess start(Path parent, int port) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory(parent, "mosquitto-");
        Path conf = folder.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                + "log_dest stdout\nlog_type all\n");
        Process p = new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("mosquitto.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + p.exitValue() + "; see " + folder);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new MosquittoProcess(p, port, folder);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("mosquitto did not listen on " + port + " within 10 s; see " + folder);
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
        broker.destroy();
        try {
            if (!broker.waitFor(5, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        } catch (InterruptedException e) {
            broker.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public Path folder() {
        return folder;
    }

    /** Everything the broker logged so far. */
    public String log() throws IOException {
        return Files.readString(folder.resolve("mosquitto.log"));
    }

    public boolean isAlive() {
        return broker.isAlive();
    }
}
