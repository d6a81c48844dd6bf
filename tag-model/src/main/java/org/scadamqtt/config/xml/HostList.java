package org.scadamqtt.config.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.SourceLocation;

/**
 * Reads the {@code <host>} list: addresses separated by ',' or ';', primary first, each
 * {@code host}, {@code host:port}, {@code [ipv6]:port} or {@code scheme://host[:port][/path]}
 * with scheme tcp, ssl, ws or wss (mqtt, mqtts, tls also accepted).
 */
final class HostList {

    /** tcp, ssl, ws, wss, and the spellings mqtt (tcp), mqtts and tls (ssl) that brokers document. */
    static final List<String> SCHEMES = List.of("tcp", "ssl", "ws", "wss", "mqtt", "mqtts", "tls");

    private HostList() {
    }

    /** The trimmed entries; each problem found is added to {@code problems}. */
    static List<String> parse(String text, String lineName, SourceLocation at, List<ConfigProblem> problems) {
        List<String> hosts = new ArrayList<>();
        String all = text == null ? "" : text.strip();
        if (all.isEmpty()) {
            problems.add(new ConfigProblem(at, "EMPTY_HOST", "line '" + lineName + "' has no host; write the broker "
                    + "address, e.g. <host>broker.example</host> or <host>ssl://broker.example:8883</host>"));
            return hosts;
        }
        if (all.indexOf('@') >= 0) {
            // user:password@ in an address: nothing of the text is repeated, since a password may hold
            // ',', ';', '/' or ':' and any part of it could end up in a message, a log or a ticket
            problems.add(new ConfigProblem(at, "CREDENTIALS_IN_HOST", "line '" + lineName + "': the host contains "
                    + "a user name or password (user:password@...); an address never carries them. Write only the "
                    + "address, e.g. <host>tcp://broker.example:1883</host>, and give the user name and password as "
                    + "the userName and password parameters (${env:NAME} or ${file:PATH} keep them out of the file)"));
            return hosts;
        }
        String[] parts = all.split("[,;]", -1);
        for (int i = 0; i < parts.length; i++) {
            String h = parts[i].strip();
            if (h.isEmpty()) {
                problems.add(new ConfigProblem(at, "EMPTY_HOST", "line '" + lineName + "': host list '" + all
                        + "' has an empty entry at position " + (i + 1) + "; separate hosts by one ',' or ';'"));
                continue;
            }
            String problem = check(h);
            if (problem != null) {
                problems.add(new ConfigProblem(at, "BAD_HOST", "line '" + lineName + "': host '" + h + "' " + problem));
                continue;
            }
            hosts.add(h);
        }
        return hosts;
    }

    /** Null when the address is usable, else what is wrong with it. */
    static String check(String h) {
        String rest = h;
        int sep = h.indexOf("://");
        if (sep >= 0) {
            String scheme = h.substring(0, sep).toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme)) {
                return "has scheme '" + h.substring(0, sep) + "'; valid schemes are tcp://, ssl://, ws:// and wss:// "
                        + "(also mqtt:// for tcp, mqtts:// and tls:// for ssl)";
            }
            rest = h.substring(sep + 3);
            int slash = rest.indexOf('/');
            if (slash >= 0) {
                if (!scheme.startsWith("ws")) {
                    return "has a path; only ws:// and wss:// addresses may have one";
                }
                rest = rest.substring(0, slash);
            }
        }
        for (int i = 0; i < rest.length(); i++) {
            if (Character.isWhitespace(rest.charAt(i))) {
                return "contains a space; separate several hosts by ',' or ';'";
            }
        }
        String host = rest;
        String port = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                return "opens an IPv6 address with '[' but does not close it with ']'";
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    return "has text after the IPv6 address; expected [address]:port";
                }
                port = after.substring(1);
            }
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon >= 0) {
                if (rest.indexOf(':') != colon) {
                    return "looks like an IPv6 address; write it in brackets, e.g. [::1]:1883";
                }
                host = rest.substring(0, colon);
                port = rest.substring(colon + 1);
            }
        }
        if (host.isEmpty()) {
            return "names no host";
        }
        if (port != null && !validPort(port)) {
            return "has port '" + port + "'; a port is a number from 1 to 65535";
        }
        return null;
    }

    static boolean validPort(String p) {
        if (p.isEmpty() || p.length() > 5) {
            return false;
        }
        for (int i = 0; i < p.length(); i++) {
            if (p.charAt(i) < '0' || p.charAt(i) > '9') {
                return false;
            }
        }
        int n = Integer.parseInt(p);
        return n >= 1 && n <= 65535;
    }
}
