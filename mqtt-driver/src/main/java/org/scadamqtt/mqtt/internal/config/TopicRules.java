package org.scadamqtt.mqtt.internal.config;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Syntax of MQTT topic filters, topic names and station addresses, as sentences for the
 * configuration checks ({@code null} means "fine").
 */
final class TopicRules {

    private TopicRules() {
    }

    /**
     * Checks a subscription filter: '+' fills a whole level, '#' only as the last level;
     * {@code $share/GROUP/FILTER} is a shared subscription.
     */
    static String filterProblem(String filter) {
        if (filter.isEmpty()) {
            return "is empty; write a topic filter such as plant/# or #";
        }
        String f = filter;
        if (f.startsWith("$share/")) {
            int slash = f.indexOf('/', 7);
            if (slash < 0 || slash == 7 || slash == f.length() - 1) {
                return "is not a shared subscription of the form $share/GROUP/FILTER";
            }
            String group = f.substring(7, slash);
            if (group.contains("+") || group.contains("#")) {
                return "has a wildcard in its share group name";
            }
            f = f.substring(slash + 1);
        }
        String[] levels = f.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return "uses '#' other than as the whole last level (write a/# not a/b#)";
            }
            if (level.contains("+") && !level.equals("+")) {
                return "uses '+' other than as a whole level (write a/+/c not a/b+/c)";
            }
        }
        return f.indexOf('\0') >= 0 ? "contains a NUL character" : null;
    }

    /** Checks a topic a message is published to: no wildcards. */
    static String topicNameProblem(String topic) {
        if (topic.isEmpty()) {
            return "is empty";
        }
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            return "contains a wildcard ('+' or '#'); messages are published to one topic";
        }
        return topic.indexOf('\0') >= 0 ? "contains a NUL character" : null;
    }

    /**
     * Checks a station address: {@code #}, {@code .*}, an exact topic or a regular expression.
     * An MQTT filter ({@code a/+/b}, {@code a/#}) would be read as a regular expression that
     * means something else, so it is refused with the regular expression to write instead.
     */
    static String stationAddressProblem(String address) {
        if (address.equals("#") || address.equals(".*")) {
            return null;
        }
        if (address.endsWith("/#") || address.contains("/+/") || address.startsWith("+/") || address.endsWith("/+")
                || address.equals("+")) {
            String regex = address.replace("/#", "/.*").replace("+", "[^/]+");
            return "looks like an MQTT topic filter; station addresses are topics or regular expressions: write '"
                    + regex + "' for the same topics (the line's topicFilter parameter is the MQTT filter)";
        }
        boolean validTopic = address.indexOf('#') < 0 && address.indexOf('+') < 0 && address.indexOf('\0') < 0;
        if (validTopic) {
            return null;
        }
        try {
            Pattern.compile(address);
            return null;
        } catch (PatternSyntaxException e) {
            return "is neither an MQTT topic (it contains '+' or '#') nor a valid regular expression ("
                    + e.getDescription() + " at position " + (e.getIndex() + 1) + ")";
        }
    }
}
