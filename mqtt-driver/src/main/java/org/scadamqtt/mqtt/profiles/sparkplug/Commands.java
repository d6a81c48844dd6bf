package org.scadamqtt.mqtt.profiles.sparkplug;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.mqtt.profile.WriteRefusedException;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.Metric;

/**
 * NCMD and DCMD payloads: a write of one metric with the data type its birth announced, and the
 * Rebirth request ({@code Node Control/Rebirth} = true). Commands carry a payload timestamp and no
 * sequence number (Sparkplug 3.0, payloads-ncmd-seq, payloads-dcmd-seq).
 */
final class Commands {

    /** The metric an edge node rebirths on. */
    static final String REBIRTH = "Node Control/Rebirth";

    private Commands() {
    }

    /** The Rebirth request for an edge node. */
    static byte[] rebirth(Instant now) {
        return Payload.newBuilder().setTimestamp(now.toEpochMilli()).addMetrics(Metric.newBuilder().setName(REBIRTH)
                .setTimestamp(now.toEpochMilli()).setDatatype(DataTypes.BOOLEAN).setBooleanValue(true))
                .build().toByteArray();
    }

    /**
     * A command writing one metric.
     *
     * @param alias the metric's alias from the birth; null when it has none
     * @param type  the metric's data type from the birth
     * @throws WriteRefusedException when the value does not fit the type
     */
    static byte[] write(String name, Long alias, int type, Object value, Instant now) {
        Metric.Builder m = Metric.newBuilder().setName(name).setTimestamp(now.toEpochMilli()).setDatatype(type);
        if (alias != null) {
            m.setAlias(alias);
        }
        set(m, type, value, name);
        return Payload.newBuilder().setTimestamp(now.toEpochMilli()).addMetrics(m).build().toByteArray();
    }

    private static void set(Metric.Builder m, int type, Object value, String name) {
        if (value == null) {
            throw refused("no value to write to metric '" + name + "'");
        }
        switch (type) {
            case DataTypes.INT8 -> m.setIntValue((int) integer(value, -128, 127, type, name));
            case DataTypes.INT16 -> m.setIntValue((int) integer(value, -32768, 32767, type, name));
            case DataTypes.INT32 -> m.setIntValue((int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, type, name));
            case DataTypes.UINT8 -> m.setIntValue((int) integer(value, 0, 255, type, name));
            case DataTypes.UINT16 -> m.setIntValue((int) integer(value, 0, 65535, type, name));
            case DataTypes.UINT32 -> m.setIntValue((int) integer(value, 0, 0xFFFF_FFFFL, type, name));
            case DataTypes.INT64 -> m.setLongValue(integer(value, Long.MIN_VALUE, Long.MAX_VALUE, type, name));
            case DataTypes.UINT64 -> m.setLongValue(integer(value, 0, Long.MAX_VALUE, type, name));
            case DataTypes.FLOAT -> m.setFloatValue((float) real(value, type, name));
            case DataTypes.DOUBLE -> m.setDoubleValue(real(value, type, name));
            case DataTypes.BOOLEAN -> m.setBooleanValue(bool(value, name));
            case DataTypes.STRING, DataTypes.TEXT, DataTypes.UUID -> m.setStringValue(String.valueOf(value));
            case DataTypes.DATETIME -> {
                if (value instanceof Instant t) {
                    m.setLongValue(t.toEpochMilli());
                } else {
                    m.setLongValue(integer(value, 0, Long.MAX_VALUE, type, name));
                }
            }
            default -> throw refused("metric '" + name + "' is " + DataTypes.name(type) + "; writing that type is not "
                    + "supported (only numbers, Boolean, String, Text, UUID and DateTime)");
        }
    }

    private static long integer(Object value, long min, long max, int type, String name) {
        BigDecimal d = decimal(value, type, name);
        try {
            long v = d.longValueExact();
            if (v >= min && v <= max) {
                return v;
            }
        } catch (ArithmeticException e) {
            // not whole or too large: the sentence below says what fits
        }
        throw refused("value " + d.stripTrailingZeros().toPlainString() + " does not fit metric '" + name + "' of type "
                + DataTypes.name(type) + " (whole numbers from " + min + " to " + max + ")");
    }

    private static double real(Object value, int type, String name) {
        return decimal(value, type, name).doubleValue();
    }

    private static BigDecimal decimal(Object value, int type, String name) {
        try {
            if (value instanceof Boolean b) {
                return b ? BigDecimal.ONE : BigDecimal.ZERO;
            }
            if (value instanceof Double d) {
                return BigDecimal.valueOf(d);
            }
            if (value instanceof Duration d) {
                return BigDecimal.valueOf(d.toMillis());
            }
            return new BigDecimal(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw refused("'" + value + "' is not a number, and metric '" + name + "' is " + DataTypes.name(type));
        }
    }

    private static boolean bool(Object value, String name) {
        if (value instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(value).strip();
        if (s.equals("1") || s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equals("0") || s.equalsIgnoreCase("false")) {
            return false;
        }
        throw refused("'" + value + "' is not a Boolean (true/false, 1/0), and metric '" + name + "' is Boolean");
    }

    private static WriteRefusedException refused(String why) {
        return new WriteRefusedException(WriteFailure.WRONG_VALUE, why);
    }
}
