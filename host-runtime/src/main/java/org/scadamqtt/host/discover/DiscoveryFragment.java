package org.scadamqtt.host.discover;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.scadamqtt.driver.DiscoveredPoint;

/**
 * Writes discovered data points as {@code <station>} elements with their {@code <tag>}s, to paste
 * into a {@code <line>} of a configuration: one station per station address (in the order found),
 * names made of the address in upper case ({@code Plant1/Press7/Drive1} → {@code PRESS7_DRIVE1},
 * its metric {@code Motor/Temperature} → {@code PRESS7_DRIVE1_MOTOR_TEMPERATURE}), made unique
 * within the fragment.
 */
public final class DiscoveryFragment {

    private DiscoveryFragment() {
    }

    /**
     * @param header a sentence for the comment on top (where and when it was discovered)
     */
    public static String xml(String header, List<DiscoveredPoint> points) {
        Map<String, List<DiscoveredPoint>> byStation = new LinkedHashMap<>();
        points.forEach(p -> byStation.computeIfAbsent(p.station(), k -> new java.util.ArrayList<>()).add(p));
        Set<String> names = new HashSet<>();
        StringBuilder out = new StringBuilder();
        out.append("<!-- ").append(comment(header)).append(": ").append(byStation.size()).append(" station(s), ")
                .append(points.size()).append(" tag(s); the types are suggestions (inputs: make a tag an output ")
                .append("by hand to write it) -->\n");
        byStation.forEach((address, tags) -> {
            String station = unique(names, stationName(address));
            out.append("<station name=\"").append(attr(station)).append("\" address=\"").append(attr(address))
                    .append("\">\n");
            for (DiscoveredPoint p : tags) {
                String tag = unique(names, station + "_" + upper(metric(p.address())));
                out.append("  <tag name=\"").append(attr(tag)).append("\" type=\"").append(p.type().name())
                        .append("\" address=\"").append(attr(p.address())).append('"');
                if (!p.note().isEmpty()) {
                    out.append(" description=\"").append(attr(p.note())).append('"');
                }
                out.append("/>\n");
            }
            out.append("</station>\n");
        });
        return out.toString();
    }

    /** The station address without its first part (the Sparkplug group), else the whole address. */
    static String stationName(String address) {
        int slash = address.indexOf('/');
        String rest = slash > 0 && slash < address.length() - 1 ? address.substring(slash + 1) : address;
        return upper(rest);
    }

    private static String metric(String address) {
        int eq = address.indexOf('=');
        return eq >= 0 ? address.substring(eq + 1) : address;
    }

    /** Upper case letters and digits; anything else becomes one underscore. */
    static String upper(String s) {
        String u = s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        return u.isEmpty() ? "X" : u;
    }

    private static String unique(Set<String> taken, String name) {
        String n = name;
        for (int i = 2; !taken.add(n); i++) {
            n = name + "_" + i;
        }
        return n;
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String comment(String s) {
        return s.replace("--", "- -");
    }
}
