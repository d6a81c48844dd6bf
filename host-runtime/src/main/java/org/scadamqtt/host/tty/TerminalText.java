package org.scadamqtt.host.tty;

/**
 * Text from outside (payload values, topics, broker messages, HTTP headers) made safe for a
 * terminal. A payload may carry ESC, OSC or CSI sequences that would retitle the operator's
 * window, move the cursor, hide lines or (on some terminals) answer back into the input; printed
 * raw they act on the terminal instead of being seen. Every control character is written as an
 * escape instead, so what the device sent stays visible and nothing reaches the terminal as a
 * command.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /**
     * {@code s} with every control character escaped the way JSON does ({@code \n}, {@code \r},
     * {@code \t}, {@code \}{@code u001b}); a backslash is doubled so an escape cannot be forged.
     * "null" for null.
     */
    public static String printable(String s) {
        if (s == null) {
            return "null";
        }
        if (isPlain(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        appendEscaped(sb, s, false);
        return sb.toString();
    }

    /**
     * {@code s} as a JSON string literal (in double quotes) that is also safe for a terminal:
     * besides what JSON requires, DEL, the C1 controls (0x80–0x9F; 0x9B is a one-byte CSI), line
     * and paragraph separators and bidirectional overrides are escaped as well. Any JSON parser
     * reads back the exact text.
     */
    public static String jsonString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append('"');
        appendEscaped(sb, s, true);
        return sb.append('"').toString();
    }

    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || mustEscape(c)) {
                return false;
            }
        }
        return true;
    }

    private static void appendEscaped(StringBuilder sb, String s, boolean quote) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '"' -> sb.append(quote ? "\\\"" : "\"");
                default -> {
                    if (mustEscape(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    /** C0, DEL and C1 controls, line/paragraph separators, and bidi embeddings, overrides and isolates. */
    private static boolean mustEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
