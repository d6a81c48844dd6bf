package org.scadamqtt.host.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Defence against DNS rebinding and cross-site writes through an operator's browser.
 *
 * <p>A page on another site can point its own host name at 127.0.0.1 (DNS rebinding); the browser
 * then sends that name in {@code Host}. So a request is served only when its {@code Host} is a
 * name this console is known by: {@code localhost} (and {@code *.localhost}), an IP address
 * literal (an address cannot be rebound), or a name the operator configured. Writes must also be
 * same-origin: a browser sends {@code Origin} (or at least {@code Referer}) with them, and its
 * host and port must be the {@code Host} asked for. Non-browser clients (curl, scripts) send
 * neither and pass.
 */
final class SameOriginGuard {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+(%[0-9a-zA-Z._~-]+)?]");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private final Set<String> names;

    /** @param hostNames further names the console is reached by (e.g. {@code scada.plant.example}) */
    SameOriginGuard(Collection<String> hostNames) {
        this.names = hostNames.stream().map(SameOriginGuard::normalName).filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The configured names, normalised (lower case, no trailing dot). */
    Set<String> names() {
        return names;
    }

    /** True when the {@code Host} header names this console; a request without one passes (HTTP/1.0 tools). */
    boolean hostAllowed(String hostHeader) {
        if (hostHeader == null) {
            return true;
        }
        Optional<String> name = hostName(hostHeader.trim());
        if (name.isEmpty()) {
            return false;
        }
        String n = name.get();
        return n.equals("localhost") || n.endsWith(".localhost") || IPV4.matcher(n).matches()
                || IPV6.matcher(n).matches() || names.contains(n);
    }

    /**
     * True when a write may proceed: no {@code Origin} and no {@code Referer} (not a browser), or
     * the one present names the same host and port as {@code Host}.
     */
    boolean sameOrigin(String hostHeader, String origin, String referer) {
        String source = origin != null ? origin : referer;
        if (source == null) {
            return true;
        }
        if (hostHeader == null) {
            return false;
        }
        try {
            URI uri = new URI(source.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                return false; // "null" (a sandboxed frame, a file), or something that is not a web page
            }
            int defaultPort = scheme.equals("https") ? 443 : 80;
            int sourcePort = uri.getPort() == -1 ? defaultPort : uri.getPort();
            String host = hostHeader.trim();
            Optional<String> hostName = hostName(host);
            int hostPort = port(host).orElse(defaultPort);
            return hostName.isPresent() && hostName.get().equals(normalName(uri.getHost())) && hostPort == sourcePort;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The name part of {@code host[:port]} or {@code [v6]:port}, normalised; empty when malformed. */
    private static Optional<String> hostName(String host) {
        String name;
        String rest;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            name = host.substring(0, end + 1);
            rest = host.substring(end + 1);
        } else {
            int colon = host.indexOf(':');
            name = colon < 0 ? host : host.substring(0, colon);
            rest = colon < 0 ? "" : host.substring(colon);
        }
        if (!rest.isEmpty() && !(rest.startsWith(":") && PORT.matcher(rest.substring(1)).matches())) {
            return Optional.empty();
        }
        name = normalName(name);
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static Optional<Integer> port(String host) {
        int colon = host.lastIndexOf(':');
        int bracket = host.lastIndexOf(']');
        if (colon < 0 || colon < bracket) {
            return Optional.empty();
        }
        String p = host.substring(colon + 1);
        return PORT.matcher(p).matches() ? Optional.of(Integer.parseInt(p)) : Optional.empty();
    }

    private static String normalName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
