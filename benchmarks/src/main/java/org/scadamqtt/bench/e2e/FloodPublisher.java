package org.scadamqtt.bench.e2e;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.scadamqtt.bench.BenchPayload;
import org.scadamqtt.bench.BenchTopology;

/**
 * Publishes the load with {@code mosquitto_pub -l}: one process per chunk (one topic, at most
 * {@link #MAX_CHUNK} lines because {@code mosquitto_pub -l -q 1} stops after 65,535 messages
 * when its packet ids wrap), several processes at a time: each {@code mosquitto_pub} idles about
 * 0.2 s around its work, which would otherwise leave gaps in the flood.
 */
final class FloodPublisher {

    /** Lines per {@code mosquitto_pub} process at most. */
    static final int MAX_CHUNK = 60_000;

    record Chunk(String topic, Path file, int lines) {
    }

    /**
     * What one flood took on the publisher side.
     *
     * @param messages  messages handed to the publishers
     * @param nanos     from the first process start to the last exit
     * @param failures  processes that exited with a non-zero code, with their exit code
     */
    record Result(long messages, long nanos, List<String> failures) {
        double rate() {
            return nanos == 0 ? 0 : messages * 1e9 / nanos;
        }
    }

    private final List<Chunk> chunks = new ArrayList<>();
    private final long total;
    private final int port;
    private final int parallel;

    private FloodPublisher(int port, long total, int parallel) {
        this.port = port;
        this.total = total;
        this.parallel = parallel;
    }

    /**
     * Writes the payload files: {@code n} messages spread over {@code topics} topics, published
     * by {@code parallel} processes at a time.
     */
    static FloodPublisher prepare(Path dir, int port, BenchTopology topology, int n, int topics, int parallel)
            throws IOException {
        FloodPublisher p = new FloodPublisher(port, n, parallel);
        List<String> topicList = topology.messageTopics(topics);
        long i = 0;
        for (int t = 0; t < topics; t++) {
            int share = (int) ((long) n * (t + 1) / topics - (long) n * t / topics);
            int part = 0;
            while (share > 0) {
                int lines = Math.min(share, MAX_CHUNK);
                Path file = dir.resolve("load-" + t + "-" + part++ + ".txt");
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    for (int k = 0; k < lines; k++, i++) {
                        w.write(BenchPayload.json(i, i, "dev" + t));
                        w.write('\n');
                    }
                }
                p.chunks.add(new Chunk(topicList.get(t), file, lines));
                share -= lines;
            }
        }
        return p;
    }

    /** Bytes of one typical message (for the report). */
    static int typicalPayloadBytes() {
        return BenchPayload.bytes(12345, 12345, "dev42").length;
    }

    /** Publishes every chunk at {@code qos}; waits at most {@code timeoutSeconds}. */
    Result publish(int qos, String idPrefix, long timeoutSeconds) throws IOException, InterruptedException {
        Deque<Chunk> todo = new ArrayDeque<>(chunks);
        List<Running> running = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long start = System.nanoTime();
        int started = 0;
        while (!todo.isEmpty() || !running.isEmpty()) {
            while (running.size() < parallel && !todo.isEmpty()) {
                Chunk c = todo.poll();
                running.add(new Running(c, new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p",
                        Integer.toString(port), "-i", idPrefix + "-" + started++, "-q", Integer.toString(qos),
                        "-t", c.topic(), "-l")
                        .redirectInput(c.file().toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start()));
            }
            if (System.nanoTime() > deadline) {
                running.forEach(r -> r.process().destroyForcibly());
                failures.add("publisher timed out after " + timeoutSeconds + " s");
                break;
            }
            running.get(0).process().waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            running.removeIf(r -> {
                if (r.process().isAlive()) {
                    return r.stopIfHungAfterItsInput();
                }
                if (r.process().exitValue() != 0) {
                    failures.add("mosquitto_pub exit code " + r.process().exitValue());
                }
                return true;
            });
        }
        return new Result(total, System.nanoTime() - start, failures);
    }

    private static final long POLL_MILLIS = 100;
    /** How long a publisher that has read all its input may take to disconnect and exit. */
    private static final long EXIT_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    /**
     * One {@code mosquitto_pub -l}. Mosquitto's client sometimes does not exit after the end of its
     * input (a race between the end of stdin and its network loop, Mosquitto issue #1448): once it
     * has read the whole file and still runs {@link #EXIT_GRACE_NANOS} later, it is stopped and
     * said so. Its messages were handed to the broker; whether they arrived is the subscriber's count.
     */
    static final class Running {
        private final Chunk chunk;
        private final Process process;
        private long inputDoneAt;

        Running(Chunk chunk, Process process) {
            this.chunk = chunk;
            this.process = process;
        }

        Process process() {
            return process;
        }

        boolean stopIfHungAfterItsInput() {
            if (inputDoneAt == 0) {
                if (inputPosition() >= chunk.file().toFile().length()) {
                    inputDoneAt = System.nanoTime();
                }
                return false;
            }
            if (System.nanoTime() - inputDoneAt < EXIT_GRACE_NANOS) {
                return false;
            }
            process.destroyForcibly();
            System.err.println("note: mosquitto_pub on " + chunk.topic() + " read all " + chunk.lines()
                    + " lines but did not exit within 5 s (Mosquitto issue #1448); stopped");
            return true;
        }

        /** The offset of the process's standard input in its file (Linux), or -1 when unknown. */
        private long inputPosition() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/fdinfo/0"))) {
                    if (line.startsWith("pos:")) {
                        return Long.parseLong(line.substring(4).trim());
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process exited meanwhile, or no /proc
            }
            return -1;
        }
    }
}
