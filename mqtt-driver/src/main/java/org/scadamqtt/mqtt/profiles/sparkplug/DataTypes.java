package org.scadamqtt.mqtt.profiles.sparkplug;

import java.util.List;
import java.util.Locale;

/** The data type numbers of Sparkplug 3.0 (section 6.4.16) and their names. */
final class DataTypes {

    static final int INT8 = 1;
    static final int INT16 = 2;
    static final int INT32 = 3;
    static final int INT64 = 4;
    static final int UINT8 = 5;
    static final int UINT16 = 6;
    static final int UINT32 = 7;
    static final int UINT64 = 8;
    static final int FLOAT = 9;
    static final int DOUBLE = 10;
    static final int BOOLEAN = 11;
    static final int STRING = 12;
    static final int DATETIME = 13;
    static final int TEXT = 14;
    static final int UUID = 15;
    static final int DATASET = 16;
    static final int BYTES = 17;
    static final int FILE = 18;
    static final int TEMPLATE = 19;
    static final int PROPERTYSET = 20;
    static final int PROPERTYSETLIST = 21;
    static final int INT8_ARRAY = 22;
    static final int BOOLEAN_ARRAY = 32;
    static final int STRING_ARRAY = 33;
    static final int DATETIME_ARRAY = 34;

    private static final List<String> NAMES = List.of("Unknown", "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16",
            "UInt32", "UInt64", "Float", "Double", "Boolean", "String", "DateTime", "Text", "UUID", "DataSet", "Bytes",
            "File", "Template", "PropertySet", "PropertySetList", "Int8Array", "Int16Array", "Int32Array",
            "Int64Array", "UInt8Array", "UInt16Array", "UInt32Array", "UInt64Array", "FloatArray", "DoubleArray",
            "BooleanArray", "StringArray", "DateTimeArray");

    private DataTypes() {
    }

    /** Whether Sparkplug 3.0 defines this number (0, "Unknown", is a placeholder, not a type). */
    static boolean known(int type) {
        return type > 0 && type < NAMES.size();
    }

    /** The type's name, or "data type number N" for one we do not know. */
    static String name(int type) {
        return known(type) ? NAMES.get(type) : "data type number " + Integer.toUnsignedString(type);
    }

    /** The number of a type name (ignoring case), or -1. */
    static int parse(String name) {
        for (int i = 1; i < NAMES.size(); i++) {
            if (NAMES.get(i).equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        return -1;
    }

    /** Element size in bytes of a numeric array type (22–31, 34), 0 for others. */
    static int arrayElementSize(int type) {
        return switch (type) {
            case 22, 26 -> 1;
            case 23, 27 -> 2;
            case 24, 28, 30 -> 4;
            case 25, 29, 31, 34 -> 8;
            default -> 0;
        };
    }

    /** Whether it is one of the array types (22–34). */
    static boolean array(int type) {
        return type >= INT8_ARRAY && type <= DATETIME_ARRAY;
    }

    static String lower(int type) {
        return name(type).toLowerCase(Locale.ROOT);
    }
}
