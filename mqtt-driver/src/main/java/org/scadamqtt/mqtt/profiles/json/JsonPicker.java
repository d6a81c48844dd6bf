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
import java.util.HashMap;
import java.util.Map;
import org.scadamqtt.mqtt.profile.JsonPath;

/**
 * Reads one JSON document keeping only the branches a station's paths reach: every token is still
 * parsed (a broken payload is refused as before), but subtrees no path needs are skipped without
 * building nodes. Each path finds in the result exactly what it finds in the whole document;
 * skipped array elements are kept as placeholders so indexes stay right. Immutable, thread-safe.
 */
final class JsonPicker {

    /** Which fields and indexes of one level are needed; {@code whole}: the entire subtree. */
    private static final class Level {
        final Map<String, Level> fields = new HashMap<>();
        final Map<Integer, Level> indexes = new HashMap<>();
        boolean whole;
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonFactory factory;
    private final JsonTreeReader whole;
    private final Level root = new Level();

    JsonPicker(JsonFactory factory, Collection<JsonPath> paths) {
        this.factory = factory;
        this.whole = new JsonTreeReader(factory);
        for (JsonPath p : paths) {
            Level l = root;
            for (int i = 0; i < p.depth(); i++) {
                Object step = p.step(i);
                l = step instanceof String s ? l.fields.computeIfAbsent(s, k -> new Level())
                        : l.indexes.computeIfAbsent((Integer) step, k -> new Level());
            }
            l.whole = true;
        }
    }

    /** Like {@link JsonTreeReader#read}, keeping only what the paths reach. */
    JsonNode read(byte[] payload) throws IOException {
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

    private JsonNode value(JsonParser p, JsonToken t, Level level) throws IOException {
        if (level.whole) {
            return whole.value(p, t);
        }
        if (t == JsonToken.START_OBJECT) {
            ObjectNode node = NODES.objectNode();
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                Level next = level.fields.get(name);
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
                Level next = level.indexes.get(i++);
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
