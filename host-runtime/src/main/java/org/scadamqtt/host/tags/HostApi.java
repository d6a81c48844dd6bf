package org.scadamqtt.host.tags;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.scadamqtt.driver.StationControl;
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

    /** Registers a listener; closing the returned handle removes it. */
    AutoCloseable subscribe(HostListener listener);

    /**
     * Reads the configuration file again and applies it without a restart (see docs/host.md); a
     * file with errors is refused whole and the running configuration stays. A host without a
     * file behind it refuses.
     */
    default ReloadResult reload() {
        return ReloadResult.refused("this host has no configuration file to reload", List.of(), List.of());
    }
}
