package org.scadamqtt.bench;

import java.util.ArrayList;
import java.util.List;
import org.scadamqtt.mqtt.internal.route.RouteEntry;

/**
 * The station layout every benchmark shares: {@code exact} stations with topic addresses
 * {@code bench/ex/NNNNNN}, {@code regex} stations with addresses {@code bench/rx/K/dev[0-9]+}
 * and, optionally, a {@code .*} catch-all. Message topics are spread over the exact stations
 * and some of the regex ones, so routing exercises both kinds.
 *
 * @param exact    number of exact-match stations
 * @param regex    number of regular-expression stations
 * @param catchAll whether a {@code .*} station is configured
 */
public record BenchTopology(int exact, int regex, boolean catchAll) {

    /** The end-to-end harness layout: 1,000 exact, 100 regular-expression stations and {@code .*}. */
    public static final BenchTopology E2E = new BenchTopology(1000, 100, true);

    /** The common topic prefix; subscribers use {@code bench/#}. */
    public static final String PREFIX = "bench/";

    public BenchTopology {
        if (exact < 1 || regex < 0) {
            throw new IllegalArgumentException("need at least one exact station and no negative count, found exact="
                    + exact + " regex=" + regex);
        }
    }

    /** A layout with {@code stations} stations of which 1 % (at least one) are regular expressions. */
    public static BenchTopology withRegexShare(int stations) {
        int regex = Math.max(1, stations / 100);
        return new BenchTopology(stations - regex, regex, true);
    }

    public static String exactName(int i) {
        return String.format("ex%06d", i);
    }

    public static String exactAddress(int i) {
        return String.format("bench/ex/%06d", i);
    }

    public static String regexName(int k) {
        return String.format("rx%05d", k);
    }

    public static String regexAddress(int k) {
        return "bench/rx/" + k + "/dev[0-9]+";
    }

    /** A topic matched by regex station {@code k} (and by no exact station). */
    public static String regexTopic(int k, long device) {
        return "bench/rx/" + k + "/dev" + device;
    }

    /** The router entries in configuration order. */
    public List<RouteEntry> routeEntries() {
        List<RouteEntry> list = new ArrayList<>(exact + regex + 1);
        for (int i = 0; i < exact; i++) {
            list.add(new RouteEntry(exactName(i), exactAddress(i)));
        }
        for (int k = 0; k < regex; k++) {
            list.add(new RouteEntry(regexName(k), regexAddress(k)));
        }
        if (catchAll) {
            list.add(new RouteEntry("catchall", ".*"));
        }
        return list;
    }

    /**
     * {@code count} message topics: nine in ten go to exact stations (spread evenly over all of
     * them), one in ten to regex stations (spread over at most ten of them).
     */
    public List<String> messageTopics(int count) {
        List<String> topics = new ArrayList<>(count);
        int regexUsed = Math.min(regex, 10);
        int r = 0;
        int e = 0;
        for (int i = 0; i < count; i++) {
            if (regexUsed > 0 && i % 10 == 9) {
                topics.add(regexTopic(r % regexUsed * Math.max(1, regex / regexUsed), 1000 + r));
                r++;
            } else {
                long spread = (long) e * exact / Math.max(1, count - count / 10);
                topics.add(exactAddress((int) Math.min(exact - 1, spread)));
                e++;
            }
        }
        return topics;
    }
}
