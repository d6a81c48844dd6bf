package org.scadamqtt.bench.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** The soak's figures as a table, a one-line summary, and JSON. */
public final class SoakReport {

    private SoakReport() {
    }

    public static String table(SoakResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("published %,d | received %,d | lost %,d | duplicates %,d | host starts %d | publish retries %,d%n",
                r.published(), r.received(), r.lost(), r.duplicates(), r.hostStarts(), r.publishRetries()));
        sb.append(String.format("%-3s %7s  %-16s %7s %9s %11s %10s %11s %10s %5s %5s%n", "#", "at s", "fault", "lasts s",
                "detect s", "reconnect s", "caught up", "max delay s", "published", "dups", "lost"));
        for (FaultResult f : r.faults()) {
            sb.append(String.format("%-3d %7.1f  %-16s %7s %9s %11s %10s %11s %10d %5d %5d%n", f.number(), f.startedAtSeconds(),
                    f.title(), f.title().equals(FaultKind.TCP_CUT.title()) ? "-" : String.format("%.1f", f.lastedSeconds()),
                    f.title().equals(FaultKind.HOST_KILL.title()) ? "n/a" : text(f.detectedSeconds()),
                    text(f.reconnectedSeconds()), text(f.caughtUpSeconds()), text(f.maxDelaySeconds()),
                    f.publishedDuring(), f.duplicates(), f.lost()));
        }
        if (r.lost() > 0) {
            sb.append("lost numbers (first 100): ").append(r.lostNumbers()).append('\n');
        }
        for (String p : r.problems()) {
            sb.append("PROBLEM: ").append(p).append('\n');
        }
        return sb.toString();
    }

    /** {@code RESULT soak …}: totals and the worst detection and recovery per kind of fault. */
    public static String resultLine(SoakResult r) {
        StringBuilder sb = new StringBuilder(String.format("RESULT soak %s | published %d received %d lost %d duplicates %d",
                r.mode(), r.published(), r.received(), r.lost(), r.duplicates()));
        for (FaultKind k : FaultKind.values()) {
            var of = r.faults().stream().filter(f -> f.title().equals(k.title())).toList();
            if (of.isEmpty()) {
                continue;
            }
            sb.append(" | ").append(k.title()).append(" x").append(of.size());
            worst(of.stream().map(FaultResult::detectedSeconds)).ifPresent(d -> sb.append(String.format(" detect<=%.2fs", d)));
            worst(of.stream().map(FaultResult::reconnectedSeconds)).ifPresent(d -> sb.append(String.format(" reconnect<=%.2fs", d)));
            worst(of.stream().map(FaultResult::caughtUpSeconds)).ifPresent(d -> sb.append(String.format(" caught-up<=%.2fs", d)));
            worst(of.stream().map(FaultResult::maxDelaySeconds)).ifPresent(d -> sb.append(String.format(" max-delay<=%.2fs", d)));
        }
        sb.append(r.passed() ? " | PASS" : " | FAIL");
        return sb.toString();
    }

    private static Optional<Double> worst(java.util.stream.Stream<Double> values) {
        return values.filter(Objects::nonNull).max(Comparator.naturalOrder());
    }

    private static String text(Double seconds) {
        return seconds == null ? "never" : String.format("%.2f", seconds);
    }

    public static void writeJson(SoakResult r, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), r);
    }
}
