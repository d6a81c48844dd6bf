package org.scadamqtt.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A Mosquitto broker process on 127.0.0.1 and a free port (anonymous access allowed).
 *
 * <p>How to use (README):
 * <pre>{@code
 * @BeforeAll static void mosquitto() { MosquittoBroker.assumeAvailable(); }  // skip (or fail when CI=true)
 *
 * try (MosquittoBroker m = MosquittoBroker.start(false)) {   // false: persistence off
 *     m.port(); m.uri();            // "tcp://127.0.0.1:PORT"
 *     m.stop();                     // SIGTERM, waits for exit (Mosquitto saves persistence on clean stop)
 *     m.kill();                     // SIGKILL: abrupt crash, sockets reset, nothing saved
 *     m.restart();                  // same port, same config and persistence folder
 *     MosquittoBroker.startWithAcl("topic readwrite allowed/#");  // other filters get SUBACK 0x80
 *     MosquittoBroker.startWithMaxInflight(20);   // per-client in-flight window (Mosquitto default 20)
 * }                                 // close() kills it and deletes nothing you still need
 * }</pre>
 * The config and the log ({@link #logFile()}) live in a temp folder; a failed start names the log.
 */
public final class MosquittoBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    /** In-flight window of the test brokers unless a test asks for another. */
    private static final int DEFAULT_TEST_INFLIGHT = 100;

    private final Path folder;
    private final Path config;
    private final int port;
    private Process process;

    private MosquittoBroker(Path folder, Path config, int port) {
        this.folder = folder;
        this.config = config;
        this.port = port;
    }

    /** Path of the mosquitto binary, or null when not installed. */
    public static String binary() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin"
                + File.pathSeparator + "/usr/local/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, "mosquitto");
            if (!dir.isEmpty() && f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }

    /**
     * Skips the calling test when Mosquitto is not installed; fails it instead when the
     * environment variable CI is "true" (CI must run the interoperability tests).
     */
    public static void assumeAvailable() {
        if (binary() != null) {
            return;
        }
        String message = "Mosquitto is not installed (no 'mosquitto' binary on PATH or in /usr/sbin); "
                + "install it with: apt-get install -y mosquitto mosquitto-clients";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " (required because CI=true)");
        }
        Assumptions.abort(message + " - test skipped");
    }

    /** Starts a broker on a free port; {@code persistence} turns Mosquitto's persistence on. */
    public static MosquittoBroker start(boolean persistence) {
        return start(persistence, EmbeddedHiveMq.freePort());
    }

    /** Starts a broker on the given port. */
    public static MosquittoBroker start(boolean persistence, int port) {
        return start(persistence, port, null, DEFAULT_TEST_INFLIGHT);
    }

    /**
     * Starts a broker that keeps at most {@code maxInflight} unacknowledged QoS 1/2 messages per
     * client in flight ({@code max_inflight_messages}; Mosquitto's own default is 20). More are
     * queued until the client acknowledges.
     */
    public static MosquittoBroker startWithMaxInflight(int maxInflight) {
        return start(false, EmbeddedHiveMq.freePort(), null, maxInflight);
    }

    /**
     * Starts a broker whose anonymous clients are limited by an ACL, e.g.
     * {@code "topic readwrite allowed/#"}: subscribing elsewhere gets SUBACK 0x80.
     */
    public static MosquittoBroker startWithAcl(String aclText) {
        return start(false, EmbeddedHiveMq.freePort(), aclText, DEFAULT_TEST_INFLIGHT);
    }

    /**
     * Starts a broker that also logs at debug level (every packet it receives, e.g. "Received
     * DISCONNECT from X"): for tests that read what a client sent from the broker's log. Not for
     * load tests.
     */
    public static MosquittoBroker startVerbose() {
        return startVerbose(EmbeddedHiveMq.freePort());
    }

    /** {@link #startVerbose()} on a given port (a restart is a close and a start on the same port). */
    public static MosquittoBroker startVerbose(int port) {
        return start(false, port, null, DEFAULT_TEST_INFLIGHT, true);
    }

    private static MosquittoBroker start(boolean persistence, int port, String aclText, int maxInflight) {
        return start(persistence, port, aclText, maxInflight, false);
    }

    private static MosquittoBroker start(boolean persistence, int port, String aclText, int maxInflight,
            boolean verbose) {
        assumeAvailable();
        try {
            Path folder = Files.createTempDirectory("scada-test-mosquitto-");
            // run as root, Mosquitto drops to user "mosquitto": it must still read the ACL and write log
            // and persistence here
            try {
                Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: nothing to widen
            }
            Path config = folder.resolve("mosquitto.conf");
            String acl = "";
            if (aclText != null) {
                Path aclFile = folder.resolve("acl");
                Files.writeString(aclFile, aclText + "\n");
                acl = "acl_file " + aclFile.toAbsolutePath();
            }
            Files.writeString(config, String.join("\n", acl,
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence " + persistence,
                    "persistence_location " + folder.toAbsolutePath() + "/",
                    "autosave_interval 1",
                    "max_queued_messages 100000",
                    "max_inflight_messages " + maxInflight,
                    "log_dest file " + folder.resolve("mosquitto.log").toAbsolutePath(),
                    "log_type error", "log_type warning", "log_type notice", "log_type information",
                    verbose ? "log_type debug" : "",
                    ""));
            MosquittoBroker broker = new MosquittoBroker(folder, config, port);
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void launch() throws IOException {
        process = new ProcessBuilder(binary(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited at start with code " + process.exitValue()
                        + "; see " + folder.resolve("stdout.log") + " and " + logFile());
            }
            if (accepts()) {
                return;
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("mosquitto did not accept connections on port " + port + " within "
                + START_TIMEOUT.toSeconds() + " s; see " + logFile());
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public Path logFile() {
        return folder.resolve("mosquitto.log");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Clean stop (SIGTERM): closes connections properly and saves persistence. */
    public synchronized void stop() {
        end(false);
    }

    /** Abrupt stop (SIGKILL), as a crash or power loss. */
    public synchronized void kill() {
        end(true);
    }

    /** Starts it again on the same port with the same configuration and persistence folder. */
    public synchronized void restart() {
        end(false);
        try {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            // the port may linger briefly after a stop; retry the launch until it binds
            while (true) {
                try {
                    launch();
                    return;
                } catch (IllegalStateException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    sleep(200);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void end(boolean force) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (force) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        end(true);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
