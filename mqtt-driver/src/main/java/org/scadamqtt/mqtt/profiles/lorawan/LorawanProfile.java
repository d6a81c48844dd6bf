package org.scadamqtt.mqtt.profiles.lorawan;

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
import org.scadamqtt.tag.TagType;

/**
 * Payload Type {@code LoRaWAN}: the JSON envelopes LoRaWAN network servers publish (The Things
 * Stack v3, LORIOT), one station per device, downlinks as writes. docs/profiles/lorawan.md is the
 * user's page.
 */
public final class LorawanProfile implements PayloadProfile {

    /** The Payload Type value. */
    public static final String CODE = "LoRaWAN";
    /** Line parameter: which network server's format (TTS, LORIOT, AUTO). */
    public static final String SERVER = "lorawanServer";
    /** Line parameter: {@code application-id@tenant-id} for The Things Stack downlink topics. */
    public static final String APPLICATION = "lorawanApplication";
    /** Line parameter: the topic downlinks are published on, with {application}, {device}, {eui}. */
    public static final String DOWNLINK_TOPIC = "lorawanDownlinkTopic";
    /** Station parameter: the device (device id or DevEUI) a station stands for. */
    public static final String DEVICE = "lorawanDevice";
    /** The downlink topic of The Things Stack v3 when lorawanDownlinkTopic is not set. */
    public static final String TTS_DOWNLINK_TOPIC = "v3/{application}/devices/{device}/down/push";

    private static final List<ParameterDescriptor> LINE = List.of(
            ParameterDescriptor.builder(SERVER, ParameterType.CHOICE, ParameterScope.LINE)
                    .choice("AUTO").choice("TTS", "TTN", "TheThingsStack").choice("LORIOT")
                    // no defaultText: a profile parameter with a default would count as set on every line
                    .description("(LoRaWAN) The network server whose messages the line reads: TTS (The Things "
                            + "Stack v3, The Things Network), LORIOT, or AUTO, the default (each message is "
                            + "recognised by its fields; downlinks then need TTS or LORIOT).").build(),
            ParameterDescriptor.builder(APPLICATION, ParameterType.TEXT, ParameterScope.LINE)
                    .description("(LoRaWAN) The Things Stack application as it appears in topics, "
                            + "application-id@tenant-id (e.g. app1@ttn); default: the line's userName, which "
                            + "The Things Stack requires to be exactly that.").build(),
            ParameterDescriptor.builder(DOWNLINK_TOPIC, ParameterType.TEXT, ParameterScope.LINE)
                    .description("(LoRaWAN) The topic LW=downlink writes publish on; {application}, {device} and "
                            + "{eui} are replaced. Default for TTS: " + TTS_DOWNLINK_TOPIC + "; LORIOT has no "
                            + "default (the topic your LORIOT MQTT output subscribes to).").build());

    private static final List<ParameterDescriptor> STATION = List.of(
            ParameterDescriptor.builder(DEVICE, ParameterType.TEXT, ParameterScope.STATION)
                    .description("(LoRaWAN) The device this station stands for: its device id (The Things Stack) "
                            + "or its DevEUI (16 hex digits, both servers). It receives that device's uplinks "
                            + "whatever its own address; also the device LW=downlink writes go to.").build());

    /** For {@link java.util.ServiceLoader}. */
    public LorawanProfile() {
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String description() {
        return "LoRaWAN network-server envelopes (The Things Stack v3, LORIOT): JA= reads the envelope and the "
                + "normalised lorawan.* fields, BIN= the device's raw payload, a station per device, LW=downlink "
                + "writes";
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
        return List.of(new AddressSyntax("LW=downlink;port=N[;field=TYPE@0][;confirmed=YES|NO][;priority=P]"
                + "[;device=ID][;complete=publish|queued|sent|ack]",
                Set.of(TagType.TxtO, TagType.Co, TagType.Ao, TagType.Do),
                "sends the value to the device as a downlink on FPort N: a TxtO without field= sends hex text, "
                        + "other types need field= (e.g. LW=downlink;port=2;field=u16be@0)"));
    }

    @Override
    public Optional<ProfileAddress> compile(TagConfig tag, StationConfig station) {
        if (!LorawanDownlink.isOurs(tag.address())) {
            return Optional.empty();
        }
        return Optional.of(LorawanDownlink.compile(tag, station));
    }

    @Override
    public List<String> stationKeys(StationConfig station) {
        return LorawanKeys.of(station);
    }

    @Override
    public List<ConfigProblem> validate(LineConfig line) {
        return LorawanLineCheck.check(line);
    }

    @Override
    public ProfileSession open(ProfileContext context) {
        LineConfig line = context == null ? null : context.line();
        return new LorawanSession(context, LorawanSettings.of(line));
    }
}
