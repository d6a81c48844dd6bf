package org.scadamqtt.mqtt.profiles.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of an object {@link JsonByteReader} keeps: the few a station's paths go on through,
 * in insertion order like the {@code LinkedHashMap} of a Jackson {@code ObjectNode}, in one array
 * of key, value pairs instead of a hash table with one entry object per field. Keys are the path's own name strings,
 * so a lookup by the same path usually matches by identity. A complete {@code Map} (ObjectNode's
 * equality, printing and iteration use it); not thread-safe, like the map it replaces.
 */
final class PickedFields extends AbstractMap<String, JsonNode> {

    /** Field i: its name at [2i], its value at [2i + 1]. */
    private Object[] pairs;
    private int size;

    PickedFields(int capacity) {
        pairs = new Object[2 * Math.max(1, capacity)];
    }

    private String key(int i) {
        return (String) pairs[2 * i];
    }

    private JsonNode value(int i) {
        return (JsonNode) pairs[2 * i + 1];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (pairs[2 * i] == key) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (key(i).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public JsonNode get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : value(i);
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        Objects.requireNonNull(key, "key");
        int i = indexOf(key);
        if (i >= 0) {
            JsonNode old = value(i);
            pairs[2 * i + 1] = value;
            return old;
        }
        if (2 * size == pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[2 * size] = key;
        pairs[2 * size + 1] = value;
        size++;
        return null;
    }

    @Override
    public JsonNode remove(Object key) {
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        JsonNode old = value(i);
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        System.arraycopy(pairs, 2 * i + 2, pairs, 2 * i, 2 * (size - i - 1));
        size--;
        pairs[2 * size] = null;
        pairs[2 * size + 1] = null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        Arrays.fill(pairs, 0, 2 * size, null);
        size = 0;
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, JsonNode>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;
                    private int expected = size;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, JsonNode> next() {
                        if (expected != size) {
                            throw new ConcurrentModificationException();
                        }
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        last = next++;
                        int at = last;
                        return new SimpleEntry<>(key(at), value(at)) {
                            private static final long serialVersionUID = 1L;

                            @Override
                            public JsonNode setValue(JsonNode value) {
                                pairs[2 * at + 1] = value;
                                return super.setValue(value);
                            }
                        };
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException();
                        }
                        removeAt(last);
                        next = last;
                        last = -1;
                        expected = size;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
