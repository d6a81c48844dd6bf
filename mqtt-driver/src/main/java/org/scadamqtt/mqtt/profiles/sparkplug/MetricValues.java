package org.scadamqtt.mqtt.profiles.sparkplug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.DataSet;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.DataSet.DataSetValue;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.Metric;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.PropertySet;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.PropertyValue;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.Template;

/**
 * Turns the value of a Sparkplug metric into JSON, by its data type: integers with their sign
 * restored (Int8–Int32 travel as uint32), unsigned 64-bit numbers beyond Long as big integers,
 * floats as the decimal they were written as, DateTime as ISO-8601 text, bytes as hex, arrays from
 * their little-endian packing (BooleanArray: a 4-byte count, then bits from the high bit), DataSet
 * as {columns, types, rows}, Template as {template_ref, version, is_definition, parameters,
 * metrics}. A value that does not fit its type is a problem sentence, never an exception.
 */
final class MetricValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final int MAX_DEPTH = 20;

    /** A converted value or why there is none. */
    record Converted(JsonNode value, String problem) {
        static Converted of(JsonNode value) {
            return new Converted(value, null);
        }

        static Converted problem(String why) {
            return new Converted(null, why);
        }
    }

    private MetricValues() {
    }

    /** The value of a metric whose data type is {@code type} (from the metric or from its birth). */
    static Converted value(Metric m, int type) {
        return value(m, type, 0);
    }

    private static Converted value(Metric m, int type, int depth) {
        if (m.getIsNull()) {
            return Converted.problem("the edge node reports no value (is_null)");
        }
        Metric.ValueCase c = m.getValueCase();
        if (c == Metric.ValueCase.VALUE_NOT_SET) {
            return Converted.problem("the metric carries no value");
        }
        if (!DataTypes.known(type)) {
            return Converted.problem("the metric has " + DataTypes.name(type) + ", which Sparkplug 3.0 does not define;"
                    + " its value is not read");
        }
        return switch (type) {
            case DataTypes.INT8, DataTypes.INT16, DataTypes.INT32, DataTypes.UINT8, DataTypes.UINT16,
                    DataTypes.UINT32 -> {
                if (c == Metric.ValueCase.INT_VALUE) {
                    yield Converted.of(JSON.numberNode(integer(m.getIntValue(), type)));
                }
                if (c == Metric.ValueCase.LONG_VALUE) { // some edge nodes send small integers as long_value
                    yield Converted.of(JSON.numberNode(integer((int) m.getLongValue(), type)));
                }
                yield mismatch(type, c);
            }
            case DataTypes.INT64 -> c == Metric.ValueCase.LONG_VALUE ? Converted.of(JSON.numberNode(m.getLongValue()))
                    : c == Metric.ValueCase.INT_VALUE ? Converted.of(JSON.numberNode((long) m.getIntValue()))
                    : mismatch(type, c);
            case DataTypes.UINT64 -> c == Metric.ValueCase.LONG_VALUE ? Converted.of(unsigned64(m.getLongValue()))
                    : c == Metric.ValueCase.INT_VALUE
                            ? Converted.of(JSON.numberNode(Integer.toUnsignedLong(m.getIntValue())))
                            : mismatch(type, c);
            case DataTypes.FLOAT -> c == Metric.ValueCase.FLOAT_VALUE ? Converted.of(floatNode(m.getFloatValue()))
                    : c == Metric.ValueCase.DOUBLE_VALUE ? Converted.of(JSON.numberNode(m.getDoubleValue()))
                    : mismatch(type, c);
            case DataTypes.DOUBLE -> c == Metric.ValueCase.DOUBLE_VALUE ? Converted.of(JSON.numberNode(m.getDoubleValue()))
                    : c == Metric.ValueCase.FLOAT_VALUE ? Converted.of(floatNode(m.getFloatValue()))
                    : mismatch(type, c);
            case DataTypes.BOOLEAN -> c == Metric.ValueCase.BOOLEAN_VALUE
                    ? Converted.of(JSON.booleanNode(m.getBooleanValue())) : mismatch(type, c);
            case DataTypes.STRING, DataTypes.TEXT, DataTypes.UUID -> c == Metric.ValueCase.STRING_VALUE
                    ? Converted.of(JSON.textNode(m.getStringValue())) : mismatch(type, c);
            case DataTypes.DATETIME -> c == Metric.ValueCase.LONG_VALUE ? Converted.of(dateTime(m.getLongValue()))
                    : mismatch(type, c);
            case DataTypes.BYTES, DataTypes.FILE -> c == Metric.ValueCase.BYTES_VALUE
                    ? Converted.of(JSON.textNode(HexFormat.of().formatHex(m.getBytesValue().toByteArray())))
                    : mismatch(type, c);
            case DataTypes.DATASET -> c == Metric.ValueCase.DATASET_VALUE ? dataSet(m.getDatasetValue())
                    : mismatch(type, c);
            case DataTypes.TEMPLATE -> c == Metric.ValueCase.TEMPLATE_VALUE
                    ? template(m.getTemplateValue(), depth) : mismatch(type, c);
            case DataTypes.PROPERTYSET, DataTypes.PROPERTYSETLIST -> Converted.problem("the metric has data type "
                    + DataTypes.name(type) + ", which Sparkplug 3.0 allows only for property values, not metrics");
            default -> c == Metric.ValueCase.BYTES_VALUE ? array(m.getBytesValue().toByteArray(), type)
                    : mismatch(type, c);
        };
    }

    private static Converted mismatch(int type, Metric.ValueCase c) {
        return Converted.problem("the metric is " + DataTypes.name(type) + " but carries a "
                + c.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static long integer(int raw, int type) {
        return switch (type) {
            case DataTypes.INT8 -> (byte) raw;
            case DataTypes.INT16 -> (short) raw;
            case DataTypes.INT32 -> raw;
            case DataTypes.UINT8 -> raw & 0xFFL;
            case DataTypes.UINT16 -> raw & 0xFFFFL;
            default -> Integer.toUnsignedLong(raw);
        };
    }

    private static JsonNode unsigned64(long raw) {
        return raw >= 0 ? JSON.numberNode(raw) : JSON.numberNode(BigInteger.valueOf(raw).add(TWO_64));
    }

    /** A float as the decimal it was written as (1.1f is 1.1, not 1.100000023841858). */
    private static JsonNode floatNode(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return JSON.numberNode((double) f);
        }
        return JSON.numberNode(Double.parseDouble(Float.toString(f)));
    }

    private static JsonNode dateTime(long millis) {
        try {
            return JSON.textNode(Instant.ofEpochMilli(millis).toString());
        } catch (RuntimeException e) {
            return JSON.numberNode(millis);
        }
    }

    private static Converted array(byte[] b, int type) {
        ArrayNode out = JSON.arrayNode();
        if (type == DataTypes.BOOLEAN_ARRAY) {
            if (b.length < 4) {
                return Converted.problem("the BooleanArray has " + b.length + " bytes; it needs at least the 4-byte count");
            }
            long count = Integer.toUnsignedLong(ByteBuffer.wrap(b, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
            if (count > (long) (b.length - 4) * 8) {
                return Converted.problem("the BooleanArray says it holds " + count + " values but its " + (b.length - 4)
                        + " bytes hold at most " + (b.length - 4) * 8);
            }
            for (int i = 0; i < count; i++) {
                out.add((b[4 + i / 8] & (0x80 >> (i % 8))) != 0);
            }
            return Converted.of(out);
        }
        if (type == DataTypes.STRING_ARRAY) {
            int start = 0;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 0) {
                    out.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start != b.length) {
                return Converted.problem("the StringArray does not end with a 0 byte (its last string is cut off at byte "
                        + b.length + ")");
            }
            return Converted.of(out);
        }
        int size = DataTypes.arrayElementSize(type);
        if (b.length % size != 0) {
            return Converted.problem("the " + DataTypes.name(type) + " has " + b.length + " bytes, not a multiple of "
                    + size);
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            switch (type) {
                case 22 -> out.add(buf.get());
                case 23 -> out.add(buf.getShort());
                case 24 -> out.add(buf.getInt());
                case 25 -> out.add(buf.getLong());
                case 26 -> out.add(buf.get() & 0xFF);
                case 27 -> out.add(buf.getShort() & 0xFFFF);
                case 28 -> out.add(Integer.toUnsignedLong(buf.getInt()));
                case 29 -> out.add(unsigned64(buf.getLong()));
                case 30 -> out.add(floatNode(buf.getFloat()));
                case 31 -> out.add(buf.getDouble());
                default -> out.add(dateTime(buf.getLong())); // 34 DateTimeArray
            }
        }
        return Converted.of(out);
    }

    private static Converted dataSet(DataSet d) {
        ObjectNode o = JSON.objectNode();
        ArrayNode cols = o.putArray("columns");
        d.getColumnsList().forEach(cols::add);
        ArrayNode types = o.putArray("types");
        d.getTypesList().forEach(t -> types.add(DataTypes.name(t)));
        ArrayNode rows = o.putArray("rows");
        for (DataSet.Row r : d.getRowsList()) {
            ArrayNode row = rows.addArray();
            for (int i = 0; i < r.getElementsCount(); i++) {
                int t = i < d.getTypesCount() ? d.getTypes(i) : 0;
                row.add(dataSetValue(r.getElements(i), t));
            }
        }
        if (d.getColumnsCount() != d.getTypesCount()) {
            return Converted.problem("the DataSet has " + d.getColumnsCount() + " column names but " + d.getTypesCount()
                    + " column types");
        }
        return Converted.of(o);
    }

    private static JsonNode dataSetValue(DataSetValue v, int type) {
        return switch (v.getValueCase()) {
            case INT_VALUE -> JSON.numberNode(integer(v.getIntValue(), type == 0 ? DataTypes.INT32 : type));
            case LONG_VALUE -> long64(v.getLongValue(), type);
            case FLOAT_VALUE -> floatNode(v.getFloatValue());
            case DOUBLE_VALUE -> JSON.numberNode(v.getDoubleValue());
            case BOOLEAN_VALUE -> JSON.booleanNode(v.getBooleanValue());
            case STRING_VALUE -> JSON.textNode(v.getStringValue());
            default -> JSON.nullNode();
        };
    }

    private static Converted template(Template t, int depth) {
        if (depth > MAX_DEPTH) {
            return Converted.problem("templates are nested more than " + MAX_DEPTH + " deep");
        }
        ObjectNode o = JSON.objectNode();
        if (t.hasTemplateRef()) {
            o.put("template_ref", t.getTemplateRef());
        }
        if (t.hasVersion()) {
            o.put("version", t.getVersion());
        }
        o.put("is_definition", t.getIsDefinition());
        ObjectNode params = o.putObject("parameters");
        for (Template.Parameter p : t.getParametersList()) {
            params.set(p.getName(), parameter(p));
        }
        ObjectNode members = o.putObject("metrics");
        for (Metric m : t.getMetricsList()) {
            Converted c = value(m, m.getDatatype(), depth + 1);
            members.set(m.getName(), c.value() != null ? c.value() : JSON.nullNode());
        }
        return Converted.of(o);
    }

    /** A long_value of a DataSet cell, template parameter or property: DateTime, UInt64 or signed. */
    private static JsonNode long64(long v, int type) {
        return type == DataTypes.DATETIME ? dateTime(v)
                : type == DataTypes.UINT64 ? unsigned64(v) : JSON.numberNode(v);
    }

    private static JsonNode parameter(Template.Parameter p) {
        return switch (p.getValueCase()) {
            case INT_VALUE -> JSON.numberNode(integer(p.getIntValue(), p.getType()));
            case LONG_VALUE -> long64(p.getLongValue(), p.getType());
            case FLOAT_VALUE -> floatNode(p.getFloatValue());
            case DOUBLE_VALUE -> JSON.numberNode(p.getDoubleValue());
            case BOOLEAN_VALUE -> JSON.booleanNode(p.getBooleanValue());
            case STRING_VALUE -> JSON.textNode(p.getStringValue());
            default -> JSON.nullNode();
        };
    }

    /** A PropertySet as an object of key → value (PropertySetList as an array of those). */
    static ObjectNode properties(PropertySet s) {
        return properties(s, 0);
    }

    private static ObjectNode properties(PropertySet s, int depth) {
        ObjectNode o = JSON.objectNode();
        int n = Math.min(s.getKeysCount(), s.getValuesCount());
        for (int i = 0; i < n; i++) {
            o.set(s.getKeys(i), propertyValue(s.getValues(i), depth));
        }
        return o;
    }

    private static JsonNode propertyValue(PropertyValue v, int depth) {
        if (v.getIsNull()) {
            return JSON.nullNode();
        }
        return switch (v.getValueCase()) {
            case INT_VALUE -> JSON.numberNode(integer(v.getIntValue(), v.getType()));
            case LONG_VALUE -> long64(v.getLongValue(), v.getType());
            case FLOAT_VALUE -> floatNode(v.getFloatValue());
            case DOUBLE_VALUE -> JSON.numberNode(v.getDoubleValue());
            case BOOLEAN_VALUE -> JSON.booleanNode(v.getBooleanValue());
            case STRING_VALUE -> JSON.textNode(v.getStringValue());
            case PROPERTYSET_VALUE -> depth > MAX_DEPTH ? JSON.nullNode()
                    : properties(v.getPropertysetValue(), depth + 1);
            case PROPERTYSETS_VALUE -> {
                ArrayNode a = JSON.arrayNode();
                if (depth <= MAX_DEPTH) {
                    v.getPropertysetsValue().getPropertysetList().forEach(p -> a.add(properties(p, depth + 1)));
                }
                yield a;
            }
            default -> JSON.nullNode();
        };
    }
}
