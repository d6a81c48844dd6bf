package org.scadamqtt.mqtt.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.mqtt.MqttParameters;
import org.scadamqtt.mqtt.internal.client.SessionSettings;
import org.scadamqtt.mqtt.internal.profile.ProfileRegistry;
import org.scadamqtt.mqtt.profile.PayloadProfile;

/**
 * What in an MQTT line runs but probably not as meant: two stations with one address, a station
 * the line's topic filters never deliver to, an address that is not the regular expression it
 * looks like. Each is a {@link ConfigProblem.Severity#WARNING}: the line still starts. A warning
 * is given only when it is certain; an address whose reach cannot be decided gets none.
 */
final class MqttConfigWarnings {

    /** Characters that make an address a regular expression rather than a plain topic. */
    private static final String REGEX_CHARACTERS = "\\.[]{}()*+?^$|";

    private MqttConfigWarnings() {
    }

    /** The warnings of one line. */
    static List<ConfigProblem> of(LineConfig line) {
        List<ConfigProblem> warnings = new ArrayList<>();
        // what the line subscribes: its topicFilter values and those its profile adds (SessionSettings.subscribed)
        List<String> filters = SessionSettings.subscribed(line).stream().map(MqttConfigWarnings::withoutShareGroup)
                .toList();
        Map<String, StationConfig> byAddress = new LinkedHashMap<>();
        for (StationConfig s : line.stations()) {
            String address = s.address();
            if (address.isEmpty() || address.equals("#") || address.equals(".*")
                    || TopicRules.stationAddressProblem(address) != null) {
                continue; // catch-alls reach everything; errors are reported by the validator
            }
            StationConfig first = byAddress.putIfAbsent(address, s);
            if (first != null) {
                String winner = first.name().compareTo(s.name()) <= 0 ? first.name() : s.name();
                warnings.add(ConfigProblem.warning(s.location(), "DUPLICATE_STATION_ADDRESS", "station '" + s.name()
                        + "' has address '" + address + "' like station '" + first.name() + "' (" + first.location()
                        + "); only station '" + winner + "' (the name that sorts first) gets their messages"));
            }
            String regexError = regexError(address);
            if (regexError != null) {
                warnings.add(ConfigProblem.warning(s.location(), "ADDRESS_NOT_A_REGEX", "station '" + s.name()
                        + "': address '" + address + "' is not a valid regular expression (" + regexError
                        + "), so the station receives only the topic '" + address + "' itself; write '"
                        + escaped(address) + "' if that is meant, or correct the expression"));
            }
            // a station the profile routes by keys (a Wirepas node, a LoRaWAN device) is reached whatever its address
            if (receives(s) && !filters.isEmpty() && !reachable(address, regexError == null, filters)
                    && !routedByKeys(ProfileRegistry.standard().ofStation(line, s).orElse(null), s)) {
                warnings.add(ConfigProblem.warning(s.location(), "STATION_NOT_SUBSCRIBED", "station '" + s.name()
                        + "': no topic the line subscribes to (topicFilter " + String.join(", ", filters)
                        + ") can reach address '" + address + "', so the station never receives a message; add a "
                        + "topicFilter that covers it (e.g. '" + suggestedFilter(address) + "') or correct the "
                        + "address"));
            }
        }
        return warnings;
    }

    private static boolean routedByKeys(PayloadProfile profile, StationConfig s) {
        try {
            return profile != null && !profile.stationKeys(s).isEmpty();
        } catch (RuntimeException e) {
            return false; // a profile that cannot name the keys: judge the address as before
        }
    }

    /**
     * Whether the station needs messages: it has an input tag. A station of output tags only
     * (OUT_TOPIC, OUT_VALUE) publishes and may well have an address nobody subscribes to.
     */
    private static boolean receives(StationConfig s) {
        return s.tags().stream().anyMatch(t -> !t.type().isOutput());
    }

    /** The regular-expression error of an address that uses regular-expression characters, else null. */
    private static String regexError(String address) {
        if (!isRegex(address)) {
            return null;
        }
        try {
            Pattern.compile(address);
            return null;
        } catch (PatternSyntaxException e) {
            return e.getDescription() + " at position " + (e.getIndex() + 1);
        }
    }

    private static boolean isRegex(String address) {
        return address.chars().anyMatch(c -> REGEX_CHARACTERS.indexOf(c) >= 0);
    }

    private static String escaped(String address) {
        StringBuilder sb = new StringBuilder();
        for (char c : address.toCharArray()) {
            if (REGEX_CHARACTERS.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Whether some topic the filters deliver can reach the address: as its exact topic, or (a
     * valid expression) as a topic that starts with the expression's literal prefix. An
     * expression without a literal prefix may match anything: reachable.
     */
    static boolean reachable(String address, boolean validRegex, List<String> filters) {
        if (filters.stream().anyMatch(f -> TopicMatch.matches(f, address))) {
            return true;
        }
        if (!validRegex || !isRegex(address)) {
            return false;
        }
        String prefix = literalPrefix(address);
        return prefix.isEmpty() || filters.stream().anyMatch(f -> TopicMatch.canStartWith(f, prefix));
    }

    /** The characters every match of the expression begins with (up to the first special one). */
    static String literalPrefix(String regex) {
        if (regex.indexOf('|') >= 0) {
            return ""; // an alternative may start differently
        }
        int i = 0;
        while (i < regex.length() && REGEX_CHARACTERS.indexOf(regex.charAt(i)) < 0) {
            i++;
        }
        // 'ab?' or 'ab*' make the 'b' optional: it is not part of the prefix
        if (i < regex.length() && i > 0 && "?*{".indexOf(regex.charAt(i)) >= 0) {
            i--;
        }
        return regex.substring(0, i);
    }

    private static String suggestedFilter(String address) {
        String prefix = isRegex(address) ? literalPrefix(address) : address;
        int slash = prefix.lastIndexOf('/');
        return slash < 0 ? "#" : prefix.substring(0, slash) + "/#";
    }

    private static String withoutShareGroup(String filter) {
        if (filter.startsWith("$share/")) {
            int slash = filter.indexOf('/', 7);
            return slash < 0 ? filter : filter.substring(slash + 1);
        }
        return filter;
    }
}
