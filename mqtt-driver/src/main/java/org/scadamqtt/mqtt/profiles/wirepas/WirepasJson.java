package org.scadamqtt.mqtt.profiles.wirepas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A decoded protobuf message as the JSON document {@code JA=} paths read: proto field names,
 * bytes as hex text, enum values by name, unsigned 64-bit numbers as unsigned. What our
 * declarations do not know is kept: an enum value newer than ours appears under its field's name
 * as its number (protobuf-java files it with the unknown fields), any other unknown field under
 * {@code unknown_fields.<number>} (varints as numbers, length-delimited as hex).
 */
final class WirepasJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private WirepasJson() {
    }

    static ObjectNode of(Message m) {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
            FieldDescriptor f = e.getKey();
            if (f.isRepeated()) {
                ArrayNode a = o.putArray(f.getName());
                for (Object v : (List<?>) e.getValue()) {
                    a.add(value(f, v));
                }
            } else {
                o.set(f.getName(), value(f, e.getValue()));
            }
        }
        unknown(m, o);
        return o;
    }

    private static JsonNode value(FieldDescriptor f, Object v) {
        return switch (f.getJavaType()) {
            case MESSAGE -> of((Message) v);
            case ENUM -> NODES.textNode(((EnumValueDescriptor) v).getName());
            case BYTE_STRING -> NODES.textNode(HEX.formatHex(((ByteString) v).toByteArray()));
            case STRING -> NODES.textNode((String) v);
            case BOOLEAN -> NODES.booleanNode((Boolean) v);
            case FLOAT -> NODES.numberNode((Float) v);
            case DOUBLE -> NODES.numberNode((Double) v);
            case INT -> unsigned32(f) ? NODES.numberNode(Integer.toUnsignedLong((Integer) v))
                    : NODES.numberNode((Integer) v);
            case LONG -> unsigned64(f) ? unsignedLong((Long) v) : NODES.numberNode((Long) v);
        };
    }

    private static boolean unsigned32(FieldDescriptor f) {
        return f.getType() == FieldDescriptor.Type.UINT32 || f.getType() == FieldDescriptor.Type.FIXED32;
    }

    private static boolean unsigned64(FieldDescriptor f) {
        return f.getType() == FieldDescriptor.Type.UINT64 || f.getType() == FieldDescriptor.Type.FIXED64;
    }

    private static JsonNode unsignedLong(long v) {
        return v >= 0 ? NODES.numberNode(v) : NODES.numberNode(BigInteger.valueOf(v).add(TWO_64));
    }

    private static void unknown(Message m, ObjectNode o) {
        UnknownFieldSet set = m.getUnknownFields();
        if (set.asMap().isEmpty()) {
            return;
        }
        ObjectNode rest = null;
        for (Map.Entry<Integer, UnknownFieldSet.Field> e : set.asMap().entrySet()) {
            int number = e.getKey();
            UnknownFieldSet.Field field = e.getValue();
            FieldDescriptor known = m.getDescriptorForType().findFieldByNumber(number);
            if (known != null && known.getJavaType() == FieldDescriptor.JavaType.ENUM) {
                // proto2 files enum numbers it does not know with the unknown fields: show the number
                List<Long> numbers = field.getVarintList();
                if (known.isRepeated()) {
                    ArrayNode a = o.has(known.getName()) ? (ArrayNode) o.get(known.getName()) : o.putArray(known.getName());
                    numbers.forEach(n -> a.add(n.intValue()));
                } else if (!numbers.isEmpty()) {
                    o.put(known.getName(), numbers.get(numbers.size() - 1).intValue());
                }
                continue;
            }
            if (rest == null) {
                rest = o.putObject("unknown_fields");
            }
            ArrayNode values = rest.putArray(Integer.toString(number));
            field.getVarintList().forEach(v -> values.add(unsignedLong(v)));
            field.getFixed32List().forEach(v -> values.add(Integer.toUnsignedLong(v)));
            field.getFixed64List().forEach(v -> values.add(unsignedLong(v)));
            field.getLengthDelimitedList().forEach(v -> values.add(HEX.formatHex(v.toByteArray())));
            field.getGroupList().forEach(g -> values.add("group"));
        }
    }
}
