package org.scadamqtt.host.sim;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Hand-written protobuf for the simulated Wirepas gateway, with protobuf-java's wire primitives
 * only: the host does not reach into the driver's generated classes. Field numbers are those of
 * the public Wirepas backend API (docs/profiles/wirepas.md).
 */
final class WirepasWire {

    /** One message being written, field by field. */
    static final class Message {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

        Message varint(int field, long value) {
            try {
                out.writeUInt64(field, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Message text(int field, String value) {
            try {
                out.writeString(field, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Message bytes(int field, byte[] value) {
            try {
                out.writeByteArray(field, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Message message(int field, Message inner) {
            return bytes(field, inner.toBytes());
        }

        byte[] toBytes() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }

    static final int ON = 1;
    static final int OFF = 2;
    static final int OK = 0;
    static final int INVALID_DEST_ADDRESS = 10;

    private WirepasWire() {
    }

    /** GenericMessage{wirepas{<field>: inner}}. */
    static byte[] generic(int wirepasField, Message inner) {
        return new Message().message(1, new Message().message(wirepasField, inner)).toBytes();
    }

    static Message eventHeader(String gw, String sink, long eventId, long timeMs) {
        Message h = new Message().text(1, gw);
        if (sink != null) {
            h.text(2, sink);
        }
        return h.varint(3, eventId).varint(4, timeMs);
    }

    static Message responseHeader(long reqId, String gw, String sink, int res) {
        Message h = new Message().varint(1, reqId).text(2, gw);
        if (sink != null && !sink.isEmpty()) {
            h.text(3, sink);
        }
        return h.varint(4, res);
    }

    /** What the simulator needs of a request: which one, its req_id, sink and destination. */
    record Request(int wirepasField, long reqId, String sink, long destination) {
    }

    /** Reads a request (GenericMessage with one wirepas request); null when it is not one. */
    static Request request(byte[] payload) {
        try {
            byte[] wirepas = field(payload, 1);
            if (wirepas == null) {
                return null;
            }
            CodedInputStream in = CodedInputStream.newInstance(wirepas);
            int tag = in.readTag();
            if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                return null;
            }
            int which = WireFormat.getTagFieldNumber(tag);
            byte[] req = in.readByteArray();
            byte[] header = field(req, 1);
            long reqId = header == null ? 0 : varint(header, 1);
            byte[] sink = header == null ? null : field(header, 2);
            return new Request(which, reqId, sink == null ? "" : new String(sink, java.nio.charset.StandardCharsets.UTF_8),
                    varint(req, 2));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] field(byte[] message, int number) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(message);
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) == number
                    && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                return in.readByteArray();
            }
            in.skipField(tag);
        }
        return null;
    }

    private static long varint(byte[] message, int number) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(message);
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) == number && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                return in.readUInt64();
            }
            in.skipField(tag);
        }
        return 0;
    }
}
