package org.scadamqtt.driver;

import java.util.concurrent.CompletionStage;
import org.scadamqtt.config.LineConfig;

/**
 * One running line. Created by {@link DriverProvider#create}; the host calls {@link #start()}
 * once, then any of the other methods from any thread, and {@link #stop()} once at the end.
 */
public interface Driver {

    /**
     * Starts communication: publishes every tag as BAD/NOT_INITIALIZED, then connects in the
     * background. Returns at once; connection progress is reported through
     * {@link DriverContext#lineStatus}.
     */
    void start();

    /**
     * Applies a changed configuration of the same line with the least disruption: a change of
     * topic filters only re-subscribes, other line parameter changes reconnect, station and tag
     * changes take effect for the next message.
     */
    void reconfigure(LineConfig newConfig);

    /**
     * Writes an output tag.
     *
     * @param tag   tag name
     * @param value the value, of the tag type's Java kind (a String for TxtO, a Long for Co …)
     * @return completes with OK when the write is done as the line's QoS requires, or FAILED
     *         with a reason; never completes exceptionally
     */
    CompletionStage<WriteResult> write(String tag, Object value);

    /** Switches a station ON, OFF or to SIMUL. All stations OFF or SIMUL disconnect the line. */
    void control(String station, StationControl control);

    /** The line's current status and counters. */
    LineStatus status();

    /** Per-station counters, by station name; empty when the driver keeps none. Any thread. */
    default java.util.Map<String, StationDiagnostics> stationDiagnostics() {
        return java.util.Map.of();
    }

    /**
     * Protocol details and available actions per station, by station name; stations with none
     * may be left out. Any thread; cheap enough for a console that polls every few seconds.
     */
    default java.util.Map<String, StationDetails> stationDetails() {
        return java.util.Map.of();
    }

    /**
     * Runs a named action of a station, one of its {@link StationDetails#actions()} (a Sparkplug
     * "rebirth"). Any thread.
     *
     * @return completes with what was done or why not (an unknown station or action fails with a
     *         sentence); never completes exceptionally
     */
    default CompletionStage<ActionResult> stationAction(String station, String action) {
        return java.util.concurrent.CompletableFuture.completedFuture(ActionResult.failed(
                "this driver offers no station actions ('" + action + "' of station " + station + ")"));
    }

    /**
     * The data points the line learnt from its devices since it started (a Sparkplug host's
     * births), in the order learnt, for writing a configuration from what is there. Any thread.
     */
    default java.util.List<DiscoveredPoint> discovered() {
        return java.util.List.of();
    }

    /**
     * Stops communication (DISCONNECT sent when connected, persistence flushed) and releases
     * every thread the driver started. Waits at most a few seconds.
     */
    void stop();
}
