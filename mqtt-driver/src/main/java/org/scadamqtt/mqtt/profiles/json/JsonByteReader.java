package org.scadamqtt.mqtt.profiles.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Reads a JSON payload straight from its bytes, keeping only the branches a station's paths reach
 * ({@link PickLevel}): no parser, token or context objects, and names of fields no path needs are
 * never turned into strings. Per message this is most of the driver's decoding work.
 *
 * <p>It accepts a strict subset of what Jackson's default parser accepts and builds the same nodes
 * for it (IntNode/LongNode by value, DoubleNode as {@link Double#parseDouble}, last duplicate key
 * wins, placeholders for skipped array elements before a kept one). Whatever lies outside the
 * subset makes {@link #read} answer null and {@link JsonPicker} reads the payload with Jackson as
 * before, so a broken payload gets Jackson's error sentence and an unusual one Jackson's tree.
 * Outside the subset: invalid JSON of any kind, a byte-order mark, bytes that are not strict UTF-8,
 * escapes inside a field name that must be matched or kept, integers of 19 digits or more,
 * numbers over 100 characters, nesting deeper than 200, names over 1,000 and strings over 1,000,000
 * bytes (all far inside Jackson's own limits, so nothing the subset accepts is refused by Jackson).
 *
 * <p>One instance reads one payload; not thread-safe (each call of {@link #read} makes its own).
 */
final class JsonByteReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 200;
    private static final int MAX_NAME = 1_000;
    private static final int MAX_STRING = 1_000_000;
    private static final int MAX_NUMBER = 100;
    /** Powers of ten exactly representable as doubles (Clinger's fast path). */
    private static final double[] POW10 = new double[23];
    private static final long MAX_EXACT_MANTISSA = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    /** Thrown (without a stack trace) when the payload is outside the subset; never escapes {@link #read}. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super(null, null, false, false);
        }
    }

    private final byte[] b;
    private int pos;
    private int depth;
    /** Set by {@link #scanString}: whether the string had a byte >= 0x80 / a backslash escape. */
    private boolean nonAscii;
    private boolean escaped;
    private int nameHash;

    private JsonByteReader(byte[] payload) {
        this.b = payload;
    }

    /**
     * The document with the branches {@code root} reaches, as {@link JsonPicker} would build it;
     * null when the payload is outside the subset (or holds only white space) and Jackson must read it.
     */
    static JsonNode read(byte[] payload, PickLevel root) {
        JsonByteReader r = new JsonByteReader(payload);
        try {
            r.skipWhitespace();
            if (r.pos >= payload.length) {
                return null;
            }
            JsonNode doc = r.value(root);
            r.skipWhitespace();
            return r.pos == payload.length ? doc : null;
        } catch (Unsupported | ArrayIndexOutOfBoundsException e) {
            // ArrayIndexOutOfBounds: the payload ended inside a value; Jackson reports where
            return null;
        }
    }

    /** Reads one value; builds it when {@code level} is not null (whole or in part), else skips it. */
    private JsonNode value(PickLevel level) {
        switch (b[pos]) {
            case '{':
                return object(level);
            case '[':
                return array(level);
            case '"': {
                int start = ++pos;
                scanString(MAX_STRING);
                if (level == null) {
                    return null;
                }
                return TextNode.valueOf(escaped ? unescape(start, pos - 1) : text(start, pos - 1));
            }
            case 't':
                literal("true");
                return level == null ? null : BooleanNode.TRUE;
            case 'f':
                literal("false");
                return level == null ? null : BooleanNode.FALSE;
            case 'n':
                literal("null");
                return level == null ? null : NullNode.instance;
            default:
                return number(level != null);
        }
    }

    private ObjectNode object(PickLevel level) {
        pos++;
        enter();
        ObjectNode node = level == null ? null : level.whole ? NODES.objectNode()
                : new ObjectNode(NODES, new PickedFields(level.fieldCount()));
        skipWhitespace();
        if (b[pos] == '}') {
            pos++;
            depth--;
            return node;
        }
        while (true) {
            if (b[pos] != '"') {
                throw Unsupported.INSTANCE;
            }
            int start = ++pos;
            scanString(MAX_NAME);
            int end = pos - 1;
            skipWhitespace();
            if (b[pos++] != ':') {
                throw Unsupported.INSTANCE;
            }
            skipWhitespace();
            if (level == null) {
                value(null);
            } else {
                if (escaped) {
                    throw Unsupported.INSTANCE; // the name must be decoded to be matched or kept
                }
                if (level.whole) {
                    node.replace(text(start, end), value(level));
                } else {
                    int n = level.fieldNumber(b, start, end, nameHash);
                    if (n < 0) {
                        value(null);
                    } else {
                        node.replace(level.fieldName(n), value(level.fieldLevel(n)));
                    }
                }
            }
            skipWhitespace();
            byte c = b[pos++];
            if (c == '}') {
                depth--;
                return node;
            }
            if (c != ',') {
                throw Unsupported.INSTANCE;
            }
            skipWhitespace();
        }
    }

    private ArrayNode array(PickLevel level) {
        pos++;
        enter();
        ArrayNode node = level == null ? null : level.whole ? NODES.arrayNode()
                : new ArrayNode(NODES, new ArrayList<>(level.indexLimit()));
        skipWhitespace();
        if (b[pos] == ']') {
            pos++;
            depth--;
            return node;
        }
        for (int i = 0;; i++) {
            PickLevel next = level == null ? null : level.whole ? level : level.index(i);
            JsonNode v = value(next);
            if (v != null) {
                while (node.size() < i) {
                    node.add(NullNode.instance); // keeps the indexes of kept elements
                }
                node.add(v);
            }
            skipWhitespace();
            byte c = b[pos++];
            if (c == ']') {
                depth--;
                return node;
            }
            if (c != ',') {
                throw Unsupported.INSTANCE;
            }
            skipWhitespace();
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw Unsupported.INSTANCE;
        }
    }

    /**
     * Scans a string after its opening quote up to and past the closing one; sets {@link #escaped},
     * {@link #nonAscii} and {@link #nameHash}. Escapes are checked as JSON defines them.
     */
    private void scanString(int maxBytes) {
        int start = pos;
        int h = 0;
        boolean esc = false;
        boolean high = false;
        while (true) {
            byte c = b[pos];
            if (c == '"') {
                break;
            }
            if (c < 0) {
                high = true;
                utf8();
                continue;
            }
            if (c < 0x20) {
                throw Unsupported.INSTANCE; // a control character must be escaped
            }
            if (c == '\\') {
                esc = true;
                escape();
                continue;
            }
            h = 31 * h + c;
            pos++;
        }
        if (pos - start > maxBytes) {
            throw Unsupported.INSTANCE;
        }
        pos++;
        escaped = esc;
        nonAscii = high;
        nameHash = high ? PickLevel.hash(b, start, pos - 1) : h;
    }

    private void escape() {
        pos++;
        switch (b[pos++]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return;
            case 'u':
                for (int k = 0; k < 4; k++) {
                    if (Character.digit(b[pos++], 16) < 0) {
                        throw Unsupported.INSTANCE;
                    }
                }
                return;
            default:
                throw Unsupported.INSTANCE;
        }
    }

    /** Steps over one strictly valid UTF-8 sequence (no overlong forms, no surrogates, at most U+10FFFF). */
    private void utf8() {
        int c = b[pos] & 0xFF;
        int more;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            more = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            more = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            more = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw Unsupported.INSTANCE;
        }
        int second = b[pos + 1] & 0xFF;
        if (second < lo || second > hi) {
            throw Unsupported.INSTANCE;
        }
        for (int k = 2; k <= more; k++) {
            if ((b[pos + k] & 0xC0) != 0x80) {
                throw Unsupported.INSTANCE;
            }
        }
        pos += more + 1;
    }

    private String text(int start, int end) {
        return new String(b, start, end - start, nonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /**
     * Decodes a kept string with escapes as Jackson does: {@code \\uXXXX} gives that char as it is
     * (a surrogate too), the bytes between escapes were checked as strict UTF-8 by {@link #scanString}.
     */
    private String unescape(int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        int i = start;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c == '\\') {
                byte e = b[i + 1];
                i += 2;
                switch (e) {
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        int code = 0;
                        for (int k = 0; k < 4; k++) {
                            code = code * 16 + Character.digit(b[i++], 16); // hex digits checked by escape()
                        }
                        sb.append((char) code);
                    }
                    default -> sb.append((char) e); // " \ /
                }
            } else if (c < 0x80) {
                sb.append((char) c);
                i++;
            } else if (c < 0xE0) {
                sb.append((char) (((c & 0x1F) << 6) | (b[i + 1] & 0x3F)));
                i += 2;
            } else if (c < 0xF0) {
                sb.append((char) (((c & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F)));
                i += 3;
            } else {
                sb.appendCodePoint(((c & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6)
                        | (b[i + 3] & 0x3F));
                i += 4;
            }
        }
        return sb.toString();
    }

    private void literal(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (b[pos + k] != word.charAt(k)) {
                throw Unsupported.INSTANCE;
            }
        }
        pos += word.length();
    }

    /** JSON number grammar exactly: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private JsonNode number(boolean build) {
        int start = pos;
        boolean negative = b[pos] == '-';
        if (negative) {
            pos++;
        }
        int digitsStart = pos;
        long mantissa = 0;
        int digits = 0;
        if (b[pos] == '0') {
            pos++;
            if (pos < b.length && isDigit(b[pos])) {
                throw Unsupported.INSTANCE; // a leading zero
            }
        } else if (isDigit(b[pos])) {
            while (pos < b.length && isDigit(b[pos])) {
                mantissa = digits < 18 ? mantissa * 10 + (b[pos] - '0') : mantissa;
                digits++;
                pos++;
            }
        } else {
            throw Unsupported.INSTANCE;
        }
        int intDigits = pos - digitsStart;
        boolean fraction = pos < b.length && b[pos] == '.';
        int fractionDigits = 0;
        if (fraction) {
            pos++;
            int from = pos;
            while (pos < b.length && isDigit(b[pos])) {
                mantissa = digits < 18 ? mantissa * 10 + (b[pos] - '0') : mantissa;
                digits += digits > 0 || b[pos] != '0' ? 1 : 0; // leading zeros of 0.00x add no precision
                pos++;
            }
            fractionDigits = pos - from;
            if (fractionDigits == 0) {
                throw Unsupported.INSTANCE;
            }
        }
        boolean exponent = pos < b.length && (b[pos] == 'e' || b[pos] == 'E');
        long exp = 0;
        if (exponent) {
            pos++;
            boolean expNegative = b[pos] == '-';
            if (b[pos] == '-' || b[pos] == '+') {
                pos++;
            }
            int from = pos;
            while (pos < b.length && isDigit(b[pos])) {
                exp = Math.min(exp * 10 + (b[pos] - '0'), 1_000_000);
                pos++;
            }
            if (pos == from) {
                throw Unsupported.INSTANCE;
            }
            exp = expNegative ? -exp : exp;
        }
        if (pos - start > MAX_NUMBER) {
            throw Unsupported.INSTANCE;
        }
        if (!build) {
            return null;
        }
        if (!fraction && !exponent) {
            if (intDigits > 18) {
                throw Unsupported.INSTANCE; // LongNode or BigIntegerNode: Jackson decides
            }
            long v = negative ? -mantissa : mantissa;
            return v == (int) v ? IntNode.valueOf((int) v) : LongNode.valueOf(v);
        }
        return DoubleNode.valueOf(toDouble(start, negative, mantissa, digits, exp - fractionDigits));
    }

    /**
     * The double {@link Double#parseDouble} gives for the number text at {@code start}. Fast path
     * (Clinger): a mantissa below 2^53 and a power of ten up to 10^22 are both exact doubles, so one
     * correctly rounded multiplication or division gives the correctly rounded result.
     */
    private double toDouble(int start, boolean negative, long mantissa, int digits, long exp10) {
        if (digits <= 18 && mantissa < MAX_EXACT_MANTISSA && exp10 >= -22 && exp10 <= 22) {
            double d = exp10 >= 0 ? mantissa * POW10[(int) exp10] : mantissa / POW10[(int) -exp10];
            return negative ? -d : d;
        }
        return Double.parseDouble(new String(b, start, pos - start, StandardCharsets.ISO_8859_1));
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (pos < b.length) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }
}
