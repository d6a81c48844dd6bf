package org.scadamqtt.mqtt.profiles.gizwits;

import static org.scadamqtt.mqtt.profiles.gizwits.GizwitsCommands.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.mqtt.profile.AddressException;
import org.scadamqtt.mqtt.profile.BinaryField;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.WriteRefusedException;
import org.scadamqtt.mqtt.profile.WriteRequest;
import org.scadamqtt.tag.TagType;

/**
 * An output tag that sends a Gizwits frame: {@code GZ=0091} (business report), {@code GZ=0093}
 * (business message the receiver acknowledges with 0x0094), {@code GZ=0011} (log level and LEDs
 * set), {@code GZ=0012;level=3} (device log, the value is the content), {@code GZ=020F} (online
 * app count request). Business data P0 = {@code ;prefix=HEX} bytes, then the value: hex text on a
 * TxtO tag without {@code ;field=}, else the value as {@code ;field=TYPE@0}. {@code ;topic=} replaces
 * the line's template. Immutable; the session fills topics and SNs ({@link #encode(WriteRequest,
 * GizwitsLine, String, long)}).
 */
final class GizwitsCommand implements OutputAddress {

    static final String PREFIX = "GZ=";
    private static final Map<String, Integer> COMMANDS = Map.of("0091", REPORT, "0093", BUSINESS_ACK_REQUEST,
            "0011", SET_LOG_LED_REPLY, "0012", DEVICE_LOG, "020f", APP_COUNT_REQUEST);
    private static final Set<String> DATA_OPTIONS = Set.of("field", "prefix", "topic");
    private static final Set<String> LOG_OPTIONS = Set.of("level", "tags", "source", "topic");
    private static final Set<String> PLAIN_OPTIONS = Set.of("topic");

    private final int command;
    private final BinaryField field;
    private final byte[] prefix;
    private final String topic;
    private final int level;
    private final String tags;
    private final String source;

    private GizwitsCommand(int command, BinaryField field, byte[] prefix, String topic, int level, String tags,
            String source) {
        this.command = command;
        this.field = field;
        this.prefix = prefix;
        this.topic = topic;
        this.level = level;
        this.tags = tags;
        this.source = source;
    }

    static boolean isOurs(String address) {
        return address != null && address.strip().regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** Compiles {@code GZ=command[;option=value]...}; throws {@link AddressException} saying how to write it. */
    static GizwitsCommand compile(TagConfig tag) {
        String[] parts = tag.address().strip().substring(PREFIX.length()).split(";", -1);
        String code = parts[0].strip().toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
        Integer cmd = COMMANDS.get(code);
        if (cmd == null) {
            throw new AddressException("'" + parts[0].strip() + "' is not a Gizwits command a tag can send; write "
                    + "GZ=0091 (report), GZ=0093 (with ACK), GZ=0011, GZ=0012;level=N or GZ=020F");
        }
        if (!tag.type().isOutput()) {
            throw new AddressException("GZ= addresses send frames, so the tag must be an output type (TxtO, Co, Ao, "
                    + "Do), not " + tag.type() + "; read frames with JA= (e.g. JA=p0, JA=onlineApps) or BIN=");
        }
        Set<String> valid = cmd == REPORT || cmd == BUSINESS_ACK_REQUEST ? DATA_OPTIONS
                : cmd == DEVICE_LOG ? LOG_OPTIONS : PLAIN_OPTIONS;
        Map<String, String> o = options(parts, valid, hex(cmd));
        String topic = o.getOrDefault("topic", "");
        if (!topic.isEmpty()) {
            var problems = GizwitsLine.problems(topic);
            if (!problems.isEmpty()) {
                throw new AddressException("topic=" + topic + ": " + String.join("; ", problems));
            }
        }
        BinaryField field = o.containsKey("field") ? BinaryField.parse(o.get("field")) : null;
        byte[] prefix = new byte[0];
        if (o.containsKey("prefix")) {
            try {
                prefix = HexFormat.of().parseHex(o.get("prefix").replaceAll("[\\s:]", ""));
            } catch (IllegalArgumentException e) {
                throw new AddressException("prefix=" + o.get("prefix") + " is not hex text (pairs of 0-9 a-f)");
            }
        }
        if ((cmd == REPORT || cmd == BUSINESS_ACK_REQUEST) && field == null && tag.type() != TagType.TxtO) {
            throw new AddressException("a " + tag.type() + " tag needs ;field=TYPE@0 saying how its value becomes P0 "
                    + "bytes (e.g. ;field=u8@0, ;field=u16be@0); a TxtO tag without it sends hex text");
        }
        int level = 0;
        if (cmd == DEVICE_LOG) {
            if (tag.type() != TagType.TxtO) {
                throw new AddressException("GZ=0012 sends the tag's text as the log content: the tag must be TxtO");
            }
            String l = o.getOrDefault("level", "");
            level = switch (l) {
                case "1" -> 1;
                case "2" -> 2;
                case "3" -> 3;
                default -> throw new AddressException("GZ=0012 needs ;level=1 (error), 2 (warning) or 3 (info), not '"
                        + l + "'");
            };
        }
        return new GizwitsCommand(cmd, field, prefix, topic, level, o.getOrDefault("tags", ""),
                o.getOrDefault("source", ""));
    }

    private static Map<String, String> options(String[] parts, Set<String> valid, String command) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (eq < 0 || !valid.contains(key)) {
                throw new AddressException("'" + part + "' is not an option of GZ=" + command.substring(2)
                        + "; its options are " + String.join(", ", valid.stream().sorted().toList())
                        + ", each written ;name=value");
            }
            if (out.put(key, part.substring(eq + 1).strip()) != null) {
                throw new AddressException("option " + key + " is given twice");
            }
        }
        return out;
    }

    int command() {
        return command;
    }

    @Override
    public Outgoing encode(WriteRequest request) {
        throw new WriteRefusedException(WriteFailure.NOT_WRITABLE, "a GZ= tag is sent by its line's Gizwits session");
    }

    /**
     * The frame of one write.
     *
     * @param app the AppClientId of the last app request (null: none yet)
     * @param sn  the SN for 0x0093 (ignored otherwise)
     */
    Outgoing encode(WriteRequest request, GizwitsLine line, String app, long sn) {
        String template = !topic.isEmpty() ? topic : switch (command) {
            case SET_LOG_LED_REPLY -> line.replyTopic();
            case APP_COUNT_REQUEST -> line.serverRequest();
            default -> line.reportTopic();
        };
        String to = line.topic(template, app);
        if (to == null) {
            throw new WriteRefusedException(WriteFailure.REJECTED, "topic " + template + " needs the AppClientId of "
                    + "an app, and no app has sent this device a request yet");
        }
        byte[] frame = switch (command) {
            case APP_COUNT_REQUEST -> GizwitsCodec.shortFrame(command, new byte[0]);
            case SET_LOG_LED_REPLY -> GizwitsCodec.frame(command, -1, new byte[0]);
            case DEVICE_LOG -> GizwitsCodec.frame(command, -1, log(request));
            case BUSINESS_ACK_REQUEST -> GizwitsCodec.frame(command, sn, p0(request));
            default -> GizwitsCodec.frame(command, -1, p0(request));
        };
        Outgoing out = Outgoing.of(to, frame);
        return command == BUSINESS_ACK_REQUEST ? out.correlated(GizwitsSession.correlation(sn)) : out;
    }

    private byte[] p0(WriteRequest request) {
        Object value = request.value();
        if (value == null) {
            throw new WriteRefusedException(WriteFailure.WRONG_VALUE, "no value to send");
        }
        byte[] bytes;
        try {
            if (field != null) {
                bytes = field.encode(value);
            } else if (value instanceof String text) {
                bytes = HexFormat.of().parseHex(text.replaceAll("[\\s:]", ""));
            } else {
                throw new WriteRefusedException(WriteFailure.WRONG_VALUE, "P0 without ;field= is hex text (e.g. "
                        + "0401), not " + value);
            }
        } catch (IllegalArgumentException e) {
            throw new WriteRefusedException(WriteFailure.WRONG_VALUE, field == null
                    ? "'" + value + "' is not hex text (pairs of 0-9 a-f)" : e.getMessage());
        }
        if (prefix.length + bytes.length > 65535) {
            throw new WriteRefusedException(WriteFailure.WRONG_VALUE, "P0 of " + (prefix.length + bytes.length)
                    + " bytes is longer than the 65535 bytes a Gizwits business message may carry");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length + bytes.length);
        out.writeBytes(prefix);
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    private byte[] log(WriteRequest request) {
        byte[] t = tags.getBytes(StandardCharsets.UTF_8);
        byte[] s = source.getBytes(StandardCharsets.UTF_8);
        byte[] c = String.valueOf(request.value()).getBytes(StandardCharsets.UTF_8);
        if (t.length > 256 || s.length > 32 || c.length > 65535) {
            throw new WriteRefusedException(WriteFailure.WRONG_VALUE, "a Gizwits log takes tags up to 256 bytes, a "
                    + "source up to 32 and content up to 65535; this one has " + t.length + ", " + s.length + " and "
                    + c.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(7 + t.length + s.length + c.length);
        out.write(level);
        for (byte[] part : new byte[][] {t, s, c}) {
            out.write(part.length >> 8);
            out.write(part.length);
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "GizwitsCommand[" + hex(command) + "]";
    }
}
