package org.scadamqtt.bench.soak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The soak run's Mosquitto: one fixed loopback port for the whole run (so the host finds it again
 * after a restart) and persistence on, so QoS 1 sessions and queued messages survive SIGTERM (saved
 * at exit) and, up to its last autosave a second earlier, SIGKILL.
 */
final class PersistentMosquitto implements AutoCloseable {

    private final Path dir;
    private final Path conf;
    private final int port;
    private Process process;
    private int starts;

    private PersistentMosquitto(Path dir, Path conf, int port) {
        this.dir = dir;
        this.conf = conf;
        this.port = port;
    }

    /** Writes the configuration into {@code dir} and starts the broker on a free port. */
    static PersistentMosquitto start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path data = Files.createDirectories(dir.resolve("persistence"));
        // run as root, Mosquitto drops to user "mosquitto", which must be able to reach and write the folder
        openUp(dir.getParent(), "rwxr-xr-x");
        openUp(dir, "rwxr-xr-x");
        openUp(data, "rwxrwxrwx");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n", List.of(
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + data + "/",
                // saved every second, so SIGKILL loses at most the last second of broker state
                "autosave_interval 1",
                // the backlog of a host that is down must not hit the default limit of 1,000
                "max_queued_messages 1000000",
                "max_queued_bytes 0",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                "")), StandardCharsets.UTF_8);
        PersistentMosquitto b = new PersistentMosquitto(dir, conf, port);
        b.start();
        return b;
    }

    private static void openUp(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (IOException | UnsupportedOperationException e) {
            // not ours to change (e.g. /tmp itself) or not POSIX: Mosquitto then runs as this user anyway
        }
    }

    /** Starts the broker (again) on its port and waits until it accepts connections. */
    synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is already running");
        }
        String exe = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
        starts++;
        Path log = dir.resolve("mosquitto-" + starts + ".out");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            process = new ProcessBuilder(exe, "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(20);
                }
            }
            if (System.nanoTime() >= deadline) {
                process.destroyForcibly();
                throw new IOException("mosquitto did not accept connections on port " + port + " within 15 s; see " + log);
            }
            // exited at once: typically the port still held by the process that just died; try again
            Thread.sleep(100);
        }
    }

    /** Stops the broker: SIGTERM (it saves its database and closes connections) or SIGKILL. */
    synchronized void stop(boolean kill) throws InterruptedException {
        if (process == null) {
            return;
        }
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            stop(false);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
