package org.scadamqtt.host.tty;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The size of the terminal the host runs in. {@code $LINES} and {@code $COLUMNS} are shell
 * variables, usually not exported to programs and never updated when the window is resized, so
 * the terminal itself is asked ({@code stty size} on {@code /dev/tty}); they are only the fallback,
 * then 24 × 80.
 *
 * @param rows    lines on the screen
 * @param columns characters per line
 */
public record TerminalSize(int rows, int columns) {

    /** The classic terminal, used when nothing better is known. */
    public static final TerminalSize DEFAULT = new TerminalSize(24, 80);

    /** The terminal's size now (a process is started: call it every few seconds, not per line). */
    public static TerminalSize detect() {
        return detect(TerminalSize::sttySize, System::getenv);
    }

    /**
     * The terminal's answer first, then the environment, then the default.
     *
     * @param stty        runs {@code stty size} on the terminal and returns what it printed, or null
     *                    when there is no terminal to ask
     * @param environment the environment variable of a name, or null
     */
    static TerminalSize detect(Supplier<String> stty, UnaryOperator<String> environment) {
        String answer = stty.get();
        TerminalSize size = answer == null ? null : parseStty(answer);
        return size != null ? size : fromEnvironment(environment.apply("LINES"), environment.apply("COLUMNS"));
    }

    /** From {@code $LINES}/{@code $COLUMNS} texts; the default for what is missing or not a number. */
    static TerminalSize fromEnvironment(String lines, String columns) {
        return new TerminalSize(number(lines, DEFAULT.rows()), number(columns, DEFAULT.columns()));
    }

    /** Parses the {@code "rows columns"} that {@code stty size} prints; null when it is not that. */
    static TerminalSize parseStty(String output) {
        String[] parts = output.trim().split("\\s+");
        if (parts.length != 2) {
            return null;
        }
        int rows = number(parts[0], 0);
        int columns = number(parts[1], 0);
        return rows > 0 && columns > 0 ? new TerminalSize(rows, columns) : null;
    }

    /** What {@code stty size} prints for {@code /dev/tty}, or null without a terminal or stty. */
    private static String sttySize() {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return null;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null; // no stty (Windows) or no controlling terminal
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int number(String text, int otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(text.trim());
            return n > 0 ? n : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
