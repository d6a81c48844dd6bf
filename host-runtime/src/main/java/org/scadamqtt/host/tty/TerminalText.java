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
     * {@code \t}, {@code \}{@code u001b}); other text, backslashes included, as it is. "null"
     * for null.
     */
    public static String printable(String s) {
        return escape(s, false, false);
    }

    /**
     * Like {@link #printable(String)} but keeps line breaks and tabs: for text that is meant to
     * span lines, such as a stack trace. A lone carriage return is still escaped (it would let a
     * line overwrite the one before).
     */
    public static String printableLines(String s) {
        return escape(s, true, false);
    }

    /**
     * {@code s} as a JSON string literal (in double quotes) that is also safe for a terminal:
     * besides what JSON requires, DEL, the C1 controls (0x80–0x9F; 0x9B is a one-byte CSI), line
     * and paragraph separators and bidirectional overrides are escaped as well. Any JSON parser
     * reads back the exact text. "null" for null.
     */
    public static String jsonString(String s) {
        return s == null ? "null" : '"' + escape(s, false, true) + '"';
    }

    private static String escape(String s, boolean keepLines, boolean json) {
        if (s == null) {
            return "null";
        }
        if (isPlain(s, keepLines, json)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (keepLines && (c == '\t' || c == '\n' || (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n'))) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\\' -> sb.append(json ? "\\\\" : "\\");
                case '"' -> sb.append(json ? "\\\"" : "\"");
                default -> {
                    if (mustEscape(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static boolean isPlain(String s, boolean keepLines, boolean json) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((json && (c == '\\' || c == '"')) || (mustEscape(c) && !(keepLines && (c == '\n' || c == '\t')))) {
                return false;
            }
        }
        return true;
    }

    /** C0, DEL and C1 controls, line/paragraph separators, and bidi embeddings, overrides and isolates. */
    private static boolean mustEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
