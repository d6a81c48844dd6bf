package org.scadamqtt.mqtt.profiles.wegnology;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.config.ParameterScope;
import org.scadamqtt.config.ParameterType;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.mqtt.profile.AddressException;
import org.scadamqtt.mqtt.profile.AddressSyntax;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.mqtt.profile.ProfileAddress;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profile.ReconnectDelay;
import org.scadamqtt.tag.TagType;

/**
 * Payload Type {@code WEGnology}: a device on the WEGnology (white-labelled Losant) MQTT broker.
 * Output tags report device state, rate-limited so the broker never bans the device; commands
 * reach tags through JA=. docs/profiles/wegnology.md is the user's page.
 */
public final class WegnologyProfile implements PayloadProfile {

    /** The Payload Type value. */
    public static final String CODE = "WEGnology";
    /** Line parameter: the first topic level. */
    public static final String PREFIX = "wegnologyTopicPrefix";
    /** Line parameter: how long writes are collected into one state message. */
    public static final String COALESCE = "wegnologyCoalesce";
    /** Station parameter: the device whose state the station's tags report. */
    public static final String DEVICE = "wegnologyDeviceId";

    static final String DEFAULT_PREFIX = "wnology";
    static final Duration DEFAULT_COALESCE = Duration.ofMillis(200);
    /** The platform's largest message. */
    static final int MAX_PAYLOAD = 256 * 1024;
    /** First ban the broker imposes, doubled per repeated violation up to {@link #BAN_MAX}. */
    static final Duration BAN_MIN = Duration.ofSeconds(30);
    static final Duration BAN_MAX = Duration.ofHours(1);

    static final String STATE_PREFIX = "STATE=";

    private static final List<ParameterDescriptor> LINE = List.of(
            ParameterDescriptor.builder(PREFIX, ParameterType.TEXT, ParameterScope.LINE)
                    .description("(WEGnology) First level of the device topics <prefix>/<deviceId>/state and /command; "
                            + "default wnology (losant for Losant itself). The line subscribes <prefix>/<deviceId>/command "
                            + "itself, for clientId and every wegnologyDeviceId.").build(),
            ParameterDescriptor.builder(COALESCE, ParameterType.SECONDS, ParameterScope.LINE).range("0", "60")
                    .description("(WEGnology) Writes made within this time go out as one state message; default 0.2 s. "
                            + "Writes that must wait for the broker's rate limit are coalesced too.").build());

    private static final List<ParameterDescriptor> STATION = List.of(
            ParameterDescriptor.builder(DEVICE, ParameterType.TEXT, ParameterScope.STATION)
                    .description("(WEGnology) The device whose state this station's STATE= tags report (a gateway "
                            + "reporting for its peripherals); default the line's clientId.").build());

    /** For {@link java.util.ServiceLoader}. */
    public WegnologyProfile() {
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String description() {
        return "WEGnology/Losant devices: STATE= tags report device state within the broker's rate limits, JA= tags "
                + "read commands";
    }

    @Override
    public List<ParameterDescriptor> lineParameters() {
        return LINE;
    }

    @Override
    public List<ParameterDescriptor> stationParameters() {
        return STATION;
    }

    @Override
    public List<AddressSyntax> addressSyntax() {
        return List.of(new AddressSyntax("STATE=attribute", Set.of(TagType.TxtO, TagType.Co, TagType.Ao, TagType.Do),
                "reports the value as device attribute 'attribute' in {\"data\":{...},\"time\":{\"$date\":...}} on "
                        + "<prefix>/<deviceId>/state, e.g. STATE=temperature"));
    }

    @Override
    public Optional<ProfileAddress> compile(TagConfig tag, StationConfig station) {
        String a = tag.address().strip();
        if (!a.regionMatches(true, 0, STATE_PREFIX, 0, STATE_PREFIX.length())) {
            return Optional.empty();
        }
        String attribute = a.substring(STATE_PREFIX.length()).strip();
        if (attribute.isEmpty()) {
            throw new AddressException("STATE= needs the attribute name as the device defines it, e.g. STATE=temperature");
        }
        if (!tag.type().isOutput()) {
            throw new AddressException("STATE= reports device state, so the tag must be an output type (TxtO, Co, Ao, "
                    + "Do), not " + tag.type() + "; read commands with JA=name or JA=payload.field");
        }
        return Optional.of(new StateAttribute(attribute));
    }

    /**
     * The command topics the line subscribes itself: {@code <prefix>/<clientId>/command}, and that
     * of each device a station reports for ({@code wegnologyDeviceId}), so a line needs no
     * topicFilter (its default {@code #} would be refused by the broker).
     */
    @Override
    public List<String> topicFilters(LineConfig line) {
        String prefix = WegnologySession.prefix(line);
        java.util.Set<String> devices = new java.util.LinkedHashSet<>();
        devices.add(WegnologySession.text(line.parameters(), "clientId", ""));
        for (StationConfig s : line.stations()) {
            devices.add(WegnologySession.text(s.parameters(), DEVICE, ""));
        }
        return devices.stream().filter(d -> !d.isEmpty() && WegnologyRules.oneLevel(d) && WegnologyRules.oneLevel(prefix))
                .map(d -> commandTopic(prefix, d)).toList();
    }

    static String commandTopic(String prefix, String device) {
        return prefix + "/" + device + "/command";
    }

    @Override
    public List<ConfigProblem> validate(LineConfig line) {
        return WegnologyRules.check(line);
    }

    /** WEGnology takes TLS only (8883, or wss 443): {@code broker.app.wnology.io} alone means ssl://…:8883. */
    @Override
    public boolean tlsByDefault() {
        return true;
    }

    @Override
    public Optional<ReconnectDelay> reconnectDelay(LineConfig line, int failedAttempts, String lastFailure) {
        String why = lastFailure == null ? "" : lastFailure.toLowerCase(Locale.ROOT);
        boolean refusedByBroker = why.contains("connack") || why.contains("closed");
        if (failedAttempts <= 0 || !refusedByBroker) {
            return Optional.empty(); // a network that is down is no ban: the line's own back-off
        }
        Duration wait = BAN_MIN.multipliedBy(1L << Math.min(failedAttempts - 1, 7));
        wait = wait.compareTo(BAN_MAX) > 0 ? BAN_MAX : wait;
        return Optional.of(new ReconnectDelay(wait, "WEGnology refuses the device: probably banned for exceeding its "
                + "message limits (bans last 30 s, doubling up to 1 h)"));
    }

    @Override
    public ProfileSession open(ProfileContext context) {
        return new WegnologySession(context);
    }
}
