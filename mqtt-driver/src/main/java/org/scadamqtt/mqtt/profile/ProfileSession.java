package org.scadamqtt.mqtt.profile;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.driver.ActionResult;
import org.scadamqtt.driver.DiscoveredPoint;
import org.scadamqtt.driver.StationDetails;

/**
 * A profile's state for one running line: sequence numbers, aliases, request ids, pending
 * protocol acknowledgements. Which thread calls what:
 * <ul>
 *   <li>{@link #inspect} runs on the line's dispatch thread, once per message, in arrival order;
 *       it must be quick (no blocking, no I/O).</li>
 *   <li>{@link #decode} runs on station lanes, concurrently for different stations; it must be
 *       thread-safe.</li>
 *   <li>{@link #encode} runs on the writing station's lane.</li>
 * </ul>
 * No method may throw for bad input: a payload that cannot be read yields a
 * {@link Decoded#failure(String)} naming what is wrong and where (byte offset, path).
 */
public interface ProfileSession extends AutoCloseable {

    /**
     * Looks at a message before it is routed. The default routes by topic and decodes later on
     * the station's lane. A profile that routes by a key inside the payload decodes here and
     * returns {@link Inspection#routeByKeys}; one that answers a protocol message itself (a write's
     * response, an automatic acknowledgement) may return {@link Inspection#handled()}.
     */
    default Inspection inspect(InboundView message) {
        return Inspection.byTopic();
    }

    /** Decodes one message. Thread-safe; never throws. */
    Decoded decode(InboundView message);

    /**
     * A decoder for a station that reads the document only through these paths (its {@code JA=}
     * tags, the time field, {@code BIN(…:path)} fields): it may skip everything else, as long as
     * each path finds in its document exactly what it finds in {@link #decode}'s, and a payload
     * that {@code decode} refuses is refused too. Called once per station when the line starts;
     * the default decodes everything.
     */
    default java.util.function.Function<InboundView, Decoded> decoderFor(java.util.Collection<JsonPath> paths) {
        return this::decode;
    }

    /**
     * Encodes a write to one of this profile's output addresses.
     *
     * @return what to publish, with an optional correlation for writes completed by the device's answer
     * @throws WriteRefusedException when the value or the station's state does not allow the write
     */
    default Outgoing encode(OutputAddress address, WriteRequest request) {
        return address.encode(request);
    }

    /**
     * The line connected (again) and subscribed. A profile that must announce itself (a Sparkplug
     * STATE birth) publishes through its {@link ProfileContext} here. Runs on a line thread.
     */
    default void connected() {
    }

    /**
     * The line has no usable connection (lost, refused, left, or not yet subscribed after a new
     * CONNECT): whatever the profile must not send before its next {@link #connected()} waits.
     * Called on every line status but CONNECTED, so possibly several times. Runs on a line thread.
     */
    default void disconnected() {
    }

    /**
     * The line is about to leave the broker on purpose (the driver stops, new parameters need a
     * new connection, no station needs the line) or to leave this profile (a reload gives the line
     * another payload type): the connection is still up. A profile that must say goodbye (a
     * Sparkplug STATE death) publishes through its {@link ProfileContext} here and returns what
     * completes once the broker confirmed it. The line goes on (DISCONNECT, or the next profile)
     * when it completes, or after the line's Reply Timeout (at most 2 s) whatever it did, so a broker that
     * does not answer cannot hold up a stop. Not called when the connection was lost. Runs on a
     * line thread (on a reload, the thread that reconfigures the driver); must not block.
     */
    default CompletionStage<?> leaving() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * What the profile knows about a station for the operator's console (an edge node's state,
     * metric count, last sequence number) and the actions {@link #action} runs for it. Any
     * thread; must be quick. The default: nothing.
     */
    default StationDetails details(StationConfig station) {
        return StationDetails.NONE;
    }

    /**
     * Runs one of the actions {@link #details} offers for a station (a Sparkplug rebirth request).
     * Any thread; must not block.
     *
     * @return completes with what was done or why not; never exceptionally
     */
    default CompletionStage<ActionResult> action(StationConfig station, String name) {
        return CompletableFuture.completedFuture(ActionResult.failed("station " + station.name()
                + " offers no action '" + name + "'"));
    }

    /**
     * The data points the profile learnt from the devices (a Sparkplug birth's metrics), for
     * {@code scada-host discover} and {@code GET /api/lines/{line}/discovered}. Any thread.
     */
    default List<DiscoveredPoint> discovered() {
        return List.of();
    }

    /** The line stopped; release what the session holds. Never throws. */
    @Override
    default void close() {
    }
}
