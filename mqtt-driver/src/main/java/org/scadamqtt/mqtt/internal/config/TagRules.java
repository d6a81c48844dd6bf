package org.scadamqtt.mqtt.internal.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.scadamqtt.mqtt.internal.bind.AddressCompiler;
import org.scadamqtt.mqtt.internal.bind.TagAddress;
import org.scadamqtt.tag.TagType;

/**
 * Which tag types each MQTT tag address takes: the single table behind the configuration check
 * and the address table of docs/configuration.md.
 */
public final class TagRules {

    /** One row of the address table. */
    public record AddressRule(String address, Set<TagType> types, String description) {
        public AddressRule {
            types = Set.copyOf(types);
        }

        /** The allowed types in declaration order, for messages and docs. */
        public String typeList() {
            return TYPES_IN_ORDER.stream().filter(types::contains).map(Enum::name).collect(Collectors.joining(", "));
        }
    }

    private static final List<TagType> TYPES_IN_ORDER = List.of(TagType.values());

    /** The addresses of the MQTT Client Protocol, in the order the reference lists them. */
    public static final List<AddressRule> ADDRESSES = List.of(
            new AddressRule("IN_TOPIC", EnumSet.of(TagType.TxtI),
                    "Topic of the received message. Set first, before IN_DATA and IN_ID."),
            new AddressRule("IN_DATA", EnumSet.of(TagType.TxtI),
                    "Payload of the received message as text (UTF-8)."),
            new AddressRule("IN_ID", EnumSet.of(TagType.Ci),
                    "Packet identifier of the received message; 0 for QoS 0."),
            new AddressRule("ACK_ID", EnumSet.of(TagType.Co),
                    "Write the IN_ID value back to acknowledge the message; the next message of the station "
                            + "waits until then (0 for QoS 0)."),
            new AddressRule("OUT_TOPIC", EnumSet.of(TagType.TxtO),
                    "Topic of messages sent by writes to OUT_VALUE; needs OUT_VALUE on the same station."),
            new AddressRule("OUT_VALUE", EnumSet.of(TagType.TxtO),
                    "Writing it publishes the written text to the OUT_TOPIC value, with the line's Publish QoS "
                            + "and Retain."),
            new AddressRule("TL=n", AddressCompiler.INPUT_TYPES,
                    "Level n of the received message's topic, 1 the first, -1 the last: TL=2 of plant/dev7/temp is "
                            + "dev7. Converted to the tag's type like a JSON text value. Any payload type."),
            new AddressRule("BIN=type@offset", AddressCompiler.INPUT_TYPES,
                    "A binary field of the payload (or of the part a payload profile gives, e.g. a Wirepas "
                            + "application payload): BIN=u16be@4, BIN=bit@3.2, BIN=hex@2:4; "
                            + "BIN(base64:path)=... and BIN(hex:path)=... read a field holding base64 or hex text. "
                            + "See docs/routing-and-addresses.md."),
            new AddressRule("JA=path", EnumSet.allOf(TagType.class),
                    "With payloadType JSON: the value at the path, e.g. JA=rx.current, JA=rx.values[2] (arrays "
                            + "count from 1), JA=[1].temp. A path missing from a message makes the tag BAD "
                            + "(MISSING_IN_PAYLOAD). D2000 lists TxtI TxtO Qi Ci Co Ai Ao Di Do TiR ToR; TiA and ToA "
                            + "are also accepted here (ISO-8601 text or epoch seconds)."));

    private static final Map<TagAddress.Kind, AddressRule> BY_KIND = Map.of(
            TagAddress.Kind.IN_TOPIC, ADDRESSES.get(0),
            TagAddress.Kind.IN_DATA, ADDRESSES.get(1),
            TagAddress.Kind.IN_ID, ADDRESSES.get(2),
            TagAddress.Kind.ACK_ID, ADDRESSES.get(3),
            TagAddress.Kind.OUT_TOPIC, ADDRESSES.get(4),
            TagAddress.Kind.OUT_VALUE, ADDRESSES.get(5),
            TagAddress.Kind.TOPIC_LEVEL, ADDRESSES.get(6),
            TagAddress.Kind.BINARY, ADDRESSES.get(7),
            TagAddress.Kind.JSON, ADDRESSES.get(8));

    private TagRules() {
    }

    /** The rule of an address kind; null for UNKNOWN. */
    static AddressRule rule(TagAddress.Kind kind) {
        return BY_KIND.get(kind);
    }

    /** The addresses a tag of this type may have, for "valid addresses are …" sentences. */
    static String addressesFor(TagType type) {
        return ADDRESSES.stream().filter(r -> r.types().contains(type)).map(AddressRule::address)
                .collect(Collectors.joining(", "));
    }

    /** Every address, for "unknown address" sentences. */
    static String allAddresses() {
        return ADDRESSES.stream().map(AddressRule::address).collect(Collectors.joining(", "));
    }
}
