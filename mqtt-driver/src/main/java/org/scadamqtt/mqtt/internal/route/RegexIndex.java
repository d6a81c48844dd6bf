package org.scadamqtt.mqtt.internal.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the regular-expression stations that can possibly match a topic, in priority order,
 * without trying every expression: each expression is filed under its literal prefix (the
 * characters every match must start with), and a topic only needs the expressions filed under
 * one of its own prefixes. Expressions with no literal prefix ({@code .*battery}, {@code (a|b)/x})
 * are candidates for every topic.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class RegexIndex {

    private static final String META = "\\^$.|?*+()[]{}";

    /** prefix → ranks (positions in priority order) of the expressions with that prefix, ascending. */
    private final Map<String, int[]> byPrefix;
    /** Distinct prefix lengths, ascending. */
    private final int[] prefixLengths;

    /** @param prefixes literal prefix of each expression, indexed by rank */
    RegexIndex(List<String> prefixes) {
        Map<String, List<Integer>> groups = new HashMap<>();
        TreeSet<Integer> lengths = new TreeSet<>();
        for (int rank = 0; rank < prefixes.size(); rank++) {
            String prefix = prefixes.get(rank);
            groups.computeIfAbsent(prefix, p -> new ArrayList<>()).add(rank);
            lengths.add(prefix.length());
        }
        Map<String, int[]> index = new HashMap<>(groups.size() * 2);
        groups.forEach((prefix, ranks) -> index.put(prefix, ranks.stream().mapToInt(Integer::intValue).toArray()));
        this.byPrefix = index;
        this.prefixLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return ranks of the expressions that may match {@code topic}, ascending (highest priority first) */
    int[] candidates(String topic) {
        int[] single = null;
        int[] merged = null;
        int mergedCount = 0;
        for (int length : prefixLengths) {
            if (length > topic.length()) {
                break;
            }
            int[] ranks = byPrefix.get(length == topic.length() ? topic : topic.substring(0, length));
            if (ranks == null) {
                continue;
            }
            if (single == null && merged == null) {
                single = ranks;
                continue;
            }
            if (merged == null) {
                merged = Arrays.copyOf(single, single.length + ranks.length);
                mergedCount = single.length;
            } else if (mergedCount + ranks.length > merged.length) {
                merged = Arrays.copyOf(merged, Math.max(merged.length * 2, mergedCount + ranks.length));
            }
            System.arraycopy(ranks, 0, merged, mergedCount, ranks.length);
            mergedCount += ranks.length;
        }
        if (merged == null) {
            return single == null ? new int[0] : single;
        }
        int[] result = Arrays.copyOf(merged, mergedCount);
        Arrays.sort(result);
        return result;
    }

    /** @return true when the address has no regex metacharacter, so as a regex it matches only itself */
    static boolean isPlainLiteral(String address) {
        for (int i = 0; i < address.length(); i++) {
            if (META.indexOf(address.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The characters every match of {@code regex} starts with. Conservative: a shorter prefix than
     * possible is harmless (more candidates), a longer one would lose matches.
     */
    static String literalPrefix(String regex) {
        if (regex.indexOf('|') >= 0) {
            return ""; // an alternative may start differently
        }
        int end = 0;
        while (end < regex.length() && META.indexOf(regex.charAt(end)) < 0) {
            end++;
        }
        if (end < regex.length() && end > 0) {
            char next = regex.charAt(end);
            if (next == '*' || next == '?' || next == '{') {
                end--; // the last literal may occur zero times
                if (end > 0 && Character.isLowSurrogate(regex.charAt(end)) && Character.isHighSurrogate(regex.charAt(end - 1))) {
                    end--;
                }
            }
        }
        return regex.substring(0, end);
    }
}
