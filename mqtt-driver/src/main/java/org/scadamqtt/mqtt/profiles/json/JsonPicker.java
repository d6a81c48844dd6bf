package org.scadamqtt.mqtt.profiles.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collection;
import org.scadamqtt.mqtt.profile.JsonPath;

/**
 * Reads one JSON document keeping only the branches a station's paths reach: every token is still
 * parsed (a broken payload is refused as before), but subtrees no path needs are skipped without
 * building nodes. Each path finds in the result exactly what it finds in the whole document;
 * skipped array elements before a kept one are kept as placeholders so indexes stay right.
 * {@link JsonByteReader} reads the payload first; what it leaves aside Jackson's parser reads.
 * Immutable, thread-safe.
 */
final class JsonPicker {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonFactory factory;
    private final JsonTreeReader whole;
    private final PickLevel root;
    private final boolean bytesFirst;

    JsonPicker(JsonFactory factory, Collection<JsonPath> paths) {
        this.factory = factory;
        this.whole = new JsonTreeReader(factory);
        this.root = PickLevel.of(paths);
        this.bytesFirst = root.namesRoundTrip();
    }

    /** Like {@link JsonTreeReader#read}, keeping only what the paths reach. */
    JsonNode read(byte[] payload) throws IOException {
        JsonNode direct = bytesFirst ? JsonByteReader.read(payload, root) : null;
        return direct != null ? direct : readWithJackson(payload);
    }

    /** The same with Jackson's parser: for what {@link JsonByteReader} leaves to it. */
    JsonNode readWithJackson(byte[] payload) throws IOException {
        try (JsonParser p = factory.createParser(payload)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            JsonNode doc = value(p, t, root);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new JsonParseException(p, "Trailing token (" + trailing
                        + ") after the JSON document; a payload must hold exactly one document");
            }
            return doc;
        }
    }

    private JsonNode value(JsonParser p, JsonToken t, PickLevel level) throws IOException {
        if (level.whole) {
            return whole.value(p, t);
        }
        if (t == JsonToken.START_OBJECT) {
            ObjectNode node = NODES.objectNode();
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                PickLevel next = level.field(name);
                if (next == null) {
                    skip(p, v);
                } else {
                    node.replace(name, value(p, v, next));
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new JsonParseException(p, "Unexpected token (" + p.currentToken() + ") in an object");
            }
            return node;
        }
        if (t == JsonToken.START_ARRAY) {
            ArrayNode node = NODES.arrayNode();
            JsonToken v;
            int i = 0;
            while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                if (v == null) {
                    throw new JsonParseException(p, "Unexpected end of input in an array");
                }
                PickLevel next = level.index(i++);
                if (next == null) {
                    skip(p, v);
                    node.add(NullNode.instance); // keeps the indexes of later elements
                } else {
                    node.add(value(p, v, next));
                }
            }
            return node;
        }
        return whole.value(p, t);
    }

    private static void skip(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new JsonParseException(p, "Unexpected end of input");
        }
        p.skipChildren(); // still reads every token of the subtree: syntax errors are found
    }
}
