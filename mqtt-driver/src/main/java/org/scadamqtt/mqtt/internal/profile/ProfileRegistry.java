package org.scadamqtt.mqtt.internal.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.mqtt.MqttParameters;
import org.scadamqtt.mqtt.profile.PayloadProfile;

/**
 * The payload profiles the driver knows, by Payload Type value (code or alias, ignoring case).
 * Immutable. Two profiles claiming one value are refused, naming both classes, like two drivers
 * with one protocol code.
 */
public final class ProfileRegistry {

    private static final class Standard {
        static final ProfileRegistry INSTANCE = load(ProfileRegistry.class.getClassLoader());
    }

    private final List<PayloadProfile> profiles;
    private final Map<String, PayloadProfile> byName;

    private ProfileRegistry(List<PayloadProfile> profiles) {
        Map<String, PayloadProfile> map = new LinkedHashMap<>();
        for (PayloadProfile p : profiles) {
            List<String> names = new ArrayList<>();
            names.add(p.code());
            names.addAll(p.aliases());
            for (String n : names) {
                PayloadProfile old = map.put(key(n), p);
                if (old != null && old != p) {
                    throw new IllegalStateException("two payload profiles claim payloadType '" + n + "': "
                            + old.getClass().getName() + " and " + p.getClass().getName()
                            + "; remove one of the jars that contain them");
                }
            }
        }
        this.profiles = List.copyOf(profiles);
        this.byName = Map.copyOf(map);
    }

    /** The profiles found by {@link ServiceLoader} next to the driver (loaded once). */
    public static ProfileRegistry standard() {
        return Standard.INSTANCE;
    }

    /** The profiles found by {@link ServiceLoader} in this class loader. */
    public static ProfileRegistry load(ClassLoader loader) {
        List<PayloadProfile> found = new ArrayList<>();
        ServiceLoader.load(PayloadProfile.class, loader).forEach(found::add);
        return of(found);
    }

    /**
     * A registry of these profiles.
     *
     * @throws IllegalStateException when two of them claim one Payload Type value
     */
    public static ProfileRegistry of(List<PayloadProfile> profiles) {
        return new ProfileRegistry(profiles);
    }

    /** The profile of a Payload Type value (code or alias, ignoring case and blanks). */
    public Optional<PayloadProfile> find(String payloadType) {
        return payloadType == null ? Optional.empty() : Optional.ofNullable(byName.get(key(payloadType)));
    }

    /**
     * The profile of a Payload Type value.
     *
     * @throws IllegalArgumentException naming the value and the known ones
     */
    public PayloadProfile require(String payloadType) {
        return find(payloadType).orElseThrow(() -> new IllegalArgumentException("Payload Type '" + payloadType
                + "' is not known; known types are " + String.join(", ", codes())));
    }

    /**
     * The payload type a station's payloads are read with: its own {@code payloadType} parameter
     * when it has one, else the line's (TEXT when the line names none). The one place of this rule.
     */
    public static String payloadTypeOf(LineConfig line, StationConfig station) {
        return station.parameters() != null && station.parameters().has(MqttParameters.PAYLOAD_TYPE)
                ? station.parameters().text(MqttParameters.PAYLOAD_TYPE) : payloadTypeOf(line);
    }

    /** The line's own {@code payloadType} (TEXT when it names none). */
    public static String payloadTypeOf(LineConfig line) {
        return line.parameters() != null && line.parameters().has(MqttParameters.PAYLOAD_TYPE)
                ? line.parameters().text(MqttParameters.PAYLOAD_TYPE) : MqttParameters.PAYLOAD_TEXT;
    }

    /** The profile a station's payloads are read with ({@link #payloadTypeOf(LineConfig, StationConfig)}). */
    public Optional<PayloadProfile> ofStation(LineConfig line, StationConfig station) {
        return find(payloadTypeOf(line, station));
    }

    /** Every profile, in the order found. */
    public List<PayloadProfile> all() {
        return profiles;
    }

    /** The codes, in the order found. */
    public List<String> codes() {
        return profiles.stream().map(PayloadProfile::code).toList();
    }

    /** Every profile's own line parameters, in order. */
    public List<ParameterDescriptor> lineParameters() {
        return profiles.stream().flatMap(p -> p.lineParameters().stream()).toList();
    }

    /** Every profile's own station parameters, in order. */
    public List<ParameterDescriptor> stationParameters() {
        return profiles.stream().flatMap(p -> p.stationParameters().stream()).toList();
    }

    /** The profile that declares a parameter of this name, if any. */
    public Optional<PayloadProfile> ownerOf(String parameter) {
        return profiles.stream().filter(p -> p.lineParameters().stream().anyMatch(d -> d.name().equals(parameter))
                || p.stationParameters().stream().anyMatch(d -> d.name().equals(parameter))).findFirst();
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
