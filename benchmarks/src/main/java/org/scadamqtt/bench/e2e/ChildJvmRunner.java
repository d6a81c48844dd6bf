package org.scadamqtt.bench.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Subscribers B and C (and the latency run): {@link SubscriberMain} in a JVM of its own, so
 * its CPU time and peak RSS are its own and no round inherits another's JIT or heap.
 */
final class ChildJvmRunner implements RunningSubscriber {

    private final Process process;
    private final Path out;
    private final Path err;

    private ChildJvmRunner(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@link SubscriberMain} with {@code args} in a new JVM on this JVM's class path. */
    static ChildJvmRunner start(Path dir, String name, List<String> jvmArgs, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SubscriberMain.class.getName()));
        cmd.addAll(args);
        cmd.addAll(List.of("--data-dir", Files.createDirectories(dir.resolve(name + "-data")).toString()));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ChildJvmRunner(p, out, err);
    }

    @Override
    public void publisherDone() {
        try {
            OutputStream in = process.getOutputStream();
            in.write('\n');
            in.close();
        } catch (IOException ignored) {
            // it already ended
        }
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The RESULT line, or null (with the problem in {@code problems}) when it printed none. */
    ChildResult awaitResult(Duration timeout, List<String> problems) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            problems.add("child JVM still running after " + timeout.toSeconds() + " s; killed");
            kill();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        try {
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.startsWith(ChildResult.PREFIX)) {
                    return ChildResult.parse(line);
                }
            }
            problems.add("child JVM printed no result (exit " + (process.isAlive() ? "?" : process.exitValue())
                    + "): " + tail(err));
        } catch (IOException e) {
            problems.add("could not read the child's output: " + e);
        }
        return null;
    }

    @Override
    public Outcome finish(Duration timeout) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        ChildResult r = awaitResult(timeout, problems);
        if (r == null) {
            return new Outcome(0, 0, -1, -1, 0, 0, String.join("; ", problems));
        }
        return new Outcome(r.get("received"), r.get("firstToLastNanos"), r.get("cpuNanos"), r.get("peakRssKb"),
                Math.max(0, r.get("badValues")), Math.max(0, r.get("receiveTimeStamped")), String.join("; ", problems));
    }

    /** The last lines of a file, for error messages. */
    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    @Override
    public void kill() {
        process.destroyForcibly();
    }
}
