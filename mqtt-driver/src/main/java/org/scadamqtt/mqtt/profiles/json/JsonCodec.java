package org.scadamqtt.mqtt.profiles.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.DecoderDefect;
import org.scadamqtt.mqtt.profile.JsonPath;

/**
 * Payload Type "JSON": the payload is parsed once into a Jackson tree that every JA= tag of the
 * station reads from. Bad input never throws: it yields a {@link Decoded#failure} whose error says
 * where the JSON went wrong ("payload is not valid JSON at line 1 column 7: ...").
 *
 * <p>Thread-safe: one shared {@link JsonFactory} (thread-safe once configured) and a
 * {@link JsonTreeReader} that builds the same tree as {@code ObjectMapper.readTree} at a fraction
 * of the JIT and allocation cost.
 */
public final class JsonCodec {

    /** The one instance; the shared reader is immutable. */
    public static final JsonCodec INSTANCE = new JsonCodec();

    /** Long parser messages are cut so a log line stays one readable line. */
    private static final int MAX_DETAIL = 200;

    // rejects anything after the document: '{"a":1} x' is not one JSON document; accepting it would hide a broken sender
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonTreeReader READER = new JsonTreeReader(FACTORY);
    // made once: a method reference on an instance written inside decode would be a new object per payload
    private static final DocumentReader WHOLE = READER::read;

    /** Prefer {@link #INSTANCE}; instances are interchangeable. */
    public JsonCodec() {
    }

    /** Decodes one payload; never throws. */
    public Decoded decode(byte[] payload) {
        return decode(payload, WHOLE);
    }

    /** What reads the bytes into a document (the whole tree, or the branches some paths reach). */
    @FunctionalInterface
    interface DocumentReader {
        JsonNode read(byte[] payload) throws IOException;
    }

    /** A decoder that builds only the branches these paths reach. */
    public java.util.function.Function<byte[], Decoded> decoderFor(java.util.Collection<JsonPath> paths) {
        DocumentReader picker = new JsonPicker(FACTORY, paths)::read;
        return payload -> decode(payload, picker);
    }

    private Decoded decode(byte[] payload, DocumentReader reader) {
        if (payload == null || payload.length == 0) {
            return Decoded.failure("payload is empty; a JSON document was expected");
        }
        try {
            JsonNode document = reader.read(payload);
            if (document == null || document.isMissingNode()) {
                return Decoded.failure("payload contains only white space; a JSON document was expected");
            }
            return Decoded.of(document);
        } catch (JsonProcessingException e) {
            return Decoded.failure("payload is not valid JSON" + where(e.getLocation()) + ": "
                    + shorten(e.getOriginalMessage()));
        } catch (IOException e) {
            // e.g. CharConversionException for bytes that are not UTF-8/16/32
            return Decoded.failure("payload is not valid JSON: " + shorten(e.getMessage()));
        } catch (RuntimeException e) {
            return DecoderDefect.failure("JSON payload of " + payload.length + " bytes", e);
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    private static String shorten(String message) {
        if (message == null || message.isBlank()) {
            return "no detail from the parser";
        }
        String oneLine = message.replaceAll("\\s*\\R\\s*", " ").trim();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
    }

    @Override
    public String toString() {
        return "JsonCodec";
    }
}
