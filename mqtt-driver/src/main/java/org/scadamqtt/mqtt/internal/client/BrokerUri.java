package org.scadamqtt.mqtt.internal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scadamqtt.config.LineConfig;

/**
 * One broker address of a line, normalised to what Paho accepts ({@code tcp:// ssl:// ws:// wss://}).
 *
 * @param scheme tcp, ssl, ws or wss
 * @param host   host name or IP (IPv6 without brackets)
 * @param port   TCP port
 * @param path   WebSocket path ("/mqtt" when none given), empty for tcp/ssl
 */
public record BrokerUri(String scheme, String host, int port, String path) {

    /** Default port of plain MQTT (tcp, ws). */
    public static final int MQTT_PORT = 1883;
    /** Default port of MQTT over TLS (ssl, wss). */
    public static final int MQTTS_PORT = 8883;

    public BrokerUri {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("broker address has no host name");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("broker port " + port + " is outside 1..65535");
        }
    }

    /** Whether this address uses TLS. */
    public boolean tls() {
        return scheme.equals("ssl") || scheme.equals("wss");
    }

    /** Whether this address uses WebSockets. */
    public boolean webSocket() {
        return scheme.equals("ws") || scheme.equals("wss");
    }

    /** The URI Paho connects to, e.g. {@code ssl://broker:8883} or {@code ws://broker:80/mqtt}. */
    public String uri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + h + ":" + port + (webSocket() ? path : "");
    }

    @Override
    public String toString() {
        return uri();
    }

    /**
     * Reads one address. Accepted: {@code host}, {@code host:port}, {@code [v6]:port},
     * {@code scheme://host[:port][/path]} with scheme tcp, mqtt, ssl, tls, mqtts, ws, wss.
     *
     * @param text        the address as written in the configuration
     * @param defaultPort the line's port for addresses without one; 0 or less: 1883 (8883 for TLS).
     *                    A TLS address without a port on a line whose port is 1883 uses 8883.
     * @throws IllegalArgumentException with a sentence naming the bad address
     */
    public static BrokerUri parse(String text, int defaultPort) {
        return parse(text, defaultPort, false);
    }

    /**
     * Reads one address like {@link #parse(String, int)}; with {@code tlsByDefault} an address
     * without a scheme means {@code ssl://} (the line's payload profile says so).
     */
    public static BrokerUri parse(String text, int defaultPort, boolean tlsByDefault) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty broker address");
        }
        if (t.indexOf('@') >= 0) {
            // checked first and nothing of the text repeated: a password may hold '/', ':', ',' or ';' and
            // any other message about this address would quote part of it
            throw new IllegalArgumentException("a broker address contains a user name or password "
                    + "(user:password@...); write only the address and give the user name and password as the "
                    + "userName and password parameters");
        }
        String scheme = tlsByDefault ? "ssl" : "tcp";
        int sep = t.indexOf("://");
        if (sep >= 0) {
            scheme = switch (t.substring(0, sep).toLowerCase(Locale.ROOT)) {
                case "tcp", "mqtt" -> "tcp";
                case "ssl", "tls", "mqtts" -> "ssl";
                case "ws" -> "ws";
                case "wss" -> "wss";
                default -> throw new IllegalArgumentException("broker address '" + t + "' has an unknown scheme '"
                        + t.substring(0, sep) + "'; use tcp://, ssl://, ws:// or wss://");
            };
            t = t.substring(sep + 3);
        }
        String path = "";
        int slash = t.indexOf('/');
        if (slash >= 0) {
            path = t.substring(slash);
            t = t.substring(0, slash);
        }
        String host;
        String portText = null;
        if (t.startsWith("[")) {
            int end = t.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("broker address '" + text.strip() + "' has an unclosed '['");
            }
            host = t.substring(1, end);
            if (end + 1 < t.length()) {
                if (t.charAt(end + 1) != ':') {
                    throw new IllegalArgumentException("broker address '" + text.strip() + "' is not host:port");
                }
                portText = t.substring(end + 2);
            }
        } else {
            int colon = t.indexOf(':');
            if (colon >= 0 && colon != t.lastIndexOf(':')) {
                host = t; // bare IPv6 without port
            } else if (colon >= 0) {
                host = t.substring(0, colon);
                portText = t.substring(colon + 1);
            } else {
                host = t;
            }
        }
        boolean tls = scheme.equals("ssl") || scheme.equals("wss");
        int port;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("broker address '" + text.strip() + "' has a port '" + portText
                        + "' that is not a number");
            }
        } else if (defaultPort <= 0) {
            port = tls ? MQTTS_PORT : MQTT_PORT;
        } else if (tls && defaultPort == MQTT_PORT) {
            port = MQTTS_PORT;
        } else {
            port = defaultPort;
        }
        boolean ws = scheme.equals("ws") || scheme.equals("wss");
        if (ws && path.isEmpty()) {
            path = "/mqtt";
        }
        if (!ws) {
            if (!path.isEmpty() && !path.equals("/")) {
                throw new IllegalArgumentException("broker address '" + text.strip() + "' has a path; only ws:// "
                        + "and wss:// addresses may have one");
            }
            path = "";
        }
        try {
            return new BrokerUri(scheme, host, port, path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("broker address '" + text.strip() + "': " + e.getMessage());
        }
    }

    /**
     * All broker addresses of a line in order of preference (the first is the primary). Each
     * entry of {@link LineConfig#hosts()} may itself hold several addresses separated by ',' or ';'.
     */
    public static List<BrokerUri> of(LineConfig line) {
        return of(line, false);
    }

    /** All broker addresses of a line; with {@code tlsByDefault} addresses without a scheme are TLS. */
    public static List<BrokerUri> of(LineConfig line, boolean tlsByDefault) {
        List<BrokerUri> result = new ArrayList<>();
        for (String entry : line.hosts()) {
            for (String one : entry.split("[,;]")) {
                if (!one.isBlank()) {
                    result.add(parse(one, line.port(), tlsByDefault));
                }
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("line '" + line.name() + "' has no broker host");
        }
        return List.copyOf(result);
    }
}
