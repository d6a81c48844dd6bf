package org.scadamqtt.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Mosquitto on a free loopback port, configured for floods: queues and in-flight
 * windows raised so the broker does not drop QoS 1 messages (defaults: 1,000 queued, 20 in
 * flight), Nagle off, subscriptions logged so the harness knows when a subscriber is ready.
 */
public final class MosquittoBroker implements AutoCloseable {

    /** Whether {@code mosquitto} is on the PATH. */
    public static boolean installed() {
        return Tools.onPath("mosquitto") || Files.isExecutable(Path.of("/usr/sbin/mosquitto"));
    }

    /** The subscription filter every subscriber uses. */
    public static final String FILTER = org.scadamqtt.bench.BenchTopology.PREFIX + "#";

    private final Path dir;
    private final Path log;
    private final int port;
    private final Process process;

    private MosquittoBroker(Path dir, Path log, int port, Process process) {
        this.dir = dir;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /** Starts a broker in {@code dir} and waits until it accepts connections. */
    public static MosquittoBroker start(Path dir) throws IOException, InterruptedException {
        int port = freePort();
        Path log = dir.resolve("mosquitto.out");
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n", List.of(
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                // 0 would mean unlimited, but 2.0.x releases had bugs with 0 (eclipse/mosquitto#2876): use a big number
                "max_queued_messages 10000000",
                "max_queued_bytes 0",
                "max_inflight_messages 1000",
                "set_tcp_nodelay true",
                // stdout (a file this JVM opened): run as root, mosquitto drops to user mosquitto, which
                // could not open a log file in our private temporary folder
                "log_dest stdout",
                "log_timestamp false",
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type subscribe",
                "")), StandardCharsets.UTF_8);
        String exe = Tools.onPath("mosquitto") ? "mosquitto" : "/usr/sbin/mosquitto";
        // line-buffered stdout (coreutils stdbuf), else the subscription lines appear only at exit
        List<String> cmd = Tools.onPath("stdbuf") ? List.of("stdbuf", "-oL", exe, "-c", conf.toString())
                : List.of(exe, "-c", conf.toString());
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MosquittoBroker broker = new MosquittoBroker(dir, log, port, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("mosquitto exited at start (code " + p.exitValue() + "): "
                        + Files.readString(dir.resolve("mosquitto.out")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return broker;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        broker.close();
        throw new IOException("mosquitto did not accept connections on port " + port + " within 10 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public Path directory() {
        return dir;
    }

    /**
     * Waits until the broker logged a subscription of {@code clientId} (Mosquitto logs
     * "clientId qos filter" with {@code log_type subscribe}).
     *
     * @param alive whether the subscriber still runs; the wait ends when it does not
     * @return whether it did within {@code timeout}
     */
    public boolean awaitSubscription(String clientId, Duration timeout, java.util.function.BooleanSupplier alive)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String needle = clientId + " ";
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            try {
                if (Files.exists(log)) {
                    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                        if (line.startsWith(needle) && line.contains(FILTER)) {
                            return true;
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
