package org.scadamqtt.host.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ CE running inside the host: the zero-setup broker of {@code demo} and
 * {@code run --embedded-broker}. Listens on 127.0.0.1 only, keeps sessions in memory, and writes
 * its configuration and data folders to a temporary folder deleted on {@link #close()}.
 * HiveMQ keeps static state: run one per JVM.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    /** The port tried when none is given. */
    public static final int DEFAULT_PORT = 1883;
    private static final long START_TIMEOUT_SECONDS = 60;

    private final EmbeddedHiveMQ hivemq;
    private final Path workDir;
    private final int port;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, Path workDir, int port) {
        this.hivemq = hivemq;
        this.workDir = workDir;
        this.port = port;
    }

    /**
     * Starts a broker.
     *
     * @param requestedPort the port to listen on; 0 for 1883, or a free port when 1883 is taken
     * @throws BrokerException when the requested port is taken or the broker does not start
     */
    public static EmbeddedBroker start(int requestedPort) throws BrokerException {
        int port = choosePort(requestedPort);
        Path workDir = null;
        EmbeddedHiveMQ hivemq = null;
        try {
            workDir = Files.createTempDirectory("scada-host-broker-");
            Path conf = Files.createDirectories(workDir.resolve("conf"));
            Path data = Files.createDirectories(workDir.resolve("data"));
            Path extensions = Files.createDirectories(workDir.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), configXml(port), StandardCharsets.UTF_8);
            hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(data)
                    .withExtensionsFolder(extensions)
                    .withoutLoggingBootstrap() // keep the host's logback configuration
                    .build();
            hivemq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("embedded MQTT broker (HiveMQ CE) listening on tcp://127.0.0.1:{}", port);
            return new EmbeddedBroker(hivemq, workDir, port);
        } catch (IOException | ExecutionException | TimeoutException e) {
            cleanUp(hivemq, workDir);
            throw new BrokerException("the embedded MQTT broker did not start on 127.0.0.1:" + port + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cleanUp(hivemq, workDir);
            throw new BrokerException("interrupted while the embedded MQTT broker was starting", e);
        }
    }

    /** The TCP port it listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:PORT}. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Stops the broker (clients are disconnected) and deletes its temporary folder. */
    @Override
    public void close() {
        cleanUp(hivemq, workDir);
        LOG.info("embedded MQTT broker stopped");
    }

    private static int choosePort(int requested) throws BrokerException {
        if (requested < 0 || requested > 65535) {
            throw new BrokerException("embedded broker port " + requested + " is not a TCP port (1 to 65535)");
        }
        if (requested > 0) {
            if (!isFree(requested)) {
                throw new BrokerException("port " + requested + " on 127.0.0.1 is already in use; "
                        + "choose another with --embedded-broker=PORT or stop the other broker");
            }
            return requested;
        }
        if (isFree(DEFAULT_PORT)) {
            return DEFAULT_PORT;
        }
        int free = freePort();
        LOG.info("port {} is in use (another broker?); the embedded broker uses port {} instead", DEFAULT_PORT, free);
        return free;
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port free on 127.0.0.1 at the time of the call. */
    public static int freePort() throws BrokerException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new BrokerException("no free TCP port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static String configXml(int port) {
        // limits raised from HiveMQ's defaults (receive maximum 10, queue 1000) so bursts from the
        // simulator or a test flood are not dropped silently
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>127.0.0.1</bind-address>
                    </tcp-listener>
                  </listeners>
                  <mqtt>
                    <queued-messages>
                      <max-queue-size>100000</max-queue-size>
                    </queued-messages>
                    <receive-maximum>
                      <server-receive-maximum>1000</server-receive-maximum>
                    </receive-maximum>
                  </mqtt>
                  <persistence>
                    <mode>in-memory</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port);
    }

    private static void cleanUp(EmbeddedHiveMQ hivemq, Path workDir) {
        if (hivemq != null) {
            try {
                hivemq.stop().get(20, TimeUnit.SECONDS);
                hivemq.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("embedded MQTT broker did not stop cleanly: {}", e.toString());
            }
        }
        if (workDir != null) {
            try (Stream<Path> walk = Files.walk(workDir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.debug("could not delete {}: {}", workDir, e.getMessage());
            }
        }
    }
}
