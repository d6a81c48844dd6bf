package org.scadamqtt.bench.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scadamqtt.bench.Args;

/**
 * How a soak run goes: the stream's length and rate, the fault schedule, where the host jar is.
 *
 * @param mode          "smoke", "full" or "custom" (a schedule given with --faults)
 * @param streamSeconds how long the publisher runs
 * @param rate          messages per second
 * @param faults        the schedule, times after the publisher started
 * @param drainSeconds  after the stream: longest wait for the last messages to reach the host
 * @param hostJar       scada-host.jar
 * @param lineParameters the host line's parameters (the defaults of {@link HostProcess}, changed by --line-params)
 * @param hostJvmArgs   JVM options of the host process
 * @param json          where the figures are written
 * @param keepWorkDir   keep the work folder (logs of the host and the broker) also after a clean run
 */
public record SoakOptions(String mode, double streamSeconds, double rate, List<Fault> faults, double drainSeconds,
        Path hostJar, Map<String, String> lineParameters, List<String> hostJvmArgs, Path json, boolean keepWorkDir) {

    /** About 50 s of stream and one of each fault: the check every build runs (SoakSmokeIT). */
    public static final String SMOKE_FAULTS = "5:cut,10:broker-term:2,17:half-open:6,29:host-kill:2,41:broker-kill:2";

    /**
     * Ten minutes, 16 faults 35 s apart: five TCP cuts, three broker SIGTERMs and two SIGKILLs with
     * 3 s down, three 8 s half-open links, three host kills with 3 s down.
     */
    public static final String FULL_FAULTS = "20:cut,55:broker-term:3,90:cut,125:half-open:8,160:host-kill:3,"
            + "195:broker-kill:3,230:cut,265:half-open:8,300:host-kill:3,335:broker-term:3,370:cut,"
            + "405:broker-kill:3,440:half-open:8,475:host-kill:3,510:cut,545:broker-term:3";

    static final Set<String> NAMES = Set.of("smoke", "full", "seconds", "rate", "faults", "drain-seconds", "host-jar",
            "host-jvm-args", "json", "keep-work-dir", "line-params");

    /** The smoke run. */
    public static SoakOptions smoke(Path hostJar, Path json) {
        return new SoakOptions("smoke", 50, 100, Fault.parseSchedule(SMOKE_FAULTS), 20, hostJar,
                HostProcess.defaultLineParameters(), defaultJvmArgs(), json, false);
    }

    /** Parses the command line; {@code --smoke} or {@code --full} (default) picks the preset the rest changes. */
    public static SoakOptions parse(String[] argv) {
        Args a = Args.parse(argv, NAMES);
        boolean smoke = a.flag("smoke");
        if (smoke && a.flag("full")) {
            throw new IllegalArgumentException("give --smoke or --full, not both");
        }
        String mode = a.text("faults", null) != null ? "custom" : smoke ? "smoke" : "full";
        double seconds = a.decimal("seconds", smoke ? 50 : 600);
        double rate = a.decimal("rate", 100);
        if (seconds <= 0 || rate <= 0 || rate > 5000) {
            throw new IllegalArgumentException("--seconds must be above 0 and --rate between 1 and 5000 messages per second");
        }
        List<Fault> faults = Fault.parseSchedule(a.text("faults", smoke ? SMOKE_FAULTS : FULL_FAULTS));
        for (Fault f : faults) {
            if (f.atSeconds() + f.seconds() >= seconds) {
                throw new IllegalArgumentException("fault " + f.spec() + " does not end before the stream does (--seconds "
                        + seconds + ")");
            }
        }
        Path jar = a.text("host-jar", null) != null ? Path.of(a.text("host-jar", null)) : defaultHostJar();
        String jvm = a.text("host-jvm-args", null);
        Path json = Path.of(a.text("json", "soak-" + mode + ".json"));
        return new SoakOptions(mode, seconds, rate, faults, a.decimal("drain-seconds", smoke ? 20 : 60), jar,
                lineParameters(a.text("line-params", "")), jvm == null ? defaultJvmArgs() : List.of(jvm.trim().split("\\s+")), json, a.flag("keep-work-dir"));
    }

    /**
     * The line's parameters: the defaults, changed by {@code name=value,name=value} (e.g.
     * {@code cleanSession=YES} to see what a host kill costs without a kept session).
     */
    static Map<String, String> lineParameters(String changes) {
        Map<String, String> p = HostProcess.defaultLineParameters();
        for (String item : changes.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--line-params takes name=value pairs separated by commas, e.g. "
                        + "cleanSession=YES,pingInterval=5; found '" + item + "'");
            }
            p.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        return p;
    }

    static List<String> defaultJvmArgs() {
        return List.of("-Xms64m", "-Xmx256m");
    }

    /**
     * The host jar: system property {@code scada.hostJar}, else {@code host-runtime/target/scada-host.jar}
     * below the working folder or its parent (run from the project or from benchmarks/).
     */
    public static Path defaultHostJar() {
        String prop = System.getProperty("scada.hostJar");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        for (Path base : List.of(Path.of(""), Path.of(".."))) {
            Path p = base.resolve("host-runtime/target/scada-host.jar").toAbsolutePath().normalize();
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return Path.of("host-runtime/target/scada-host.jar").toAbsolutePath();
    }

    /** The schedule as text. */
    public String schedule() {
        return String.join(",", faults.stream().map(Fault::spec).toList());
    }
}
