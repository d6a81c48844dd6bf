package org.scadamqtt.mqtt.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A D2000 {@code JA=} JSON address, compiled once and applied to every message. Part of the
 * profile seam: the core reads a profile's document with it, and a profile may use the paths a
 * station needs to decode less ({@link ProfileSession#decoderFor}).
 *
 * <p>Syntax (the text after {@code JA=}):
 * <ul>
 *   <li>{@code rx.current} — field {@code current} of object {@code rx};</li>
 *   <li>{@code rx.gwrxf[1].time} — array elements are counted from 1;</li>
 *   <li>{@code [1].batt_cell_v_avg} — the document itself is an array;</li>
 *   <li>{@code matrix[2][3]} — arrays of arrays;</li>
 *   <li>{@code ["key.with.dots"]}, {@code data["a [b]"].x} — a field name that contains {@code .},
 *       {@code [}, {@code ]}, starts or ends with a space, or is empty is written in double quotes
 *       inside brackets; inside the quotes {@code \"} is a quote and {@code \\} a backslash.</li>
 * </ul>
 * An unquoted field name is every character up to the next {@code .} or {@code [}; it may contain
 * inner spaces ({@code JA=Battery level}). Index 0, negative indexes, empty names ({@code a..b})
 * and unbalanced brackets are compile errors that name the position (counting from 1).
 *
 * <p>Immutable and thread-safe; {@link #find(JsonNode)} allocates nothing.
 */
public final class JsonPath {

    private final String text;
    /** One entry per step: a String is a field name, an Integer a 0-based array index. */
    private final Object[] steps;

    private JsonPath(String text, Object[] steps) {
        this.text = text;
        this.steps = steps;
    }

    /**
     * Compiles a path.
     *
     * @param path the address without the {@code JA=} prefix
     * @return the compiled path
     * @throws IllegalArgumentException with a sentence naming the position of the error
     */
    public static JsonPath compile(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("JSON address is empty; write a field name such as rx.current");
        }
        return new JsonPath(path, new Parser(path).parse());
    }

    /**
     * Finds the addressed node.
     *
     * @param root the message document (may be {@code null})
     * @return the node ({@link com.fasterxml.jackson.databind.node.NullNode} for an explicit JSON
     *         {@code null}), or {@code null} when the address is absent from this document, also
     *         when a step meets a value of another kind (a field of an array, an index of a number)
     */
    public JsonNode find(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            if (node == null) {
                return null;
            }
            if (step instanceof String) {
                node = node.isObject() ? node.get((String) step) : null;
            } else {
                node = node.isArray() ? node.get((Integer) step) : null;
            }
        }
        return node;
    }

    /** @return the path as written, without {@code JA=} */
    public String text() {
        return text;
    }

    /** @return the number of steps (fields and indexes) */
    public int depth() {
        return steps.length;
    }

    /**
     * One step of the path.
     *
     * @return a field name (String) or a 0-based array index (Integer)
     */
    public Object step(int i) {
        return steps[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPath && ((JsonPath) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "JA=" + text;
    }

    /** Hand-written recursive-descent parser; positions in messages count from 1. */
    private static final class Parser {
        private final String s;
        private int pos;
        private final List<Object> steps = new ArrayList<>();

        Parser(String s) {
            this.s = s;
        }

        Object[] parse() {
            if (s.charAt(0) == '.') {
                throw error(0, "starts with '.'; a field name must come first");
            }
            if (s.charAt(0) != '[') {
                name();
            }
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '[') {
                    bracket();
                } else if (c == '.') {
                    pos++;
                    if (pos >= s.length()) {
                        throw error(pos - 1, "ends with '.'; a field name must follow it");
                    }
                    name();
                } else {
                    throw error(pos, "has '" + c + "' after ']'; expected '.', '[' or the end");
                }
            }
            return steps.toArray();
        }

        private void name() {
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '.' || c == '[') {
                    break;
                }
                if (c == ']') {
                    throw error(pos, "has ']' without a matching '['");
                }
                if (c == '"') {
                    throw error(pos, "has '\"' in a field name; quote the whole name as [\"...\"]");
                }
                pos++;
            }
            if (pos == start) {
                throw error(start, "has an empty field name; write [\"\"] if the field name really is empty");
            }
            String name = s.substring(start, pos);
            if (Character.isWhitespace(name.charAt(0)) || Character.isWhitespace(name.charAt(name.length() - 1))) {
                throw error(start, "has field name '" + name + "' starting or ending with a space; "
                        + "remove the space, or write [\"" + name + "\"] if the field name really has it");
            }
            steps.add(name.intern()); // one instance per name: lookups in picked documents match by identity
        }

        private void bracket() {
            int open = pos;
            pos++; // '['
            if (pos < s.length() && s.charAt(pos) == '"') {
                quoted(open);
            } else {
                index(open);
            }
            if (pos >= s.length() || s.charAt(pos) != ']') {
                throw error(open, "has '[' without a matching ']'");
            }
            pos++;
        }

        private void index(int open) {
            int start = pos;
            boolean negative = pos < s.length() && s.charAt(pos) == '-';
            if (negative) {
                pos++;
            }
            int digitsStart = pos;
            long value = 0;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                value = Math.min(value * 10 + (s.charAt(pos) - '0'), Integer.MAX_VALUE + 1L);
                pos++;
            }
            if (pos == digitsStart) {
                if (pos < s.length() && s.charAt(pos) != ']') {
                    throw error(start, "has '" + s.charAt(pos) + "' inside [ ]; expected an index such as [1] "
                            + "or a quoted field name such as [\"a.b\"]");
                }
                throw error(open, "has an empty index []; indexes count from 1, e.g. [1]");
            }
            if (negative || value == 0) {
                throw error(start, "has index [" + s.substring(start, pos) + "]; indexes count from 1, "
                        + "so the first element is [1]");
            }
            if (value > Integer.MAX_VALUE) {
                throw error(start, "has index [" + s.substring(start, pos) + "], which is too large");
            }
            steps.add((int) value - 1);
        }

        private void quoted(int open) {
            pos++; // opening quote
            StringBuilder name = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error(open, "has a quoted field name without its closing '\"'");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    if (pos >= s.length() || (s.charAt(pos) != '"' && s.charAt(pos) != '\\')) {
                        throw error(pos - 1, "has '\\' in a quoted field name not followed by '\"' or '\\'; "
                                + "write \\\" for a quote and \\\\ for a backslash");
                    }
                    c = s.charAt(pos++);
                }
                name.append(c);
            }
            steps.add(name.toString().intern());
        }

        private IllegalArgumentException error(int index, String what) {
            return new IllegalArgumentException("JSON address '" + s + "' " + what + " (at position "
                    + (index + 1) + ")");
        }
    }
}
