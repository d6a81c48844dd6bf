package org.scadamqtt.mqtt.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One field of a binary payload, written {@code type@offset[.bit][:length]}: {@code u16be@4} is
 * an unsigned 16-bit big-endian number at byte 4 (offsets count from 0), {@code bit@3.2} is bit 2
 * (0 = least significant) of byte 3, {@code hex@2:4} four bytes from byte 2 as hex text,
 * {@code ascii@0:8} eight bytes as ASCII text ({@code :length} omitted: to the end).
 *
 * <p>Types: u8 i8, u16/i16/u32/i32/u64/i64 and f32/f64 each with {@code be} (big-endian) or
 * {@code le} (little-endian), bit, hex, ascii. Immutable; {@link #read} and {@link #encode} never
 * throw for short input: they return or throw with a sentence naming offsets and sizes.
 */
public final class BinaryField {

    private static final Pattern SYNTAX = Pattern.compile(
            "(?<type>[a-z0-9]+)@(?<offset>\\d{1,9})(?:\\.(?<bit>\\d{1,2}))?(?::(?<length>\\d{1,9}))?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** The field types. */
    public enum Type {
        U8(1, false), I8(1, false), U16(2, true), I16(2, true), U32(4, true), I32(4, true), U64(8, true),
        I64(8, true), F32(4, true), F64(8, true), BIT(1, false), HEX(0, false), ASCII(0, false);

        private final int size;
        private final boolean ordered;

        Type(int size, boolean ordered) {
            this.size = size;
            this.ordered = ordered;
        }
    }

    private final String text;
    private final Type type;
    private final ByteOrder order;
    private final int offset;
    private final int bit;
    private final int length;

    private BinaryField(String text, Type type, ByteOrder order, int offset, int bit, int length) {
        this.text = text;
        this.type = type;
        this.order = order;
        this.offset = offset;
        this.bit = bit;
        this.length = length;
    }

    /**
     * Reads a field specification.
     *
     * @throws AddressException saying what is wrong and what is expected
     */
    public static BinaryField parse(String spec) {
        String s = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        Matcher m = SYNTAX.matcher(s);
        if (!m.matches()) {
            throw new AddressException("binary field '" + spec + "' is not written type@offset[.bit][:length], "
                    + "e.g. u16be@4, bit@3.2, hex@2:4");
        }
        String t = m.group("type");
        ByteOrder order = ByteOrder.BIG_ENDIAN;
        String base = t;
        if (t.endsWith("be") || t.endsWith("le")) {
            base = t.substring(0, t.length() - 2);
            order = t.endsWith("le") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        }
        Type type;
        try {
            type = Type.valueOf(base.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AddressException("binary field '" + spec + "' has type '" + t + "'; types are u8 i8 bit hex "
                    + "ascii and u16 i16 u32 i32 u64 i64 f32 f64 followed by be or le");
        }
        if (type.ordered != (base.length() != t.length())) {
            throw new AddressException("binary field '" + spec + "': " + (type.ordered
                    ? "type " + base + " needs a byte order: " + base + "be (big-endian) or " + base + "le (little-endian)"
                    : "type " + base + " has no byte order; write " + base + " without be/le"));
        }
        int offset = Integer.parseInt(m.group("offset"));
        String bitText = m.group("bit");
        String lengthText = m.group("length");
        int bit = -1;
        if (type == Type.BIT) {
            if (bitText == null) {
                throw new AddressException("binary field '" + spec + "' needs the bit number, e.g. bit@" + offset
                        + ".0 (0 = least significant)");
            }
            bit = Integer.parseInt(bitText);
            if (bit > 7) {
                throw new AddressException("binary field '" + spec + "': bit " + bit + " does not exist; bits of a "
                        + "byte are 0 (least significant) to 7");
            }
        } else if (bitText != null) {
            throw new AddressException("binary field '" + spec + "': only bit fields take .bit");
        }
        int length = type.size;
        if (type == Type.HEX || type == Type.ASCII) {
            length = lengthText == null ? -1 : Integer.parseInt(lengthText);
            if (length == 0) {
                throw new AddressException("binary field '" + spec + "' has length 0; give at least 1 byte");
            }
        } else if (lengthText != null) {
            throw new AddressException("binary field '" + spec + "': only hex and ascii fields take :length");
        }
        return new BinaryField(s, type, order, offset, bit, length);
    }

    /** The specification as written (lower case). */
    public String text() {
        return text;
    }

    /** The field's type. */
    public Type type() {
        return type;
    }

    /**
     * Reads the field.
     *
     * @return a number, boolean (bit) or text node
     * @throws IllegalArgumentException when the bytes are too short: "payload has 3 bytes; u16be@2 needs bytes 2 to 3"
     */
    public JsonNode read(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        int n = length < 0 ? bytes.length - offset : length;
        if (offset >= bytes.length || n <= 0 || (long) offset + n > bytes.length) {
            throw new IllegalArgumentException("the data has " + bytes.length + " bytes; field " + text + " needs "
                    + (n <= 1 ? "byte " + offset : "bytes " + offset + " to " + (offset + Math.max(n, 1) - 1)));
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, n).order(order);
        return switch (type) {
            case U8 -> NODES.numberNode(bytes[offset] & 0xFF);
            case I8 -> NODES.numberNode((int) bytes[offset]);
            case U16 -> NODES.numberNode(b.getShort() & 0xFFFF);
            case I16 -> NODES.numberNode((int) b.getShort());
            case U32 -> NODES.numberNode(b.getInt() & 0xFFFF_FFFFL);
            case I32 -> NODES.numberNode(b.getInt());
            case U64 -> {
                long v = b.getLong();
                yield v >= 0 ? NODES.numberNode(v) : NODES.numberNode(BigInteger.valueOf(v).add(TWO_64));
            }
            case I64 -> NODES.numberNode(b.getLong());
            case F32 -> NODES.numberNode((double) b.getFloat());
            case F64 -> NODES.numberNode(b.getDouble());
            case BIT -> BooleanNode.valueOf((bytes[offset] >> bit & 1) == 1);
            case HEX -> TextNode.valueOf(HexFormat.of().formatHex(bytes, offset, offset + n));
            case ASCII -> TextNode.valueOf(new String(bytes, offset, n, StandardCharsets.US_ASCII));
        };
    }

    /**
     * Encodes a value as this field's bytes, as a payload of its own (offset and bit ignored: a
     * bit field gives one byte 0 or 1 shifted to its bit).
     *
     * @param value a Number, Boolean or String (hex digits for hex, text for ascii)
     * @throws IllegalArgumentException naming the value and why it does not fit
     */
    public byte[] encode(Object value) {
        Objects.requireNonNull(value, "value");
        if (type == Type.HEX) {
            String hex = value.toString().replaceAll("[\\s:]", "");
            byte[] out;
            try {
                out = HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + value + "' is not hex text (pairs of 0-9 a-f)");
            }
            return checkLength(out, value);
        }
        if (type == Type.ASCII) {
            String s = value.toString();
            if (!StandardCharsets.US_ASCII.newEncoder().canEncode(s)) {
                throw new IllegalArgumentException("'" + s + "' has characters outside ASCII");
            }
            return checkLength(s.getBytes(StandardCharsets.US_ASCII), value);
        }
        if (type == Type.BIT) {
            boolean on = value instanceof Boolean bo ? bo : value instanceof Number num && num.longValue() != 0;
            return new byte[] {(byte) (on ? 1 << bit : 0)};
        }
        if (!(value instanceof Number num)) {
            throw new IllegalArgumentException("field " + text + " takes a number, not '" + value + "'");
        }
        ByteBuffer b = ByteBuffer.allocate(type.size).order(order);
        switch (type) {
            case F32 -> b.putFloat(num.floatValue());
            case F64 -> b.putDouble(num.doubleValue());
            default -> putInteger(b, num);
        }
        return b.array();
    }

    private byte[] checkLength(byte[] out, Object value) {
        if (length > 0 && out.length != length) {
            throw new IllegalArgumentException("field " + text + " takes " + length + " bytes; '" + value + "' gives "
                    + out.length);
        }
        return out;
    }

    private void putInteger(ByteBuffer b, Number num) {
        if (num instanceof Double || num instanceof Float) {
            double d = num.doubleValue();
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException("field " + text + " takes a whole number, not " + num);
            }
        }
        BigInteger v = num instanceof BigInteger bi ? bi : BigInteger.valueOf(num.longValue());
        boolean signed = type == Type.I8 || type == Type.I16 || type == Type.I32 || type == Type.I64;
        int bits = type.size * 8;
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw new IllegalArgumentException(num + " does not fit field " + text + " (" + min + " to " + max + ")");
        }
        long l = v.longValue();
        switch (type.size) {
            case 1 -> b.put((byte) l);
            case 2 -> b.putShort((short) l);
            case 4 -> b.putInt((int) l);
            default -> b.putLong(l);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryField f && f.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
