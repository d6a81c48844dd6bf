package org.scadamqtt.mqtt.profiles.gizwits;

import static org.scadamqtt.mqtt.profiles.gizwits.GizwitsCommands.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.DecoderDefect;

/**
 * Reads and writes Gizwits frames: {@code 00 00 00 03 | VarLen | flag | command | [SN] | data}, and
 * the short form real servers send for 0x020E/0x020F/0x0210/0x0211 ({@code 00 00 00 03 | command |
 * data}). A VarLen that does not match the bytes that follow means the short form, when the
 * command there is a server command. Decoding never throws; a failure names the byte offset.
 */
final class GizwitsCodec {

    private static final byte[] HEADER = {0, 0, 0, 3};
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GizwitsCodec() {
    }

    /** Decodes one payload into the document for JA=, the data (P0) for BIN= and the frame as body. */
    static Decoded decode(byte[] b) {
        try {
            return read(b);
        } catch (Truncated t) {
            return Decoded.failure(t.getMessage());
        } catch (RuntimeException e) {
            // a bug of ours must not stop the line: log it and name the frame instead
            return DecoderDefect.failure("Gizwits frame of " + b.length + " bytes", e);
        }
    }

    private static Decoded read(byte[] b) {
        if (b.length < HEADER.length) {
            return fail(b, "it is too short: the header 00 00 00 03 needs bytes 0-3, the frame ends at byte "
                    + b.length);
        }
        for (int i = 0; i < HEADER.length; i++) {
            if (b[i] != HEADER[i]) {
                return fail(b, String.format(Locale.ROOT, "byte %d is %02x where the header 00 00 00 03 has %02x "
                        + "(not a Gizwits frame?)", i, b[i] & 0xff, HEADER[i]));
            }
        }
        if (b.length == 4) {
            return fail(b, "it ends at byte 4, right after the header: no length or command");
        }
        VarLen.Read len = VarLen.read(b, 4);
        int start = 4 + len.size();
        boolean lengthMatches = len.ok() && len.value() >= 3 && (long) start + len.value() == b.length;
        boolean shortCandidate = b.length >= 6 && isServerFrame(u16(b, 4));
        if (lengthMatches && (known(u16(b, start + 1)) || !shortCandidate)) {
            return body(b, true, len.value(), b[start] & 0xff, u16(b, start + 1), start + 3);
        }
        if (shortCandidate) {
            return body(b, false, -1, 0, u16(b, 4), 6);
        }
        if (!len.ok()) {
            return fail(b, len.error());
        }
        if (len.value() < 3) {
            return fail(b, "the length at byte 4 is " + len.value() + ", but flag and command alone take 3 bytes");
        }
        long end = (long) start + len.value();
        if (end > b.length) {
            return fail(b, "it is truncated: the length at byte 4 announces " + len.value() + " bytes from byte "
                    + start + ", but the frame ends at byte " + b.length + " (" + (end - b.length) + " missing)");
        }
        return fail(b, "the length at byte 4 announces " + len.value() + " bytes from byte " + start + " (to byte "
                + end + "), but " + (b.length - end) + " more follow");
    }

    private static Decoded body(byte[] b, boolean longForm, int length, int flags, int command, int at) {
        ObjectNode doc = NODES.objectNode();
        doc.put("command", command);
        doc.put("commandHex", hex(command));
        doc.put("commandName", name(command));
        doc.put("form", longForm ? "long" : "short");
        if (longForm) {
            doc.put("length", length);
            doc.put("flags", flags);
        }
        long sn = -1;
        int p = at;
        if (hasSn(command)) {
            need(b, p, 4, "the SN of command " + hex(command));
            sn = u32(b, p);
            doc.put("sn", sn);
            p += 4;
        }
        byte[] data = Arrays.copyOfRange(b, p, b.length);
        fields(doc, b, command, p);
        doc.put("p0", HexFormat.of().formatHex(data));
        doc.put("p0Length", data.length);
        return Decoded.of(doc).withBinary(data).withBody(new GizwitsFrame(command, longForm, flags, sn, data));
    }

    /** The fields of the commands that are more than P0. */
    private static void fields(ObjectNode doc, byte[] b, int command, int p) {
        switch (command) {
            case SET_LOG_LED -> {
                need(b, p, 2, "the two value bytes of command 0x0010");
                int values = (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
                doc.put("values", values);
                doc.put("logError", (values & 1) != 0);
                doc.put("logWarning", (values & 2) != 0);
                doc.put("logInfo", (values & 4) != 0);
                doc.put("led", (values & 8) != 0);
            }
            case DEVICE_LOG -> {
                need(b, p, 1, "the log level of command 0x0012");
                int level = b[p] & 0xff;
                doc.put("logLevel", level);
                doc.put("logLevelName", switch (level) {
                    case 1 -> "error";
                    case 2 -> "warning";
                    case 3 -> "info";
                    default -> "unknown";
                });
                int q = p + 1;
                q = text(doc, "logTags", b, q, "log tags");
                q = text(doc, "logSource", b, q, "log source");
                text(doc, "logContent", b, q, "log content");
            }
            case OTA_V40 -> {
                firmwareType(doc, b, p);
                need(b, p + 1, 4, "the target firmware id of command 0x020E");
                doc.put("firmwareId", u32(b, p + 1));
                text(doc, "downloadUrl", b, p + 5, "download url");
            }
            case OTA_V41 -> firmwareType(doc, b, p);
            case APP_COUNT -> {
                need(b, p, 2, "the online app count of command 0x0210");
                doc.put("onlineApps", u16(b, p));
            }
            default -> {
                // business messages, ACKs, requests: P0 only
            }
        }
    }

    private static void firmwareType(ObjectNode doc, byte[] b, int p) {
        need(b, p, 1, "the firmware type");
        int type = b[p] & 0xff;
        doc.put("firmwareType", type);
        doc.put("firmwareTypeName", type == 1 ? "WiFi" : type == 2 ? "MCU" : "unknown");
    }

    /** A 2-byte length and that many UTF-8 bytes; returns the offset after them. */
    private static int text(ObjectNode doc, String field, byte[] b, int p, String what) {
        need(b, p, 2, "the length of the " + what);
        int n = u16(b, p);
        need(b, p + 2, n, "the " + what + " (" + n + " bytes from byte " + (p + 2) + ")");
        doc.put(field, new String(b, p + 2, n, StandardCharsets.UTF_8));
        return p + 2 + n;
    }

    private static void need(byte[] b, int at, int n, String what) {
        if ((long) at + n > b.length) {
            throw new Truncated("Gizwits frame of " + b.length + " bytes is truncated: it ends at byte " + b.length
                    + ", inside " + what + (n > 0 ? " (bytes " + at + "-" + (at + n - 1) + ")" : ""));
        }
    }

    private static Decoded fail(byte[] b, String why) {
        return Decoded.failure("Gizwits frame of " + b.length + " bytes: " + why);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    /** A long-form frame: header, VarLen, flag 0, command, [SN], data. */
    static byte[] frame(int command, long sn, byte[] data) {
        int body = 3 + (sn >= 0 ? 4 : 0) + data.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + body);
        out.writeBytes(HEADER);
        out.writeBytes(VarLen.encode(body));
        out.write(0);
        out.write(command >> 8);
        out.write(command);
        if (sn >= 0) {
            out.write((int) (sn >>> 24));
            out.write((int) (sn >>> 16));
            out.write((int) (sn >>> 8));
            out.write((int) sn);
        }
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** A short-form frame, as servers send it and 0x020F is sent: header, command, data. */
    static byte[] shortFrame(int command, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(6 + data.length);
        out.writeBytes(HEADER);
        out.write(command >> 8);
        out.write(command);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** A frame ends inside a field: the message names it and the offset. */
    private static final class Truncated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Truncated(String message) {
            super(message, null, false, false);
        }
    }
}
