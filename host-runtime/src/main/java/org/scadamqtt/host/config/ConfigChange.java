package org.scadamqtt.host.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.SourceLocation;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.config.TagDisplay;

/**
 * What a reload changes, line by line. Lines and stations are compared by content, not by where
 * they are written: a station that only moved in the file (a line added above it) is unchanged.
 * Unchanged lines and stations keep their running configuration objects, so a driver that
 * compares stations sees them as the same and leaves them alone.
 *
 * @param running      the configuration to run from now on
 * @param started      lines to start (new, or whose protocol changed)
 * @param reconfigured lines to hand their new configuration ({@code Driver.reconfigure})
 * @param stopped      names of lines to stop (removed, or whose protocol changed)
 * @param unchanged    names of lines left alone
 */
public record ConfigChange(ScadaConfig running, List<LineConfig> started, List<LineConfig> reconfigured,
        List<String> stopped, List<String> unchanged) {

    public ConfigChange {
        started = List.copyOf(started);
        reconfigured = List.copyOf(reconfigured);
        stopped = List.copyOf(stopped);
        unchanged = List.copyOf(unchanged);
    }

    /** The change from the running configuration {@code old} to the file's {@code next}. */
    public static ConfigChange between(ScadaConfig old, ScadaConfig next) {
        Map<String, LineConfig> before = new LinkedHashMap<>();
        old.lines().forEach(l -> before.put(l.name(), l));
        List<LineConfig> running = new ArrayList<>();
        List<LineConfig> started = new ArrayList<>();
        List<LineConfig> reconfigured = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (LineConfig line : next.lines()) {
            LineConfig was = before.remove(line.name());
            if (was == null) {
                started.add(line);
                running.add(line);
            } else if (!protocolKey(was).equals(protocolKey(line))) {
                stopped.add(was.name()); // another driver: the old one cannot take the new configuration
                started.add(line);
                running.add(line);
            } else if (sameContent(was, line)) {
                unchanged.add(line.name());
                running.add(was);
            } else {
                LineConfig kept = keepUnchangedStations(was, line);
                reconfigured.add(kept);
                running.add(kept);
            }
        }
        stopped.addAll(before.keySet());
        return new ConfigChange(new ScadaConfig(next.source(), running, next.warnings()), started, reconfigured,
                stopped, unchanged);
    }

    /** Whether nothing changes at all. */
    public boolean isEmpty() {
        return started.isEmpty() && reconfigured.isEmpty() && stopped.isEmpty();
    }

    /** "started [A], reconfigured [B], stopped [C], unchanged [D]" for the log and the API. */
    public String describe() {
        return "started " + started.stream().map(LineConfig::name).toList() + ", reconfigured "
                + reconfigured.stream().map(LineConfig::name).toList() + ", stopped " + stopped + ", unchanged "
                + unchanged;
    }

    private static String protocolKey(LineConfig line) {
        return line.protocol().toLowerCase(Locale.ROOT);
    }

    /** The new line with every station whose content did not change replaced by the running one. */
    private static LineConfig keepUnchangedStations(LineConfig was, LineConfig line) {
        List<StationConfig> stations = new ArrayList<>();
        for (StationConfig st : line.stations()) {
            StationConfig old = was.station(st.name()).orElse(null);
            stations.add(old != null && sameContent(old, st) ? old : st);
        }
        return line.withStations(stations);
    }

    static boolean sameContent(LineConfig a, LineConfig b) {
        return withoutLocations(a).equals(withoutLocations(b));
    }

    static boolean sameContent(StationConfig a, StationConfig b) {
        return withoutLocations(a).equals(withoutLocations(b));
    }

    private static LineConfig withoutLocations(LineConfig l) {
        return new LineConfig(l.name(), l.protocol(), l.hosts(), l.port(), withoutLocations(l.parameters()),
                l.stations().stream().map(ConfigChange::withoutLocations).toList(), SourceLocation.NONE);
    }

    private static StationConfig withoutLocations(StationConfig s) {
        return new StationConfig(s.name(), s.address(), s.initialState(), withoutLocations(s.parameters()),
                s.tags().stream().map(t -> new TagConfig(t.name(), t.type(), t.address(), SourceLocation.NONE,
                        TagDisplay.NONE, null, t.writable())).toList(), // writable changes what the driver compiles
                SourceLocation.NONE);
    }

    private static ParameterValues withoutLocations(ParameterValues p) {
        return new ParameterValues(p.descriptors(), p.values());
    }
}
