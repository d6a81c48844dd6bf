package org.scadamqtt.host.tty;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.host.tags.HostApi;
import org.scadamqtt.host.tags.LineEntry;
import org.scadamqtt.host.tags.StationEntry;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.TagValue;

/**
 * {@code --console tty}: a live screen of lines, stations and tags, redrawn once a second with
 * ANSI escape codes (cursor home, clear), fitted to the terminal's real size (asked every
 * {@link #SIZE_EVERY_SECONDS} s, so a resized window is followed). Every line of the screen is cut
 * to the width at its end, where the least important text is: a line's counters come before its
 * broker and reason. Rows that do not fit are counted in a "more" line; the web console shows
 * everything.
 */
public final class TtyConsole implements AutoCloseable {

    /** The narrowest layout; a narrower terminal wraps nothing but cuts every line. */
    static final int MIN_WIDTH = 80;
    static final int SIZE_EVERY_SECONDS = 5;
    private static final String HOME_AND_CLEAR = "\u001b[H\u001b[2J";
    private static final int TAG = 20;
    private static final int QUALITY = 20;
    private static final int TIME = 12;
    /** An ISO time with milliseconds (TiA) is 24 characters: the value column is never narrower. */
    private static final int MIN_VALUE = 24;

    private final HostApi api;
    private final PrintStream out;
    private final String banner;
    private final Supplier<TerminalSize> sizes;
    private final ScheduledExecutorService timer;
    private TerminalSize size = TerminalSize.DEFAULT;
    private int redraws;

    private TtyConsole(HostApi api, PrintStream out, String banner, Supplier<TerminalSize> sizes) {
        this.api = api;
        this.out = out;
        this.banner = banner;
        this.sizes = sizes;
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
        return start(api, out, banner, TerminalSize::detect);
    }

    /** Starts redrawing with the terminal size from {@code sizes} (tests give a fixed one). */
    static TtyConsole start(HostApi api, PrintStream out, String banner, Supplier<TerminalSize> sizes) {
        TtyConsole c = new TtyConsole(api, out, banner, sizes);
        c.timer.scheduleWithFixedDelay(c::redraw, 0, 1, TimeUnit.SECONDS);
        return c;
    }

    private void redraw() {
        try {
            if (redraws++ % SIZE_EVERY_SECONDS == 0) {
                size = sizes.get();
            }
            out.print(HOME_AND_CLEAR + render(size));
            out.flush();
        } catch (RuntimeException e) {
            // a drawing problem must not end the redraw timer
            out.println("console error: " + TerminalText.printable(e.toString()));
        }
    }

    /** The whole screen for the size last asked. */
    String render() {
        return render(sizes.get());
    }

    /** The whole screen as text: at most {@code size.rows() - 1} lines, each shorter than the width. */
    String render(TerminalSize size) {
        int width = size.columns();
        int valueWidth = Math.max(MIN_VALUE, Math.max(MIN_WIDTH, width) - 1 - TAG - QUALITY - TIME - 3);
        List<LineEntry> lines = api.lines();
        List<StationEntry> stations = api.stations();
        List<TagEntry> tags = api.tags();
        // the last row stays empty (printing there scrolls the screen); banner, two headings and the footer are fixed
        int free = Math.max(2, size.rows() - 1 - 4 - lines.size());
        // stations take up to a third of the rest, tags the remainder; a cut list ends in a "more" row
        int stationBudget = Math.min(stations.size(), Math.max(1, free / 3));
        int stationRows = stationBudget < stations.size() ? stationBudget - 1 : stationBudget;
        int tagBudget = Math.max(1, free - stationBudget);
        int tagRows = tags.size() > tagBudget ? tagBudget - 1 : tags.size();

        StringBuilder sb = new StringBuilder(4096);
        row(sb, width, "scada-mqtt host" + (banner.isEmpty() ? "" : "   " + banner));
        for (LineEntry l : lines) {
            LineStatus st = l.status();
            // counters first: a long broker address or reason is cut, the counters never are
            row(sb, width, "line " + l.name() + ": " + st.state() + "  in=" + st.counters().messagesIn() + " out="
                    + st.counters().messagesOut() + " err=" + st.counters().errors() + "  " + st.broker()
                    + (st.reason().isEmpty() ? "" : " (" + st.reason() + ")"));
        }
        row(sb, width, ValueText.fit("STATION", TAG) + " " + ValueText.fit("LINE", 12) + " "
                + ValueText.fit("STATE", 10) + " REASON");
        for (int i = 0; i < stationRows; i++) {
            StationEntry s = stations.get(i);
            row(sb, width, ValueText.fit(s.name(), TAG) + " " + ValueText.fit(s.line(), 12) + " "
                    + ValueText.fit(s.state().name(), 10) + " " + s.reason());
        }
        if (stationRows < stations.size()) {
            row(sb, width, "... " + (stations.size() - stationRows) + " more stations (see the web console)");
        }
        row(sb, width, ValueText.fit("TAG", TAG) + " " + ValueText.fit("VALUE", valueWidth) + " "
                + ValueText.fit("QUALITY", QUALITY) + " TIME");
        for (int i = 0; i < tagRows; i++) {
            TagEntry t = tags.get(i);
            row(sb, width, ValueText.fit(t.name(), TAG) + " " + ValueText.fit(value(t.value()), valueWidth) + " "
                    + ValueText.fit(ValueText.quality(t.value()), QUALITY) + " " + ValueText.clock(t.value().sourceTime()));
        }
        if (tagRows < tags.size()) {
            row(sb, width, "... " + (tags.size() - tagRows) + " more tags (see the web console)");
        }
        row(sb, width, "Ctrl-C stops the host.");
        return sb.toString();
    }

    /** A time value (TiA, ToA) as ISO-8601 UTC with milliseconds: 24 characters, which the column takes. */
    private static String value(TagValue v) {
        return v.value() instanceof Instant i ? ValueText.iso(i) : ValueText.value(v);
    }

    private static void row(StringBuilder sb, int width, String raw) {
        // names, reasons and values may quote a broker's or a payload's text: printable, so they cannot drive the terminal
        String text = TerminalText.printable(raw);
        sb.append(text.length() > width - 1 ? text.substring(0, Math.max(0, width - 2)) + "~" : text).append('\n');
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
