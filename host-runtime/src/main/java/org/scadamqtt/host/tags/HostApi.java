package org.scadamqtt.host.tags;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.scadamqtt.driver.ActionResult;
import org.scadamqtt.driver.DiscoveredPoint;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationDetails;
import org.scadamqtt.driver.StationDiagnostics;
import org.scadamqtt.driver.WriteResult;

/**
 * What consoles (web, terminal, log) see of the running host: the tag table, station and line
 * states, writes and station control. Thread-safe.
 */
public interface HostApi {

    /** Every tag, in configuration order. */
    List<TagEntry> tags();

    Optional<TagEntry> tag(String name);

    /** Every station, in configuration order. */
    List<StationEntry> stations();

    /** Every line, in configuration order. */
    List<LineEntry> lines();

    /**
     * The counters its driver keeps for one station (messages, bad payloads, messages without a
     * time field, last error with time); empty when the station is unknown, its line is not
     * running or its driver keeps none.
     */
    default Optional<StationDiagnostics> diagnostics(String station) {
        return Optional.empty();
    }

    /**
     * Writes an output tag. {@code value} is what a console sent (String, Number, Boolean, or
     * null); the host converts it to the tag's type first and fails with WRONG_VALUE when it does
     * not convert. Input tags fail with NOT_WRITABLE, unknown tags with UNKNOWN_TAG.
     */
    CompletionStage<WriteResult> write(String tag, Object value);

    /**
     * Switches a station ON, OFF or SIMUL.
     *
     * @throws IllegalArgumentException when there is no such station
     */
    void control(String station, StationControl control);

    /**
     * What the drivers tell of their stations beyond the state (a Sparkplug edge node's state,
     * metric count, last seq) and the actions each offers, by station name; stations with none
     * are left out. Read on demand: consoles poll it.
     */
    default Map<String, StationDetails> stationDetails() {
        return Map.of();
    }

    /**
     * Runs a named action of a station (a Sparkplug "rebirth"), one its {@link StationDetails}
     * offers. Never completes exceptionally; an unknown station or action fails with a sentence.
     */
    default CompletionStage<ActionResult> stationAction(String station, String action) {
        return CompletableFuture.completedFuture(ActionResult.failed("this host runs no station actions"));
    }

    /**
     * What a line's driver learnt from its devices (a Sparkplug host's births): station address,
     * tag address, suggested type.
     *
     * @throws IllegalArgumentException when there is no such line
     */
    default List<DiscoveredPoint> discovered(String line) {
        if (lines().stream().noneMatch(l -> l.name().equals(line))) {
            throw new IllegalArgumentException("there is no line '" + line + "' in this configuration");
        }
        return List.of();
    }

    /** Registers a listener; closing the returned handle removes it. */
    AutoCloseable subscribe(HostListener listener);

    /**
     * The recorded values of {@code tag} received from {@code from} to {@code to} (null:
     * unbounded), oldest first, at most the newest {@code last}. Empty for a tag whose type has no
     * history ({@link HistoryPoint#kept}) and for a host that keeps none.
     */
    default List<HistoryPoint> history(String tag, Instant from, Instant to, int last) {
        return List.of();
    }

    /**
     * Reads the configuration file again and applies it without a restart (see docs/host.md); a
     * file with errors is refused whole and the running configuration stays. A host without a
     * file behind it refuses.
     */
    default ReloadResult reload() {
        return ReloadResult.refused("this host has no configuration file to reload", List.of(), List.of());
    }
}
