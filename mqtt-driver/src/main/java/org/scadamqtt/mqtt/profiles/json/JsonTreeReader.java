package org.scadamqtt.mqtt.profiles.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads one JSON document into the same Jackson tree {@code ObjectMapper.readTree} builds with
 * default settings (ints as int/long/BigInteger nodes, floats as doubles, a repeated key keeps
 * its last value, null fields kept), straight from Jackson's streaming parser.
 *
 * <p>Why not {@code readTree}: it runs every payload through Jackson's general tree
 * deserializer, one very large method that the JIT compiles (and recompiles) for seconds of CPU
 * while a line starts taking messages, and that allocates a deserialization context per call.
 * This reader is a few small methods. Nesting depth, string and number sizes stay bounded by the
 * parser's own {@code StreamReadConstraints} (depth 1,000 by default), so the recursion is bounded.
 */
final class JsonTreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonFactory factory;

    JsonTreeReader(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * Reads one whole document; {@code null} when the input holds only white space.
     *
     * @throws IOException for bad JSON, including anything after the document
     */
    JsonNode read(byte[] payload) throws IOException {
        try (JsonParser p = factory.createParser(payload)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            JsonNode root = value(p, t);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                // a second document or stray text: '{"a":1} x' would hide a broken sender
                throw new JsonParseException(p, "Trailing token (" + trailing
                        + ") after the JSON document; a payload must hold exactly one document");
            }
            return root;
        }
    }

    /** The value that starts with token {@code t}, as a whole tree. */
    JsonNode value(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new JsonParseException(p, "Unexpected end of input");
        }
        switch (t) {
            case START_OBJECT:
                return object(p);
            case START_ARRAY:
                return array(p);
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return integer(p);
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NULL:
                return NullNode.instance;
            default:
                throw new JsonParseException(p, "Unexpected token (" + t + ")");
        }
    }

    private static JsonNode integer(JsonParser p) throws IOException {
        switch (p.getNumberType()) {
            case INT:
                return NODES.numberNode(p.getIntValue());
            case LONG:
                return NODES.numberNode(p.getLongValue());
            default:
                return NODES.numberNode(p.getBigIntegerValue());
        }
    }

    private ObjectNode object(JsonParser p) throws IOException {
        ObjectNode node = NODES.objectNode();
        String name;
        while ((name = p.nextFieldName()) != null) {
            node.replace(name, value(p, p.nextToken()));
        }
        JsonToken end = p.currentToken();
        if (end != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "Unexpected token (" + end + ") in an object");
        }
        return node;
    }

    private ArrayNode array(JsonParser p) throws IOException {
        ArrayNode node = NODES.arrayNode();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new JsonParseException(p, "Unexpected end of input in an array");
            }
            node.add(value(p, t));
        }
        return node;
    }
}
