package org.scadamqtt.mqtt.internal.config;

/**
 * MQTT 3.1.1 topic filter matching (section 4.7), for the configuration checks: which topics a
 * subscription delivers. Filters are taken as valid (the validator reports bad ones).
 */
final class TopicMatch {

    private TopicMatch() {
    }

    /** Whether the broker delivers {@code topic} to a subscription of {@code filter}. */
    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        if (topic.startsWith("$") && isWildcard(f[0])) {
            return false; // 4.7.2: wildcards at the first level do not match topics starting with '$'
        }
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true; // also matches the parent level: a/# delivers a
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    /** Whether {@code filter} delivers at least one topic that begins with {@code prefix}. */
    static boolean canStartWith(String filter, String prefix) {
        String[] f = filter.split("/", -1);
        String[] p = prefix.split("/", -1);
        if (prefix.startsWith("$") && isWildcard(f[0])) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (i >= f.length) {
                return false;
            }
            if (f[i].equals("#")) {
                return true;
            }
            boolean last = i == p.length - 1;
            if (!f[i].equals("+") && !(last ? f[i].startsWith(p[i]) : f[i].equals(p[i]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWildcard(String level) {
        return level.equals("+") || level.equals("#");
    }
}
