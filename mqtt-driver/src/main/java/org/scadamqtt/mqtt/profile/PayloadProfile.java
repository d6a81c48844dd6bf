package org.scadamqtt.mqtt.profile;

import java.util.List;
import java.util.Optional;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;

/**
 * A payload format the MQTT driver speaks: the value of a line's {@code payloadType} parameter.
 * Found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.scadamqtt.mqtt.profile.PayloadProfile}; two profiles declaring the
 * same code (or alias) are refused when the driver loads, naming both classes.
 *
 * <p>The core keeps the D2000 addresses ({@code IN_TOPIC}, {@code IN_DATA}, {@code IN_ID},
 * {@code ACK_ID}, {@code OUT_TOPIC}, {@code OUT_VALUE}) and the generic ones every profile gets
 * ({@code JA=path} on the decoded document, {@code TL=n} topic levels, {@code BIN=} binary
 * fields). A profile adds its own addresses through {@link #compile}, its own parameters, and a
 * per-line {@link ProfileSession} that decodes, encodes and may keep state.
 *
 * <p>Implementations are immutable and thread-safe; they need a public no-argument constructor.
 * A profile uses only this package (and tag-model, driver-api, Jackson): a test checks it.
 * docs/profiles.md explains how to write one.
 */
public interface PayloadProfile {

    /** The Payload Type value that selects this profile, e.g. {@code JSON}; matched ignoring case. */
    String code();

    /** Other spellings accepted for {@link #code()} (D2000's "Text only"); none by default. */
    default List<String> aliases() {
        return List.of();
    }

    /** One sentence for the configuration reference. */
    String description();

    /**
     * Whether decoded messages carry a document that {@code JA=} paths and the line's time field
     * read. TEXT has none: a {@code JA=} tag on a TEXT line is a configuration error.
     */
    default boolean producesDocument() {
        return true;
    }

    /**
     * Line parameters this profile adds (scope LINE). Their names must not clash with the core's
     * or another profile's; they are accepted on any line but refused when the line's payloadType
     * is another profile.
     */
    default List<ParameterDescriptor> lineParameters() {
        return List.of();
    }

    /** Station parameters this profile adds (scope STATION); same rules as {@link #lineParameters()}. */
    default List<ParameterDescriptor> stationParameters() {
        return List.of();
    }

    /** The addresses this profile adds, for the configuration reference and error messages. */
    default List<AddressSyntax> addressSyntax() {
        return List.of();
    }

    /**
     * Compiles a tag address the core does not know. Called once per tag, by the configuration
     * check and by the driver alike, so an address that validates always binds.
     *
     * @param tag     the tag (its address, type and name)
     * @param station the station it belongs to (its parameters)
     * @return the compiled address, or empty when the address is not this profile's
     * @throws AddressException when the address is this profile's but wrong (the message says why)
     */
    default Optional<ProfileAddress> compile(TagConfig tag, StationConfig station) {
        return Optional.empty();
    }

    /**
     * The routing keys a station answers to, for profiles whose messages name their station inside
     * the payload or topic fields (a Wirepas node address, a Sparkplug edge node). Messages whose
     * {@link Inspection} carries one of these keys go to this station before topic routing.
     *
     * @return the keys; empty (the default) when the station is routed by its topic address only
     */
    default List<String> stationKeys(StationConfig station) {
        return List.of();
    }

    /**
     * Topic filters the line subscribes for this profile besides its own {@code topicFilter}
     * values: topics the protocol fixes (a WEGnology device's {@code <prefix>/<deviceId>/command}).
     * When the line's {@code topicFilter} is only its default {@code #} (left out, or written so),
     * these replace it (a cloud broker that refuses wildcards). Called whenever the line's connection settings are read; a
     * changed list re-subscribes the line.
     *
     * @return the filters, without wildcards the broker refuses; empty (the default) for none
     */
    default List<String> topicFilters(LineConfig line) {
        return List.of();
    }

    /**
     * Checks of a line that the parameter table and addresses cannot express (rules of a cloud
     * broker, combinations of parameters). Runs only for lines whose payloadType is this profile.
     *
     * @return every problem, each located at the line, station or tag it concerns
     */
    default List<ConfigProblem> validate(LineConfig line) {
        return List.of();
    }

    /**
     * The will this profile puts into the line's CONNECT, replacing the line's will parameters
     * (Will Flag, Will Topic, ...): a Sparkplug primary host registers its STATE death certificate
     * this way. Called whenever the line's connection settings are read (start, reconfiguration);
     * it should return an equal will for an unchanged line, or the line reconnects.
     *
     * @return the will; empty (the default) to keep the line's own will parameters
     */
    default Optional<Will> will(LineConfig line) {
        return Optional.empty();
    }

    /**
     * Whether a broker address written without a scheme ({@code host} or {@code host:port}) on a
     * line of this profile means TLS ({@code ssl://}, port 8883 unless given) instead of plain
     * {@code tcp://}: for clouds that accept only TLS (WEGnology). An explicit scheme always wins.
     */
    default boolean tlsByDefault() {
        return false;
    }

    /**
     * The wait before the next connect attempt, for brokers with their own reconnect rules (Gizwits:
     * 10 s more after each failed attempt; WEGnology: a ban of 30 s doubling up to 1 h). Called on
     * the line's thread each time the line must wait: after a failed round of attempts
     * ({@code failedAttempts} 1, 2, ... counted since the last connection that stayed up), and after
     * losing a connection ({@code failedAttempts} 0 when it had stayed up, else counted on).
     *
     * @param line           the line's configuration
     * @param failedAttempts failed attempts in a row (0: a working connection was just lost)
     * @param lastFailure    why the last attempt failed or the connection was lost, as the line status says it
     * @return the wait; empty (the default) for the line's own reconnectMinDelay/reconnectMaxDelay back-off
     */
    default Optional<ReconnectDelay> reconnectDelay(LineConfig line, int failedAttempts, String lastFailure) {
        return Optional.empty();
    }

    /**
     * Opens this profile's state for one running line. Called once per driver instance, before
     * the line connects; {@link ProfileSession#close()} is called when the line stops.
     */
    ProfileSession open(ProfileContext context);
}
