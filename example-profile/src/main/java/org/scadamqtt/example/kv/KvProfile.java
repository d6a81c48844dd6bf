package org.scadamqtt.example.kv;

import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.scadamqtt.tag.TagType;

/**
 * Payload Type {@code KV}: payloads of {@code key=value} pairs separated by {@code ;}
 * ({@code temp=21.5;state=ON}). {@code KV=key} reads a value; {@code KV-CMD=key} sends
 * {@code key=value;id=N} to {@code <commandTopic>} and completes when the device answers on the
 * same topic + {@code /ack} with {@code id=N;ok=1} (or {@code ok=0;err=why}).
 */
public final class KvProfile implements PayloadProfile {

    /** Station parameter: where commands of the station go. */
    public static final String COMMAND_TOPIC = "kvCommandTopic";

    private static final ParameterDescriptor COMMAND_TOPIC_PARAMETER = ParameterDescriptor
            .builder(COMMAND_TOPIC, ParameterType.TEXT, ParameterScope.STATION).defaultText("")
            .description("KV: topic that KV-CMD= writes of the station are published on; the device answers on "
                    + "this topic + /ack.").build();

    /** For {@link java.util.ServiceLoader}. */
    public KvProfile() {
    }

    @Override
    public String code() {
        return "KV";
    }

    @Override
    public String description() {
        return "key=value pairs separated by ';' (example profile); KV=key reads a value, KV-CMD=key sends one";
    }

    @Override
    public List<ParameterDescriptor> stationParameters() {
        return List.of(COMMAND_TOPIC_PARAMETER);
    }

    @Override
    public List<AddressSyntax> addressSyntax() {
        return List.of(new AddressSyntax("KV=key", Set.of(TagType.Ai, TagType.Ci, TagType.Di, TagType.TxtI),
                        "the value of key in the payload, e.g. KV=temp"),
                new AddressSyntax("KV-CMD=key", Set.of(TagType.Ao, TagType.Co, TagType.Do, TagType.TxtO),
                        "sends key=value to the station's kvCommandTopic; completes on the device's ack"));
    }

    @Override
    public Optional<ProfileAddress> compile(TagConfig tag, StationConfig station) {
        String a = tag.address().strip();
        if (a.startsWith("KV-CMD=")) {
            if (!tag.type().isOutput()) {
                throw new AddressException("KV-CMD= sends commands, so the tag must be an output type (Ao, Co, Do, "
                        + "TxtO), not " + tag.type());
            }
            if (station.parameters().text(COMMAND_TOPIC).isBlank()) {
                throw new AddressException("the station has no kvCommandTopic parameter to send commands to");
            }
            return Optional.of(new KvCommand(key(a, "KV-CMD="), station.parameters().text(COMMAND_TOPIC)));
        }
        if (a.startsWith("KV=")) {
            if (tag.type().isOutput()) {
                throw new AddressException("KV= reads values, so the tag must be an input type, not " + tag.type());
            }
            return Optional.of(new KvValue(key(a, "KV=")));
        }
        return Optional.empty();
    }

    private static String key(String address, String prefix) {
        String key = address.substring(prefix.length()).strip();
        if (key.isEmpty() || key.contains(";") || key.contains("=")) {
            throw new AddressException("write a key without ';' or '=' after " + prefix + ", e.g. " + prefix + "temp");
        }
        return key;
    }

    @Override
    public ProfileSession open(ProfileContext context) {
        return new KvSession(context);
    }
}
