package org.scadamqtt.mqtt.profiles.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An ObjectNode over PickedFields behaves as one over Jackson's own LinkedHashMap. */
class PickedFieldsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void objectNodeOverPickedFieldsEqualsPrintsAndIteratesLikeJacksonsOwn() {
        ObjectNode picked = new ObjectNode(NODES, new PickedFields(1));
        ObjectNode plain = NODES.objectNode();
        for (ObjectNode o : List.of(picked, plain)) {
            o.replace("b", IntNode.valueOf(1));
            o.replace("a", TextNode.valueOf("x"));
            o.replace(new String("b"), IntNode.valueOf(2)); // an equal key from elsewhere replaces
            o.replace("c", NODES.objectNode());
            o.remove("c");
            o.replace("d", IntNode.valueOf(4));
        }
        assertEquals(plain, picked);
        assertEquals(picked, plain);
        assertEquals(plain.hashCode(), picked.hashCode());
        assertEquals(plain.toString(), picked.toString());
        assertEquals("{\"b\":2,\"a\":\"x\",\"d\":4}", picked.toString());
        assertEquals(IntNode.valueOf(2), picked.get("b"));
        assertNull(picked.get("c"));
        assertFalse(picked.has("c"));
        assertTrue(picked.has("d"));
        assertEquals(3, picked.size());
    }

    @Test
    void entryIteratorRemovesAndSetsValues() {
        PickedFields f = new PickedFields(2);
        f.put("a", IntNode.valueOf(1));
        f.put("b", IntNode.valueOf(2));
        f.put("c", IntNode.valueOf(3));
        Iterator<Map.Entry<String, JsonNode>> it = f.entrySet().iterator();
        it.next().setValue(IntNode.valueOf(10));
        it.next();
        it.remove();
        List<String> seen = new ArrayList<>();
        it.forEachRemaining(e -> seen.add(e.getKey()));
        assertEquals(List.of("c"), seen);
        assertEquals(Map.of("a", IntNode.valueOf(10), "c", IntNode.valueOf(3)), f);
        f.clear();
        assertTrue(f.isEmpty());
    }
}
