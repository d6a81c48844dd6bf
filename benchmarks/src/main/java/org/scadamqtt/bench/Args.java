package org.scadamqtt.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} / {@code --name=value} command-line options, checked against the names a tool knows. */
public final class Args {

    private final Map<String, String> values = new LinkedHashMap<>();

    private Args() {
    }

    /**
     * Parses {@code args}; a name not in {@code known} or a missing value throws with a sentence
     * listing the valid names. A lone {@code --flag} followed by another option is "true".
     */
    public static Args parse(String[] args, Set<String> known) {
        Args a = new Args();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options are --" + String.join(" --", known));
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; options are --" + String.join(" --", known));
            }
            a.values.put(name, value);
        }
        return a;
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, found '" + v + "'");
        }
    }

    public double decimal(String name, double fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, found '" + v + "'");
        }
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }
}
