package org.scadamqtt.mqtt.internal.config;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.config.ParameterType;
import org.scadamqtt.mqtt.MqttParameters;
import org.scadamqtt.tag.TagType;

/**
 * Generates docs/configuration.md from the parameter table ({@link MqttParameters}) and the tag
 * address table ({@link TagRules}), so that the reference cannot drift from what the loader
 * accepts. {@code ConfigurationDocTest} fails when the committed file differs from {@link #render()}.
 *
 * <p>Regenerate: {@code mvn -o -q -B -pl mqtt-driver -Dtest=ConfigurationDocTest
 * -Dscada.docs.write=true test}, or run {@link #main} with the output path.
 */
public final class ReferenceDoc {

    /** The command that rewrites the file, printed in its header and in test failures. */
    public static final String REGENERATE = "mvn -o -q -B -pl mqtt-driver -Dtest=ConfigurationDocTest "
            + "-Dscada.docs.write=true test";

    private ReferenceDoc() {
    }

    /**
     * Writes the reference.
     *
     * @param args the output file; default {@code ../docs/configuration.md} when run from the
     *             module folder, else {@code docs/configuration.md}
     */
    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0])
                : Files.isDirectory(Path.of("../docs")) && !Files.isDirectory(Path.of("docs"))
                        ? Path.of("../docs/configuration.md") : Path.of("docs/configuration.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath().normalize());
    }

    /** The whole document. */
    public static String render() {
        StringBuilder md = new StringBuilder(16_384);
        md.append("<!-- GENERATED from MqttParameters and TagRules by org.scadamqtt.mqtt.internal.config.ReferenceDoc; "
                + "do not edit.\n     Regenerate: ").append(REGENERATE).append(" -->\n\n");
        md.append("# Configuration reference\n\n");
        md.append("A configuration is one XML file in namespace `urn:scada-mqtt:config:1`, checked against\n"
                + "`sample-config/scada-config-1.xsd` and against the tables below. All problems of a file are\n"
                + "reported together, each as `file:line:column: sentence [CODE]` (the position is the end of the\n"
                + "element's start tag; `1:1` when the file cannot be read as XML at all, e.g. it ends inside its "
                + "XML declaration). Names of lines, stations and tags are unique in the file. The file is read "
                + "as UTF-8 unless its declaration names another encoding Java knows (`XML_ENCODING` otherwise, "
                + "e.g. for UTF-7), may not contain a DOCTYPE (`XML_DOCTYPE`), and may nest elements at most 32 "
                + "levels deep (`XML_TOO_DEEP`; a configuration needs four).\n\n");
        shape(md);
        lineElement(md);
        md.append("## Line parameters\n\n");
        md.append("Written as `<param name=\"…\">value</param>` inside `<line>`, before the stations. YES/NO also "
                + "accepts true/false, 1/0, on/off; QoS accepts QoS_0..QoS_2 or 0..2; choices and YES/NO ignore "
                + "case. Text is taken exactly as written between the tags.\n\n");
        table(md, MqttParameters.LINE_PARAMETERS);
        md.append("\n");
        stationElement(md);
        md.append("## Station parameters\n\n");
        table(md, MqttParameters.STATION_PARAMETERS);
        md.append("\n");
        tags(md);
        references(md);
        return md.toString();
    }

    private static void shape(StringBuilder md) {
        md.append("## Shape\n\n```xml\n")
                .append("<scada xmlns=\"urn:scada-mqtt:config:1\">\n")
                .append("  <line name=\"L1\" protocol=\"mqtt\">\n")
                .append("    <host>primary.example;backup.example</host>\n")
                .append("    <port>1883</port>\n")
                .append("    <param name=\"topicFilter\">plant/#</param>\n")
                .append("    <param name=\"payloadType\">JSON</param>\n")
                .append("    <station name=\"METER1\" address=\"plant/line1/meter\" state=\"ON\">\n")
                .append("      <param name=\"timeZone\">UTC</param>\n")
                .append("      <tag name=\"METER1_CURRENT\" type=\"Ai\" address=\"JA=rx.current\"/>\n")
                .append("      <tag name=\"METER1_RAW\" type=\"TxtI\" address=\"IN_DATA\"/>\n")
                .append("    </station>\n")
                .append("  </line>\n")
                .append("</scada>\n```\n\n")
                .append("Order inside `<line>`: `host`, `port` (optional), `param`*, `station`*. Inside `<station>`: "
                        + "`param`*, `tag`*. Working examples: `sample-config/demo.xml`, `mosquitto.xml`, "
                        + "`minimal.xml`.\n\n");
    }

    private static void lineElement(StringBuilder md) {
        md.append("## Line\n\n")
                .append("| item | meaning |\n|---|---|\n")
                .append("| `name` attribute | line name, unique in the file |\n")
                .append("| `protocol` attribute | driver protocol code: `mqtt` |\n")
                .append("| `<host>` | broker addresses, primary first, separated by `,` or `;` (redundancy: the next "
                        + "is tried when one fails). Each is `host`, `host:port`, `[ipv6]:port` or "
                        + "`scheme://host[:port]` with scheme `tcp` (plain), `ssl` (TLS), `ws` (WebSocket), `wss` "
                        + "(WebSocket over TLS); `ws`/`wss` may add a path (`wss://cloud.example/mqtt`). `mqtt://`, "
                        + "`mqtts://` and `tls://` are accepted as `tcp://`, `ssl://`, `ssl://`. |\n")
                .append("| `<port>` | port of hosts that name none; default 1883. For TLS brokers set 8883 (or write "
                        + "the port in the host); an `ssl://` host without a port on a line left at 1883 uses 8883. |\n")
                .append("\n");
    }

    private static void stationElement(StringBuilder md) {
        md.append("## Station\n\n")
                .append("| item | meaning |\n|---|---|\n")
                .append("| `name` attribute | station name, unique in the file |\n")
                .append("| `address` attribute | which messages it receives: an exact topic, a regular expression "
                        + "(Java syntax, whole topic), `#` (every message of the line; no other station gets any) or "
                        + "`.*` (messages no other station takes). Priority: `#`; else exact topic; else regular "
                        + "expressions in descending order of address; else `.*`. One `#` and one `.*` station per "
                        + "line. An MQTT filter such as `a/+/b`, `+/x` or `a/#` is refused (a topic never contains `+` "
                        + "or `#`, so it could not match): write `a/[^/]+/b`, `[^/]+/x`, `a/.*`. Two stations with one "
                        + "address, an address that is not a valid regular expression (it then receives only that "
                        + "exact topic) and an address no topicFilter of the line delivers are warnings. |\n")
                .append("| `state` attribute | initial state: `ON` (default), `OFF` (no communication), `SIMUL` "
                        + "(the host simulates it). When every station of a line is OFF or SIMUL the line "
                        + "disconnects. |\n")
                .append("\n");
    }

    private static void tags(StringBuilder md) {
        md.append("## Tags\n\n")
                .append("`<tag name=\"…\" type=\"…\" address=\"…\"/>`. Two tags of a station may have one "
                        + "address, as D2000 allows (a Ci and a TxtI reading one field two ways, an Ai and an Ao on "
                        + "one `JA=` field): they all get the value, except an output tag on a payload profile's write "
                        + "address (e.g. `SP=`), which gets none from messages; `validate` warns in case it is a slip "
                        + "(DUPLICATE_ADDRESS). Types (case ignored):\n\n")
                .append("| type | direction | value |\n|---|---|---|\n");
        for (TagType t : TagType.values()) {
            md.append("| ").append(t.name()).append(" | ").append(t.direction().name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(kindText(t)).append(" |\n");
        }
        md.append("\nHow message content converts to each type (numbers, text, booleans, times) is in "
                + "[conversions.md](conversions.md).\n\n");
        md.append("### Optional attributes\n\n| attribute | tags | meaning |\n|---|---|---|\n")
                .append("| `default` | output | the value the tag holds from start, GOOD, held without being "
                        + "published (so `OUT_TOPIC` need not be written after every restart); converted to the "
                        + "tag's type when the file is loaded, see [stations-and-tags.md]"
                        + "(stations-and-tags.md#default-value-of-an-output-tag) |\n")
                .append("| `writable` | input | `true`: the host may also write this input tag, when its station's "
                        + "payload type can send its address (a Sparkplug `SP=` metric: NCMD/DCMD); the tag keeps "
                        + "showing the value read back. An error on an output tag (NOT_INPUT), on an address that can "
                        + "only be read (NOT_WRITABLE), and for a value other than true/false (BAD_VALUE), each "
                        + "located at the tag |\n")
                .append("| `description` | all | free text shown next to the tag name |\n")
                .append("| `unit` | all | shown after the value (`71.3 °C`) |\n")
                .append("| `format` | numeric | `%.Nf` (N decimals), `%.Ne` (exponent) or `%d` (whole number) |\n")
                .append("| `lowLow`, `low`, `high`, `highHigh` | numeric | limits, in that order; the console marks a "
                        + "value beyond `low`/`high` amber and beyond `lowLow`/`highHigh` red |\n")
                .append("\nNumeric tags are Ai, Ao, Ci, Co, TiR and ToR. The driver ignores the display attributes "
                        + "(all but `default`); see [stations-and-tags.md]"
                        + "(stations-and-tags.md#display-attributes-description-unit-format-limits).\n\n");
        md.append("### Addresses\n\n| address | types | meaning |\n|---|---|---|\n");
        for (TagRules.AddressRule r : TagRules.ADDRESSES) {
            md.append("| `").append(r.address()).append("` | ")
                    .append(r.types().size() == TagType.values().length ? "all" : r.typeList())
                    .append(" | ").append(prose(r.description())).append(" |\n");
        }
        md.append("\nOn each message the station sets IN_TOPIC, IN_DATA and IN_ID in that order. An input type on "
                + "an output address (or the reverse) is an error that names the addresses valid for the type. "
                + "`JA=` tags need `payloadType` JSON.\n\n");
    }

    private static void references(StringBuilder md) {
        md.append("## Values from the environment or a file\n\n")
                .append("A text parameter whose whole value is `${env:NAME}` takes the environment variable NAME; "
                        + "`${file:PATH}` takes the content of the file (a relative PATH is read from the "
                        + "configuration file's folder; trailing line breaks are removed). The file must be a regular "
                        + "file (not a device such as `/dev/zero`, a named pipe or a folder) of at most 64 KB "
                        + "(65,536 bytes), in UTF-8. A variable that is not set, or a file that is missing, not "
                        + "regular, larger or unreadable, is a located problem (`UNRESOLVED_REFERENCE` at the "
                        + "`<param>`); the value itself is never printed.\n\n")
                .append("```xml\n<param name=\"userName\">${env:MQTT_USER}</param>\n")
                .append("<param name=\"password\">${file:secrets/mqtt-password.txt}</param>\n```\n");
    }

    private static void table(StringBuilder md, List<ParameterDescriptor> table) {
        md.append("| name | D2000 name | type | default | allowed | description |\n")
                .append("|---|---|---|---|---|---|\n");
        for (ParameterDescriptor d : table) {
            md.append("| `").append(d.name()).append("` | ")
                    .append(d.d2000Name().isEmpty() ? "—" : d.d2000Name()).append(" | ")
                    .append(typeText(d)).append(" | ")
                    .append(defaultText(d)).append(" | ")
                    .append(allowedText(d)).append(" | ")
                    .append(prose(d.description())).append(" |\n");
        }
    }

    private static String typeText(ParameterDescriptor d) {
        String t = switch (d.type()) {
            case BOOLEAN -> "YES/NO";
            case QOS -> "QoS";
            case INTEGER -> "integer";
            case SECONDS -> "seconds";
            case TEXT -> "text";
            case SECRET -> "secret text";
            case CHOICE -> "choice";
        };
        return d.repeatable() ? t + ", repeatable" : t;
    }

    private static String defaultText(ParameterDescriptor d) {
        if (d.defaultText() == null) {
            return "—";
        }
        return d.defaultText().isEmpty() ? "(empty)" : "`" + cell(d.defaultText()) + "`";
    }

    private static String allowedText(ParameterDescriptor d) {
        String unit = d.type() == ParameterType.SECONDS ? " s" : "";
        switch (d.type()) {
            case BOOLEAN:
                return "YES, NO";
            case QOS:
                return "QoS_0, QoS_1, QoS_2";
            case CHOICE: {
                StringBuilder sb = new StringBuilder();
                for (String c : d.canonicalChoices()) {
                    TreeSet<String> aliases = d.choices().entrySet().stream()
                            .filter(e -> e.getValue().equals(c) && !e.getKey().equalsIgnoreCase(c))
                            .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
                    if (sb.length() > 0) {
                        sb.append(", ");
                    }
                    sb.append('`').append(c).append('`');
                    if (!aliases.isEmpty()) {
                        sb.append(" (also ").append(aliases.stream().map(a -> "\"" + a + "\"")
                                .collect(Collectors.joining(", "))).append(')');
                    }
                }
                return sb.toString();
            }
            case INTEGER:
            case SECONDS:
                if (d.min() != null && d.max() != null) {
                    return plain(d.min()) + " – " + plain(d.max()) + unit;
                }
                if (d.min() != null) {
                    return "≥ " + plain(d.min()) + unit;
                }
                return d.max() != null ? "≤ " + plain(d.max()) + unit : "any";
            default:
                return "any";
        }
    }

    private static String kindText(TagType t) {
        return switch (t.kind()) {
            case DOUBLE -> "floating-point number";
            case LONG -> "64-bit integer";
            case BOOLEAN -> "true/false";
            case QI -> "quad: Q_Trans (0), Q_Off (1), Q_On (2), Q_Err (3)";
            case TEXT -> "text";
            case INSTANT -> "absolute time";
            case DURATION -> "time interval";
        };
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    /** Escapes a table cell of running text: a {@code <name>} would vanish as an HTML tag. */
    private static String prose(String s) {
        return cell(s).replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Escapes a table cell. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
