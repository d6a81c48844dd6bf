package org.scadamqtt.mqtt.internal.client;

/** Masking of secrets in log lines and status texts. */
public final class Secrets {

    /** What a non-empty secret is shown as. */
    public static final String MASK = "****";

    private Secrets() {
    }

    /** "" for no secret (so "no password" stays visible), else {@value #MASK}. */
    public static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "" : MASK;
    }

    /** Replaces every occurrence of a non-empty secret inside a text (e.g. an exception message). */
    public static String scrub(String text, String... secrets) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String s : secrets) {
            if (s != null && s.length() >= 1) {
                result = result.replace(s, MASK);
            }
        }
        return result;
    }
}
