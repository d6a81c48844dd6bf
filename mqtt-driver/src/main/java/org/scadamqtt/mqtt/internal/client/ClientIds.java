package org.scadamqtt.mqtt.internal.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The default MQTT client identifier: {@code scada-<hostId>-<lineName>}, used when the clientId
 * parameter is absent. D2000 used one fixed string and two systems on one broker kicked each
 * other off; ours is unique per host and line and stable across restarts. A clientId given blank
 * is sent blank (the broker assigns one; Clean Session YES only).
 */
public final class ClientIds {

    /** The config error of a blank clientId with Clean Session NO. */
    public static final String BLANK_NEEDS_CLEAN_SESSION = "clientId is given blank, so the broker would assign "
            + "one, but MQTT 3.1.1 allows a blank client id only with Clean Session YES (a session the broker "
            + "keeps needs an id to find it again); set cleanSession YES, give a clientId, or remove the clientId "
            + "parameter for the default scada-<host id>-<line name>";

    /** MQTT 3.1.1 §3.1.3.1: every server must accept 1..23 characters [0-9a-zA-Z]. */
    public static final int PORTABLE_LENGTH = 23;
    private static final int HASH_CHARS = 8;

    private ClientIds() {
    }

    /**
     * Derives the identifier. Characters other than letters, digits, '-' and '_' become '_'.
     * When longer than 23 characters the front is kept and an 8-character hash of the full
     * host id and line name is appended, so the result stays unique and at most 23 long.
     */
    public static String derive(String hostId, String lineName) {
        String full = "scada-" + sanitise(hostId) + "-" + sanitise(lineName);
        if (full.length() <= PORTABLE_LENGTH) {
            return full;
        }
        String hash = hash(hostId + "\u0000" + lineName);
        String front = full.substring(0, PORTABLE_LENGTH - HASH_CHARS - 1);
        return front + "-" + hash;
    }

    static String sanitise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
