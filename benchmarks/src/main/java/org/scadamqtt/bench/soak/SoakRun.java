package org.scadamqtt.bench.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.scadamqtt.bench.WorkFolders;

/**
 * The soak run: Mosquitto with persistence, the fault proxy, the real host as a process, the
 * steady QoS 1 stream; then the faults of the schedule one by one, each started at its time or,
 * when later, once the previous one has recovered (so no fault hides another's figures); then the
 * stream stops, the last messages are awaited and the figures computed ({@link SoakFigures}).
 */
public final class SoakRun {

    /** Longest wait for the previous fault to recover before the next starts anyway. */
    static final long RECOVERY_WAIT_MS = 60_000;

    /** A fault as it happened. */
    record Injected(Fault fault, long injectedAt, long clearedAt, int hostStartBefore, int hostStartAfter,
            double startedAtSeconds) {
    }

    private final SoakOptions options;
    private final PrintStream log;

    public SoakRun(SoakOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** What is missing to run: Mosquitto, the host jar; empty when everything is there. */
    public static List<String> missing(Path hostJar) {
        List<String> out = new ArrayList<>();
        if (!org.scadamqtt.bench.e2e.MosquittoBroker.installed()) {
            out.add("mosquitto (apt-get install -y mosquitto)");
        }
        if (!Files.isRegularFile(hostJar)) {
            out.add(hostJar + " (mvn -B -pl host-runtime -am package -DskipTests)");
        }
        return out;
    }

    public SoakResult run() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("scada-mqtt-soak");
        HostLog hostLog = new HostLog(HostProcess.TAG, HostProcess.LINE);
        List<String> problems = new ArrayList<>();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                hostLog.poll();
                if (!sleep(20)) {
                    return;
                }
            }
        }, "soak-host-log");
        poller.setDaemon(true);
        poller.start();
        Map<String, Object> env = environment();
        log.printf("soak %s: work folder %s, host %s%n", options.mode(), work, options.hostJar());
        SoakResult result;
        try (PersistentMosquitto broker = PersistentMosquitto.start(work.resolve("broker"));
                FaultProxy proxy = FaultProxy.start(broker.port());
                HostProcess host = HostProcess.prepare(options.hostJar(), work.resolve("host"), proxy.port(),
                        options.lineParameters(), options.hostJvmArgs(), hostLog)) {
            // Ctrl-C on the soak must not leave a broker or a host running
            Thread hook = new Thread(() -> {
                host.close();
                broker.close();
            }, "soak-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
            host.start();
            if (!await(() -> "CONNECTED".equals(hostLog.lineState(host.starts())), 90_000)) {
                throw new IOException("the host's line did not connect within 90 s: " + host.errTail());
            }
            log.printf("host connected through the fault proxy (port %d → broker %d); stream starts: %.0f msg/s for %.0f s, %d faults%n",
                    proxy.port(), broker.port(), options.rate(), options.streamSeconds(), options.faults().size());
            long t0 = System.currentTimeMillis();
            List<Injected> done = new ArrayList<>();
            try (SeqPublisher publisher = SeqPublisher.start(broker.url(), options.rate())) {
                for (Fault f : options.faults()) {
                    if (!done.isEmpty()) {
                        Injected prev = done.get(done.size() - 1);
                        long[] streamingSince = {0};
                        if (!await(() -> recovered(hostLog, host, publisher, prev, streamingSince), RECOVERY_WAIT_MS)) {
                            problems.add("fault " + done.size() + " (" + prev.fault().spec() + "): the line was not "
                                    + "connected again, or nothing published after it arrived, within "
                                    + RECOVERY_WAIT_MS / 1000 + " s after it ended; the next fault started anyway");
                        }
                    }
                    sleepUntil(t0 + Math.round(f.atSeconds() * 1000));
                    Injected in = inject(f, t0, broker, proxy, host);
                    done.add(in);
                    log.printf("[%6.1f s] fault %d %-15s %s; published %,d, received %,d%n",
                            in.startedAtSeconds(), done.size(), f.kind().title(),
                            f.kind().lasts() ? String.format("lasted %.1f s", (in.clearedAt() - in.injectedAt()) / 1000.0) : "",
                            publisher.published(), hostLog.distinct());
                }
                sleepUntil(t0 + Math.round(options.streamSeconds() * 1000));
                publisher.stop();
                long published = publisher.published();
                log.printf("[%6.1f s] stream stopped at %,d published; waiting up to %.0f s for the rest%n",
                        (System.currentTimeMillis() - t0) / 1000.0, published, options.drainSeconds());
                if (!await(() -> hostLog.complete(published), Math.round(options.drainSeconds() * 1000))) {
                    log.printf("not every number arrived within %.0f s%n", options.drainSeconds());
                }
                sleep(500); // late duplicates still count
                hostLog.poll();
                env.put("loadAverageAfter", loadAverage());
                if (!host.alive()) {
                    problems.add("the host process ended by itself: " + host.errTail());
                }
                if (hostLog.unreadable() > 0) {
                    problems.add(hostLog.unreadable() + " tag lines of the host could not be read");
                }
                result = SoakFigures.compute(options, Instant.ofEpochMilli(t0).toString(), env, publisher, hostLog,
                        done, host.starts(), problems);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running already
                }
            }
        } finally {
            poller.interrupt();
        }
        if (result.passed() && !options.keepWorkDir()) {
            WorkFolders.deleteTree(work);
        } else {
            log.println("host and broker output kept in " + work);
        }
        return result;
    }

    /**
     * The previous fault is over: the line is up and has every number published until the fault
     * ended; or, when some of those never come (lost: the figures will say so), numbers published
     * after it have been arriving for a second (a session delivers in order, so what was still
     * coming has come by then).
     */
    private static boolean recovered(HostLog hostLog, HostProcess host, SeqPublisher publisher, Injected prev,
            long[] streamingSince) {
        if (!"CONNECTED".equals(hostLog.lineState(host.starts()))) {
            return false;
        }
        long owed = publisher.publishedBy(prev.clearedAt());
        if (hostLog.complete(owed)) {
            return true;
        }
        if (hostLog.maxSeq() > owed && streamingSince[0] == 0) {
            streamingSince[0] = System.currentTimeMillis();
        }
        return streamingSince[0] != 0 && System.currentTimeMillis() - streamingSince[0] >= 1000;
    }

    private Injected inject(Fault f, long t0, PersistentMosquitto broker, FaultProxy proxy, HostProcess host)
            throws IOException, InterruptedException {
        int before = host.starts();
        long at = System.currentTimeMillis();
        long pauseEnd = at + Math.round(f.seconds() * 1000);
        switch (f.kind()) {
            case TCP_CUT -> proxy.cut();
            case HALF_OPEN -> {
                proxy.halfOpen();
                sleepUntil(pauseEnd);
                proxy.restore();
            }
            case BROKER_TERM, BROKER_KILL -> {
                broker.stop(f.kind() == FaultKind.BROKER_KILL);
                sleepUntil(pauseEnd);
                broker.start();
            }
            case HOST_KILL -> {
                host.kill();
                sleepUntil(pauseEnd);
                host.start();
            }
        }
        return new Injected(f, at, System.currentTimeMillis(), before, host.starts(), (at - t0) / 1000.0);
    }

    private static Map<String, Object> environment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("loadAverageBefore", loadAverage());
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("mosquitto", mosquittoVersion());
        return env;
    }

    /** The 1, 5 and 15 minute load averages of /proc/loadavg, or "?" where there is none. */
    static String loadAverage() {
        try {
            String[] p = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return p[0] + " " + p[1] + " " + p[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String mosquittoVersion() {
        String exe = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
        try {
            Process p = new ProcessBuilder(exe, "-h").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
            p.waitFor();
            return first.trim();
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static boolean await(BooleanSupplier condition, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!sleep(20)) {
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    private static void sleepUntil(long epochMillis) {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            sleep(wait);
        }
    }

    private static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
