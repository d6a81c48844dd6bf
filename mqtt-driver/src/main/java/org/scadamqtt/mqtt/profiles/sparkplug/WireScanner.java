package org.scadamqtt.mqtt.profiles.sparkplug;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * Finds where a protobuf payload goes wrong, for a sentence a SCADA engineer can act on
 * ("at byte 23 of 30, field metrics.string_value says it has 12 bytes but 5
 * remain"). protobuf-java's own exception says what but not where. Walks the wire format with
 * our declarations, so positions are absolute byte offsets counted from 0.
 */
final class WireScanner {

    private static final int MAX_DEPTH = 100;

    private static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String text) {
            super(text, null, false, false);
        }
    }

    private WireScanner() {
    }

    /** The first problem, as a sentence; null when the wire format is sound. */
    static String firstProblem(byte[] bytes, Descriptor root) {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        try {
            message(in, root, "", 0, bytes.length);
            return null;
        } catch (Problem p) {
            return p.getMessage();
        }
    }

    private static void message(CodedInputStream in, Descriptor d, String path, int depth, int size)
            throws Problem {
        if (depth > MAX_DEPTH) {
            throw new Problem("at byte " + in.getTotalBytesRead() + " of " + size + ", messages are nested more than "
                    + MAX_DEPTH + " deep");
        }
        while (true) {
            int at = in.getTotalBytesRead();
            int tag;
            try {
                if (in.isAtEnd()) {
                    return;
                }
                tag = in.readTag();
            } catch (IOException e) {
                throw new Problem("at byte " + at + " of " + size + ", a field key is cut off or invalid"
                        + inside(path));
            }
            int number = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            FieldDescriptor f = d == null ? null : d.findFieldByNumber(number);
            String name = path + (f == null ? "field " + number : f.getName());
            if (wireType == 6 || wireType == 7) {
                throw new Problem("at byte " + at + " of " + size + ", field " + name + " has wire type " + wireType
                        + ", which does not exist");
            }
            if (wireType == WireFormat.WIRETYPE_END_GROUP) {
                throw new Problem("at byte " + at + " of " + size + ", an end-of-group marker (field " + number
                        + ") appears without its group");
            }
            if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int lengthAt = in.getTotalBytesRead();
                int length;
                try {
                    length = in.readRawVarint32();
                } catch (IOException e) {
                    throw new Problem("at byte " + lengthAt + " of " + size + ", the length of field " + name
                            + " is cut off or invalid");
                }
                int left = in.getBytesUntilLimit() < 0 ? size - in.getTotalBytesRead() : in.getBytesUntilLimit();
                if (length < 0 || length > left) {
                    throw new Problem("at byte " + lengthAt + " of " + size + ", field " + name + " says it has "
                            + Integer.toUnsignedString(length) + " bytes but only " + left + " remain"
                            + inside(path));
                }
                if (f != null && f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    int old;
                    try {
                        old = in.pushLimit(length);
                    } catch (IOException e) {
                        throw new Problem("at byte " + lengthAt + " of " + size + ", field " + name
                                + " is longer than the message holding it");
                    }
                    message(in, f.getMessageType(), name + ".", depth + 1, size);
                    in.popLimit(old);
                } else {
                    skip(in, tag, at, name, size);
                }
                continue;
            }
            skip(in, tag, at, name, size);
        }
    }

    private static void skip(CodedInputStream in, int tag, int at, String name, int size) throws Problem {
        try {
            if (!in.skipField(tag)) {
                throw new Problem("at byte " + at + " of " + size + ", field " + name + " ends a group that was not "
                        + "started");
            }
        } catch (IOException e) {
            throw new Problem("at byte " + at + " of " + size + ", field " + name + " is cut off or invalid");
        }
    }

    private static String inside(String path) {
        return path.isEmpty() ? "" : " (inside " + path.substring(0, path.length() - 1) + ")";
    }
}
