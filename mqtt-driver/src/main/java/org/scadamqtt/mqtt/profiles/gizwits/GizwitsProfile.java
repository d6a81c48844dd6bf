package org.scadamqtt.mqtt.profiles.gizwits;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.config.ParameterScope;
import org.scadamqtt.config.ParameterType;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.mqtt.profile.AddressSyntax;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.mqtt.profile.ProfileAddress;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profile.ReconnectDelay;
import org.scadamqtt.tag.TagType;

/**
 * Payload Type {@code Gizwits}: the Gizwits device/cloud protocol v4.0.5, the line acting as one
 * device (client id = user name = DID). docs/profiles/gizwits.md is the user's page.
 */
public final class GizwitsProfile implements PayloadProfile {

    /** The Payload Type value. */
    public static final String CODE = "Gizwits";
    /** Line parameter: the device's ProductKey, for ${ProductKey}. */
    public static final String PRODUCT_KEY = "gizwitsProductKey";
    /** Line parameter: whether an app's 0x0093 is acknowledged automatically. */
    public static final String AUTO_ACK = "gizwitsAutoAck";
    /** Line parameter: topic template of reports. */
    public static final String REPORT_TOPIC = "gizwitsReportTopic";
    /** Line parameter: topic template of answers to one app. */
    public static final String REPLY_TOPIC = "gizwitsReplyTopic";
    /** Line parameter: topic of the 0x020F request. */
    public static final String SERVER_REQUEST_TOPIC = "gizwitsServerRequestTopic";

    static final String DEFAULT_REPORT_TOPIC = "dev2app/${DID}";
    static final String DEFAULT_REPLY_TOPIC = "dev2app/${DID}/${AppClientId}";
    static final String DEFAULT_SERVER_REQUEST_TOPIC = "cli2ser_req";
    /** Gizwits servers treat a longer keep-alive as 600 s. */
    static final long MAX_KEEP_ALIVE = 600;
    /** Gizwits: wait 10 s more after each failed attempt. */
    static final Duration RECONNECT_STEP = Duration.ofSeconds(10);
    /** The longest wait the +10 s rule reaches here (after 360 failures). */
    static final Duration RECONNECT_CAP = Duration.ofHours(1);

    private static final List<ParameterDescriptor> LINE = List.of(
            ParameterDescriptor.builder(PRODUCT_KEY, ParameterType.TEXT, ParameterScope.LINE)
                    .description("(Gizwits) The device's ProductKey, put in topics written ${ProductKey} (the station "
                            + "of push notifications subscribes ser2cli_noti/<ProductKey>).").build(),
            ParameterDescriptor.builder(AUTO_ACK, ParameterType.BOOLEAN, ParameterScope.LINE)
                    .description("(Gizwits) YES (default): an app's business message with ACK (0x0093) is answered at once "
                            + "with 0x0094 and its SN, on gizwitsReplyTopic.").build(),
            ParameterDescriptor.builder(REPORT_TOPIC, ParameterType.TEXT, ParameterScope.LINE)
                    .description("(Gizwits) Topic of reports (GZ=0091, GZ=0093, GZ=0012); ${DID}, ${ProductKey} and "
                            + "${AppClientId} are filled in; default " + DEFAULT_REPORT_TOPIC + ".").build(),
            ParameterDescriptor.builder(REPLY_TOPIC, ParameterType.TEXT, ParameterScope.LINE)
                    .description("(Gizwits) Topic of answers to one app (0x0094, GZ=0011); ${AppClientId} is the app "
                            + "of the request (the last level of app2dev/<DID>/<AppClientId>); default "
                            + DEFAULT_REPLY_TOPIC + ".").build(),
            ParameterDescriptor.builder(SERVER_REQUEST_TOPIC, ParameterType.TEXT, ParameterScope.LINE)
                    .description("(Gizwits) Topic of the online app count request (GZ=020F); default cli2ser_req as "
                            + "Gizwits' own device code sends it (the v4.0.5 document says ser2cli_req).").build());

    /** For {@link java.util.ServiceLoader}. */
    public GizwitsProfile() {
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String description() {
        return "Gizwits device/cloud frames (v4.0.5): JA= reads the decoded frame, BIN= its business data P0, "
                + "GZ= tags send reports and messages acknowledged by SN";
    }

    @Override
    public List<ParameterDescriptor> lineParameters() {
        return LINE;
    }

    @Override
    public List<AddressSyntax> addressSyntax() {
        Set<TagType> outputs = Set.of(TagType.TxtO, TagType.Co, TagType.Ao, TagType.Do);
        return List.of(
                new AddressSyntax("GZ=0091[;field=TYPE@0][;prefix=HEX][;topic=TEMPLATE]", outputs,
                        "sends a business report with P0 = prefix + value (hex text on a TxtO tag without field=), "
                                + "e.g. GZ=0091;prefix=04;field=u16be@0"),
                new AddressSyntax("GZ=0093[;field=TYPE@0][;prefix=HEX][;topic=TEMPLATE]", outputs,
                        "the same with a fresh SN; the write completes when the app's 0x0094 with that SN arrives"),
                new AddressSyntax("GZ=0011", outputs, "answers the last app's 0x0010 (log level and LEDs set)"),
                new AddressSyntax("GZ=0012;level=1|2|3[;tags=TEXT][;source=TEXT]", Set.of(TagType.TxtO),
                        "sends the text as a device log"),
                new AddressSyntax("GZ=020F", outputs, "asks the server for the count of online apps (answer 0x0210)"));
    }

    @Override
    public Optional<ProfileAddress> compile(TagConfig tag, StationConfig station) {
        return GizwitsCommand.isOurs(tag.address()) ? Optional.of(GizwitsCommand.compile(tag)) : Optional.empty();
    }

    @Override
    public List<ConfigProblem> validate(LineConfig line) {
        return GizwitsRules.check(line);
    }

    @Override
    public Optional<ReconnectDelay> reconnectDelay(LineConfig line, int failedAttempts, String lastFailure) {
        if (failedAttempts <= 0) {
            return Optional.empty();
        }
        Duration wait = RECONNECT_STEP.multipliedBy(Math.min(failedAttempts, 360));
        return Optional.of(new ReconnectDelay(wait.compareTo(RECONNECT_CAP) > 0 ? RECONNECT_CAP : wait,
                "Gizwits rule: " + failedAttempts + " failed attempt" + (failedAttempts == 1 ? "" : "s")
                        + " in a row, 10 s more after each"));
    }

    @Override
    public ProfileSession open(ProfileContext context) {
        return new GizwitsSession(context);
    }
}
