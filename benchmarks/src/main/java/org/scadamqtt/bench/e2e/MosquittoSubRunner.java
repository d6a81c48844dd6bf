package org.scadamqtt.bench.e2e;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Subscriber A: {@code mosquitto_sub -C N} (the C client, the ceiling), printing only the
 * receive time of each message ({@code -F %U}) into a file. Run under {@code /usr/bin/time -v}
 * for CPU and peak RSS; without it, /proc/PID is sampled while it runs.
 */
final class MosquittoSubRunner implements RunningSubscriber {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    private final Process process;
    private final Path out;
    private final Path err;
    private final int idleMs;
    private final boolean timed;
    private volatile long doneAt;
    private long sampledPeakKb = -1;
    private long sampledCpuTicks = -1;

    private MosquittoSubRunner(Process process, Path out, Path err, int idleMs, boolean timed) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.idleMs = idleMs;
        this.timed = timed;
    }

    static MosquittoSubRunner start(MosquittoBroker broker, Path dir, String clientId, int qos, long n, int idleMs)
            throws IOException {
        boolean timed = Files.isExecutable(GNU_TIME);
        List<String> cmd = new ArrayList<>();
        if (timed) {
            cmd.addAll(List.of(GNU_TIME.toString(), "-v"));
        }
        cmd.addAll(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()), "-i", clientId,
                "-q", Integer.toString(qos), "-t", MosquittoBroker.FILTER, "-C", Long.toString(n), "-F", "%U",
                "--nodelay"));
        Path out = dir.resolve(clientId + ".out");
        Path err = dir.resolve(clientId + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new MosquittoSubRunner(p, out, err, idleMs, timed);
    }

    @Override
    public void publisherDone() {
        doneAt = System.nanoTime();
    }

    @Override
    public Outcome finish(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastSize = -1;
        long lastChange = System.nanoTime();
        String problem = "";
        while (process.isAlive()) {
            if (!timed) {
                sampleProc();
            }
            long size = out.toFile().length();
            long now = System.nanoTime();
            if (size != lastSize) {
                lastSize = size;
                lastChange = now;
            }
            if (doneAt != 0 && now - Math.max(doneAt, lastChange) > idleMs * 1_000_000L) {
                break; // it will get no more: stop it so time -v reports
            }
            if (now > deadline) {
                problem = "mosquitto_sub still running after " + timeout.toSeconds() + " s";
                break;
            }
            process.waitFor(20, TimeUnit.MILLISECONDS);
        }
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy); // the mosquitto_sub under time
            if (!timed) {
                process.destroy();
            }
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
        }
        try {
            return read(problem);
        } catch (IOException e) {
            return new Outcome(0, 0, -1, -1, 0, 0, "could not read mosquitto_sub output: " + e);
        }
    }

    private Outcome read(String problem) throws IOException {
        long lines = 0;
        String first = null;
        try (var r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (first == null) {
                    first = line;
                }
                lines++;
            }
        }
        String last = lastLine();
        long span = first == null || last == null ? 0 : epochNanos(last) - epochNanos(first);
        long cpu = -1;
        long rss = sampledPeakKb;
        if (timed) {
            String text = Files.readString(err, StandardCharsets.UTF_8);
            double user = field(text, "User time (seconds):");
            double sys = field(text, "System time (seconds):");
            double max = field(text, "Maximum resident set size (kbytes):");
            cpu = user < 0 || sys < 0 ? -1 : Math.round((user + sys) * 1e9);
            rss = max < 0 ? -1 : (long) max;
        } else if (sampledCpuTicks >= 0) {
            cpu = sampledCpuTicks * 10_000_000L; // USER_HZ is 100 on Linux
        }
        return new Outcome(lines, span, cpu, rss, 0, 0, problem);
    }

    private String lastLine() throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "r")) {
            long len = f.length();
            if (len == 0) {
                return null;
            }
            int tail = (int) Math.min(len, 256);
            byte[] b = new byte[tail];
            f.seek(len - tail);
            f.readFully(b);
            String[] lines = new String(b, StandardCharsets.UTF_8).trim().split("\n");
            return lines[lines.length - 1];
        }
    }

    /** "1470818943.786368637" to nanoseconds. */
    static long epochNanos(String line) {
        return new BigDecimal(line.trim()).movePointRight(9).longValue();
    }

    private static double field(String text, String key) {
        int i = text.indexOf(key);
        if (i < 0) {
            return -1;
        }
        String rest = text.substring(i + key.length()).trim();
        int end = rest.indexOf('\n');
        try {
            return Double.parseDouble((end < 0 ? rest : rest.substring(0, end)).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void sampleProc() {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        long hwm = ChildStats.procStatusKb(proc.resolve("status"), "VmHWM:");
        sampledPeakKb = Math.max(sampledPeakKb, hwm);
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            sampledCpuTicks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (IOException | RuntimeException ignored) {
            // the process ended between samples
        }
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
