package org.scadamqtt.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of one line or station after reading: every parameter of the descriptor table
 * has its value, the default where the file gave none. Values are typed as
 * {@link ParameterType} says. Immutable.
 *
 * @param descriptors the table the values were read against, by name
 * @param values      name to values (one element unless the parameter is repeatable)
 * @param locations   name to where the parameter is written (its first {@code <param>}); absent
 *                    for defaults and for values built in code
 */
public record ParameterValues(Map<String, ParameterDescriptor> descriptors, Map<String, List<Object>> values,
        Map<String, SourceLocation> locations) {

    public ParameterValues {
        descriptors = Map.copyOf(descriptors);
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        values = Map.copyOf(copy);
        locations = locations == null ? Map.of() : Map.copyOf(locations);
    }

    /** Values without locations (built in code). */
    public ParameterValues(Map<String, ParameterDescriptor> descriptors, Map<String, List<Object>> values) {
        this(descriptors, values, Map.of());
    }

    /** No parameters at all. */
    public static ParameterValues empty() {
        return new ParameterValues(Map.of(), Map.of());
    }

    /**
     * Reads raw texts against a table; unknown names and bad values are added to {@code problems}
     * at {@code where.get(name)} (or {@code fallback}). Missing parameters take their defaults.
     *
     * @param table    the descriptors
     * @param raw      name to the texts given for it, in file order
     * @param where    name to the location of its first occurrence
     * @param fallback location used when a name has none
     * @param problems where problems are collected
     */
    public static ParameterValues read(List<ParameterDescriptor> table, Map<String, List<String>> raw,
            Map<String, SourceLocation> where, SourceLocation fallback, List<ConfigProblem> problems) {
        Map<String, ParameterDescriptor> byName = new LinkedHashMap<>();
        table.forEach(d -> byName.put(d.name(), d));
        Map<String, List<Object>> values = new LinkedHashMap<>();
        raw.forEach((name, texts) -> {
            SourceLocation at = where.getOrDefault(name, fallback);
            ParameterDescriptor d = byName.get(name);
            if (d == null) {
                problems.add(new ConfigProblem(at, "UNKNOWN_PARAMETER", "unknown parameter '" + name + "'"
                        + NameHint.didYouMean(name, byName.keySet())
                        + "; valid parameters here are: " + String.join(", ", byName.keySet())));
                return;
            }
            if (texts.size() > 1 && !d.repeatable()) {
                problems.add(new ConfigProblem(at, "REPEATED_PARAMETER",
                        "parameter '" + name + "' is given " + texts.size() + " times; it may be given once"));
                return;
            }
            List<Object> parsed = new ArrayList<>();
            for (String text : texts) {
                try {
                    parsed.add(d.parse(text));
                } catch (IllegalArgumentException e) {
                    problems.add(new ConfigProblem(at, "BAD_VALUE", e.getMessage()));
                    return;
                }
            }
            values.put(name, parsed);
        });
        for (ParameterDescriptor d : table) {
            if (!values.containsKey(d.name()) && d.defaultText() != null) {
                values.put(d.name(), List.of(d.defaultValue()));
            }
        }
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        where.forEach((name, at) -> {
            if (values.containsKey(name) && at != null) {
                locations.put(name, at);
            }
        });
        return new ParameterValues(byName, values, locations);
    }

    /**
     * Where a parameter is written, so a problem with its value points at its {@code <param>};
     * {@code fallback} (the line or station) when it took its default.
     */
    public SourceLocation location(String name, SourceLocation fallback) {
        return locations.getOrDefault(name, fallback);
    }

    /** Whether the parameter has a value (given or default). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** All values of a (repeatable) parameter; empty when none. */
    public List<Object> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The value, or null when the parameter has neither a value nor a default. */
    public Object get(String name) {
        List<Object> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public boolean bool(String name) {
        return Boolean.TRUE.equals(get(name));
    }

    public int qos(String name) {
        return ((Integer) Objects.requireNonNull(get(name), name)).intValue();
    }

    public long integer(String name) {
        return ((Long) Objects.requireNonNull(get(name), name)).longValue();
    }

    public Duration seconds(String name) {
        return (Duration) Objects.requireNonNull(get(name), name);
    }

    /** Text value, "" when unset. */
    public String text(String name) {
        Object v = get(name);
        return v == null ? "" : v.toString();
    }

    /** The same values with some replaced (for reconfiguration and tests). */
    public ParameterValues with(String name, Object value) {
        Map<String, List<Object>> copy = new LinkedHashMap<>(values);
        copy.put(name, List.of(value));
        return new ParameterValues(descriptors, copy, locations);
    }

    /** name=value pairs for logs, secrets masked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        values.forEach((k, v) -> {
            ParameterDescriptor d = descriptors.get(k);
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(k).append('=');
            sb.append(d == null ? v : v.stream().map(d::display).toList());
        });
        return sb.append('}').toString();
    }
}
