package org.scadamqtt.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real SCADA host, {@code java -jar scada-host.jar run soak.xml --console log}, as a process of
 * its own so it can be killed with SIGKILL and started again with the same data folder (the line
 * runs with Clean Session NO and its persistence folder there). Each start writes its standard
 * output to {@code host-N.out}, which {@link HostLog} reads.
 */
final class HostProcess implements AutoCloseable {

    /** The line, station and tag names of the generated configuration. */
    static final String LINE = "SOAK";
    static final String TAG = "SOAK_SEQ";

    /**
     * The line's timing: half-open found within Ping Interval + Reply Timeout = 4 s; reconnect
     * back-off 0.5 s doubling to 2 s (the defaults, 1 s to 30 s, would make the recovery figures
     * mostly a measure of the back-off).
     */
    static Map<String, String> defaultLineParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("topicFilter", "soak/#");
        p.put("subscribeQos", "QoS_1");
        p.put("cleanSession", "NO");
        p.put("clientId", "soak-host");
        p.put("payloadType", "JSON");
        p.put("pingInterval", "2");
        p.put("replyTimeout", "2");
        p.put("reconnectMinDelay", "0.5");
        p.put("reconnectMaxDelay", "2");
        return p;
    }

    private final Path hostJar;
    private final Path dir;
    private final Path config;
    private final List<String> jvmArgs;
    private final HostLog log;
    private Process process;
    private int starts;

    private HostProcess(Path hostJar, Path dir, Path config, List<String> jvmArgs, HostLog log) {
        this.hostJar = hostJar;
        this.dir = dir;
        this.config = config;
        this.jvmArgs = jvmArgs;
        this.log = log;
    }

    /** Writes the configuration (the line to 127.0.0.1:{@code brokerPort}) into {@code dir}. */
    static HostProcess prepare(Path hostJar, Path dir, int brokerPort, Map<String, String> lineParameters,
            List<String> jvmArgs, HostLog log) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Path config = dir.resolve("soak.xml");
        Files.writeString(config, config(brokerPort, lineParameters), StandardCharsets.UTF_8);
        return new HostProcess(hostJar, dir, config, jvmArgs, log);
    }

    /** The generated configuration: one line, one station on the stream's topic, one Ci tag. */
    static String config(int brokerPort, Map<String, String> lineParameters) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<scada xmlns=\"urn:scada-mqtt:config:1\">\n")
                .append("  <line name=\"").append(LINE).append("\" protocol=\"mqtt\">\n")
                .append("    <host>127.0.0.1</host>\n")
                .append("    <port>").append(brokerPort).append("</port>\n");
        lineParameters.forEach((name, value) -> sb.append("    <param name=\"").append(xml(name)).append("\">")
                .append(xml(value)).append("</param>\n"));
        sb.append("    <station name=\"STREAM\" address=\"").append(SeqPublisher.TOPIC).append("\">\n")
                .append("      <tag name=\"").append(TAG).append("\" type=\"Ci\" address=\"JA=seq\"/>\n")
                .append("    </station>\n")
                .append("  </line>\n")
                .append("</scada>\n");
        return sb.toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Starts the host (again); its output goes to a new file that {@link HostLog} follows. */
    synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the host is already running");
        }
        starts++;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", hostJar.toString(), "run", config.toString(), "--console", "log",
                "--http-port", "0", "--data-dir", dir.resolve("data").toString()));
        Path out = dir.resolve("host-" + starts + ".out");
        Files.deleteIfExists(out);
        Files.createFile(out);
        log.follow(out);
        process = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(dir.resolve("host-" + starts + ".err").toFile()).start();
    }

    /** How many times the host was started; the current start's number. */
    synchronized int starts() {
        return starts;
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** {@code kill -9}: no shutdown, no DISCONNECT, nothing flushed. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly(); // SIGKILL on Linux
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Stops the host as an operator would (SIGTERM: lines disconnect, persistence flushed). */
    synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** The last lines of the current start's error output, for messages. */
    synchronized String errTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("host-" + starts + ".err"), StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
        } catch (IOException e) {
            return "(no error output)";
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
