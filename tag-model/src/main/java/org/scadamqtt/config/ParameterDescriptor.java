package org.scadamqtt.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Describes one configuration parameter: the single source from which the loader checks values
 * and the configuration reference is generated.
 *
 * @param name        the camelCase name used in XML ({@code <param name="topicFilter">})
 * @param d2000Name   the name in the D2000 documentation ("Topic Filter"), empty when new here
 * @param type        how the text is read
 * @param defaultText the default as written in a file; null when there is none
 * @param min         lowest allowed number (INTEGER, SECONDS), or null
 * @param max         highest allowed number (INTEGER, SECONDS), or null
 * @param choices     canonical choices for CHOICE, mapped from each accepted spelling (lower case)
 * @param repeatable  whether the parameter may be given more than once (topicFilter)
 * @param scope       line or station
 * @param description one or two sentences for the reference
 */
public record ParameterDescriptor(
        String name,
        String d2000Name,
        ParameterType type,
        String defaultText,
        BigDecimal min,
        BigDecimal max,
        Map<String, String> choices,
        boolean repeatable,
        ParameterScope scope,
        String description) {

    public ParameterDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        d2000Name = d2000Name == null ? "" : d2000Name;
        description = description == null ? "" : description;
        choices = choices == null ? Map.of() : Map.copyOf(choices);
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": a CHOICE parameter needs choices");
        }
    }

    /** Starts a descriptor; finish it with the builder's {@code build()}. */
    public static Builder builder(String name, ParameterType type, ParameterScope scope) {
        return new Builder(name, type, scope);
    }

    /** The canonical choices, sorted. */
    public List<String> canonicalChoices() {
        return choices.values().stream().distinct().sorted().toList();
    }

    /** The default, read as the parameter's type; null when there is no default. */
    public Object defaultValue() {
        return defaultText == null ? null : parse(defaultText);
    }

    /**
     * Reads a value written in a file.
     *
     * @throws IllegalArgumentException with a sentence naming the valid choices when it cannot
     */
    public Object parse(String text) {
        String t = text == null ? "" : text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        switch (type) {
            case BOOLEAN:
                switch (lower) {
                    case "yes": case "true": case "1": case "on": return Boolean.TRUE;
                    case "no": case "false": case "0": case "off": return Boolean.FALSE;
                    default: throw bad(t, "YES or NO (also true/false, 1/0, on/off)");
                }
            case QOS:
                switch (lower) {
                    case "qos_0": case "0": return 0;
                    case "qos_1": case "1": return 1;
                    case "qos_2": case "2": return 2;
                    default: throw bad(t, "QoS_0, QoS_1 or QoS_2 (also 0, 1, 2)");
                }
            case INTEGER: {
                BigDecimal n = number(t, "a whole number" + rangeText());
                if (n.stripTrailingZeros().scale() > 0) {
                    throw bad(t, "a whole number" + rangeText());
                }
                return n.longValueExact();
            }
            case SECONDS: {
                BigDecimal n = number(t, "a number of seconds" + rangeText());
                return Duration.ofNanos(n.movePointRight(9).longValue());
            }
            case CHOICE: {
                String canonical = choices.get(lower);
                if (canonical == null) {
                    throw bad(t, "one of " + String.join(", ", canonicalChoices())
                            + NameHint.didYouMean(t, canonicalChoices()));
                }
                return canonical;
            }
            case TEXT:
            case SECRET:
            default:
                return text == null ? "" : text;
        }
    }

    /** How a value of this parameter may be shown in logs and diagnostics (secrets masked). */
    public String display(Object value) {
        if (type == ParameterType.SECRET) {
            return value == null || value.toString().isEmpty() ? "" : "******";
        }
        return String.valueOf(value);
    }

    private BigDecimal number(String t, String expected) {
        BigDecimal n;
        try {
            n = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw bad(t, expected);
        }
        if ((min != null && n.compareTo(min) < 0) || (max != null && n.compareTo(max) > 0)) {
            throw bad(t, expected);
        }
        return n;
    }

    private String rangeText() {
        if (min != null && max != null) {
            return " from " + min.toPlainString() + " to " + max.toPlainString();
        }
        if (min != null) {
            return " of at least " + min.toPlainString();
        }
        if (max != null) {
            return " of at most " + max.toPlainString();
        }
        return "";
    }

    private IllegalArgumentException bad(String found, String expected) {
        String shown = type == ParameterType.SECRET ? "******" : found;
        return new IllegalArgumentException("parameter '" + name + "' has value '" + shown + "'; expected " + expected);
    }

    /** Builds a {@link ParameterDescriptor}; every setter returns the builder. */
    public static final class Builder {
        private final String name;
        private final ParameterType type;
        private final ParameterScope scope;
        private String d2000Name = "";
        private String defaultText;
        private BigDecimal min;
        private BigDecimal max;
        private final Map<String, String> choices = new LinkedHashMap<>();
        private boolean repeatable;
        private String description = "";

        private Builder(String name, ParameterType type, ParameterScope scope) {
            this.name = name;
            this.type = type;
            this.scope = scope;
        }

        public Builder d2000(String d2000) { this.d2000Name = d2000; return this; }
        public Builder defaultText(String d) { this.defaultText = d; return this; }
        public Builder range(String lo, String hi) {
            this.min = lo == null ? null : new BigDecimal(lo);
            this.max = hi == null ? null : new BigDecimal(hi);
            return this;
        }
        /** Adds a canonical choice and the other spellings accepted for it. */
        public Builder choice(String canonical, String... aliases) {
            choices.put(canonical.toLowerCase(Locale.ROOT), canonical);
            for (String a : aliases) {
                choices.put(a.toLowerCase(Locale.ROOT), canonical);
            }
            return this;
        }
        public Builder repeatable() { this.repeatable = true; return this; }
        public Builder description(String d) { this.description = d; return this; }

        public ParameterDescriptor build() {
            ParameterDescriptor d = new ParameterDescriptor(name, d2000Name, type, defaultText, min, max,
                    choices, repeatable, scope, description);
            if (defaultText != null) {
                d.parse(defaultText); // a wrong default is a programming error: fail at once
            }
            return d;
        }
    }
}
