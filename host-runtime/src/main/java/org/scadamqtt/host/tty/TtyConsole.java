package org.scadamqtt.host.tty;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.scadamqtt.host.tags.HostApi;
import org.scadamqtt.host.tags.LineEntry;
import org.scadamqtt.host.tags.TagEntry;

/**
 * {@code --console tty}: a live table of lines and tags that fits 80 columns, redrawn once a
 * second with ANSI escape codes (cursor home, clear). Rows beyond the terminal height are cut with
 * a note; the web console shows everything.
 */
public final class TtyConsole implements AutoCloseable {

    static final int WIDTH = 80;
    private static final String HOME_AND_CLEAR = "\u001b[H\u001b[2J";

    private final HostApi api;
    private final PrintStream out;
    private final String banner;
    private final int maxRows;
    private final ScheduledExecutorService timer;

    private TtyConsole(HostApi api, PrintStream out, String banner, int maxRows) {
        this.api = api;
        this.out = out;
        this.banner = banner;
        this.maxRows = maxRows;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tty-console");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts redrawing.
     *
     * @param banner a line shown at the top (e.g. the web console address); may be empty
     */
    public static TtyConsole start(HostApi api, PrintStream out, String banner) {
        TtyConsole c = new TtyConsole(api, out, banner, terminalRows() - 6);
        c.timer.scheduleWithFixedDelay(c::redraw, 0, 1, TimeUnit.SECONDS);
        return c;
    }

    private void redraw() {
        try {
            out.print(HOME_AND_CLEAR + render());
            out.flush();
        } catch (RuntimeException e) {
            // a drawing problem must not end the redraw timer
            out.println("console error: " + TerminalText.printable(e.toString()));
        }
    }

    /** The whole screen as text; every line at most 80 columns. */
    String render() {
        StringBuilder sb = new StringBuilder(4096);
        line(sb, "scada-mqtt host" + (banner.isEmpty() ? "" : "   " + banner));
        for (LineEntry l : api.lines()) {
            var st = l.status();
            // a reason may quote a broker's or payload's text: printable, so it cannot drive the terminal
            line(sb, "line " + TerminalText.printable(l.name()) + ": " + st.state() + " " + TerminalText.printable(st.broker())
                    + (st.reason().isEmpty() ? "" : " (" + TerminalText.printable(st.reason()) + ")")
                    + "  in=" + st.counters().messagesIn() + " out=" + st.counters().messagesOut()
                    + " err=" + st.counters().errors());
        }
        // 22 + 1 + 22 + 1 + 20 + 1 + 12 = 79 columns
        line(sb, ValueText.fit("TAG", 22) + " " + ValueText.fit("VALUE", 22) + " "
                + ValueText.fit("QUALITY", 20) + " " + "TIME");
        List<TagEntry> tags = api.tags();
        int shown = 0;
        for (TagEntry t : tags) {
            if (shown >= Math.max(1, maxRows)) {
                line(sb, "... " + (tags.size() - shown) + " more tags (see the web console)");
                break;
            }
            line(sb, ValueText.fit(TerminalText.printable(t.name()), 22) + " " + ValueText.fit(ValueText.value(t.value()), 22) + " "
                    + ValueText.fit(ValueText.quality(t.value()), 20) + " " + ValueText.clock(t.value().sourceTime()));
            shown++;
        }
        line(sb, "Ctrl-C stops the host.");
        return sb.toString();
    }

    private static void line(StringBuilder sb, String text) {
        sb.append(text.length() > WIDTH - 1 ? text.substring(0, WIDTH - 2) + "~" : text).append('\n');
    }

    private static int terminalRows() {
        try {
            String lines = System.getenv("LINES");
            return lines == null ? 40 : Math.max(10, Integer.parseInt(lines.trim()));
        } catch (NumberFormatException e) {
            return 40;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
