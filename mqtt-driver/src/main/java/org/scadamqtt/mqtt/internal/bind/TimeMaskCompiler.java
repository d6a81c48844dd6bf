package org.scadamqtt.mqtt.internal.bind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.scadamqtt.mqtt.internal.bind.TimeMask.Kind;

/** Turns a pattern Time Mask into its elements, longest token first. */
final class TimeMaskCompiler {

    private static final String TOKENS = "tokens are yyyy rrrr yy rr mm dd hh mi ss mss ZZZ ZZZZZ ZZZZZZ";

    private TimeMaskCompiler() {
    }

    static TimeMask compile(String mask) {
        List<Kind> kinds = new ArrayList<>();
        StringBuilder literals = new StringBuilder();
        Set<Kind> seen = EnumSet.noneOf(Kind.class);
        int i = 0;
        int n = mask.length();
        while (i < n) {
            char c = mask.charAt(i);
            Kind kind;
            int length;
            if (c == 'Z' || c == 'y' || c == 'r') {
                int run = run(mask, i, c);
                kind = runKind(mask, i, c, run);
                length = kind == Kind.LITERAL ? 1 : run;
            } else if (mask.startsWith("mss", i)) {
                kind = Kind.MILLI;
                length = 3;
            } else if (mask.startsWith("mm", i)) {
                kind = Kind.MONTH;
                length = 2;
            } else if (mask.startsWith("mi", i)) {
                kind = Kind.MINUTE;
                length = 2;
            } else if (mask.startsWith("dd", i)) {
                kind = Kind.DAY;
                length = 2;
            } else if (mask.startsWith("hh", i)) {
                kind = Kind.HOUR;
                length = 2;
            } else if (mask.startsWith("ss", i)) {
                kind = Kind.SECOND;
                length = 2;
            } else if (c == 'm' || c == 'd' || c == 'h' || c == 's') {
                throw error(mask, i, "has a single '" + c + "', which is not a token (" + TOKENS
                        + "); a letter that belongs to the time must be doubled");
            } else {
                kind = Kind.LITERAL;
                length = 1;
            }
            if (kind != Kind.LITERAL) {
                Kind slot = slot(kind);
                if (!seen.add(slot)) {
                    throw error(mask, i, "has a second " + slot.label.replaceAll(" \\(.*", "")
                            + " field '" + mask.substring(i, i + length) + "'");
                }
            }
            kinds.add(kind);
            literals.append(kind == Kind.LITERAL ? c : '\0');
            i += length;
        }
        checkComplete(mask, seen);
        boolean hasOffset = seen.contains(Kind.OFFSET_H);
        return TimeMask.pattern(mask, kinds.toArray(new Kind[0]), literals.toString().toCharArray(), hasOffset);
    }

    private static int run(String mask, int from, char c) {
        int end = from;
        while (end < mask.length() && mask.charAt(end) == c) {
            end++;
        }
        return end - from;
    }

    private static Kind runKind(String mask, int at, char c, int run) {
        if (c == 'Z') {
            switch (run) {
                case 1:
                case 2:
                    return Kind.LITERAL; // e.g. the 'Z' of ...ss.mssZ
                case 3:
                    return Kind.OFFSET_H;
                case 5:
                    return Kind.OFFSET_HM;
                case 6:
                    return Kind.OFFSET_H_M;
                default:
                    throw error(mask, at, "has " + "Z".repeat(run) + ", which is not an offset token; use ZZZ (+hh), "
                            + "ZZZZZ (+hhmi) or ZZZZZZ (+hh:mi)");
            }
        }
        if (run == 4) {
            return Kind.YEAR4;
        }
        if (run == 2) {
            return Kind.YEAR2;
        }
        throw error(mask, at, "has " + String.valueOf(c).repeat(run) + ", which is not a year token; use "
                + c + c + c + c + " (four digits) or " + c + c + " (two digits)");
    }

    /** All offsets share one slot, both year widths another, so each may appear once. */
    private static Kind slot(Kind kind) {
        if (kind.isOffset()) {
            return Kind.OFFSET_H;
        }
        return kind == Kind.YEAR2 ? Kind.YEAR4 : kind;
    }

    private static void checkComplete(String mask, Set<Kind> seen) {
        if (!seen.contains(Kind.YEAR4) || !seen.contains(Kind.MONTH) || !seen.contains(Kind.DAY)) {
            throw new IllegalArgumentException("time mask '" + mask + "' needs a year (yyyy or yy), a month (mm) "
                    + "and a day (dd); " + TOKENS + ", or use UNIX, UNIXMS or ISO8601");
        }
        requires(mask, seen, Kind.MINUTE, Kind.HOUR);
        requires(mask, seen, Kind.SECOND, Kind.MINUTE);
        requires(mask, seen, Kind.MILLI, Kind.SECOND);
    }

    private static void requires(String mask, Set<Kind> seen, Kind part, Kind needed) {
        if (seen.contains(part) && !seen.contains(needed)) {
            throw new IllegalArgumentException("time mask '" + mask + "' has a " + part.label + " but no "
                    + needed.label);
        }
    }

    private static IllegalArgumentException error(String mask, int at, String what) {
        return new IllegalArgumentException("time mask '" + mask + "' " + what + " (at position " + (at + 1) + ")");
    }
}
