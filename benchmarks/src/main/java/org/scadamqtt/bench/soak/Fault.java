package org.scadamqtt.bench.soak;

import java.util.ArrayList;
import java.util.List;

/**
 * One scheduled fault: {@code atSeconds} after the publisher started, of {@code kind}, lasting
 * {@code seconds} (the broker's or host's pause, or the half-open time; 0 for a cut).
 */
public record Fault(double atSeconds, FaultKind kind, double seconds) {

    public Fault {
        if (atSeconds < 0 || seconds < 0) {
            throw new IllegalArgumentException("a fault's time and duration cannot be negative");
        }
    }

    /** The schedule's text form of this fault. */
    public String spec() {
        return trim(atSeconds) + ":" + kind.code() + (kind.lasts() ? ":" + trim(seconds) : "");
    }

    /**
     * Parses {@code AT:KIND[:SECONDS],…} (seconds after the publisher started, in rising order), e.g.
     * {@code 5:cut,10:broker-term:2,18:half-open:8}. A fault that lasts needs its seconds.
     */
    public static List<Fault> parseSchedule(String text) {
        List<Fault> faults = new ArrayList<>();
        for (String item : text.split(",")) {
            String s = item.trim();
            if (s.isEmpty()) {
                continue;
            }
            String[] p = s.split(":");
            if (p.length < 2 || p.length > 3) {
                throw new IllegalArgumentException("fault '" + s + "' is not AT:KIND or AT:KIND:SECONDS (e.g. 10:broker-term:2)");
            }
            FaultKind kind = FaultKind.of(p[1].trim());
            if (kind.lasts() && p.length != 3) {
                throw new IllegalArgumentException("fault '" + s + "' needs its duration in seconds: " + s + ":3");
            }
            double at = number(p[0], s);
            Fault f = new Fault(at, kind, p.length == 3 ? number(p[2], s) : 0);
            if (!faults.isEmpty() && at < faults.get(faults.size() - 1).atSeconds()) {
                throw new IllegalArgumentException("fault '" + s + "' comes before the one listed ahead of it; list them in time order");
            }
            faults.add(f);
        }
        return List.copyOf(faults);
    }

    private static double number(String text, String fault) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault '" + fault + "': '" + text + "' is not a number of seconds");
        }
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
