package org.scadamqtt.host.tty;

import java.io.PrintStream;
import org.scadamqtt.host.tags.HostApi;
import org.scadamqtt.host.tags.HostListener;
import org.scadamqtt.host.tags.LineEntry;
import org.scadamqtt.host.tags.StationEntry;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.TagValue;

/**
 * {@code --console log}: one line per change on standard output, for piping into grep or a file.
 * Lines are {@code key=value} pairs after a timestamp and a kind ({@code TAG}, {@code STATION},
 * {@code LINE}); the value is last. Text (values, details, reasons) is written as a JSON string:
 * quoted, with every control character escaped, so one change is always one line and a payload
 * cannot send escape sequences to the terminal or forge a line.
 *
 * <pre>
 * 2024-05-01T12:00:00.123Z TAG tag=Meter1_Power station=Meter1 quality=GOOD time=2024-05-01T12:00:00.100Z value=12.5
 * </pre>
 */
public final class LogConsole implements AutoCloseable {

    private final AutoCloseable subscription;

    private LogConsole(AutoCloseable subscription) {
        this.subscription = subscription;
    }

    /** Starts printing every change of {@code api} to {@code out}. */
    public static LogConsole start(HostApi api, PrintStream out) {
        HostListener listener = new HostListener() {
            @Override
            public void tagChanged(TagEntry tag) {
                out.println(tagLine(tag));
            }

            @Override
            public void stationChanged(StationEntry s) {
                out.println(ValueText.iso(java.time.Instant.now()) + " STATION station=" + TerminalText.printable(s.name())
                        + " line=" + TerminalText.printable(s.line()) + " state=" + s.state()
                        + (s.reason().isEmpty() ? "" : " reason=" + TerminalText.jsonString(s.reason())));
            }

            @Override
            public void lineChanged(LineEntry l) {
                out.println(ValueText.iso(java.time.Instant.now()) + " LINE line=" + TerminalText.printable(l.name())
                        + " state=" + l.status().state()
                        + (l.status().broker().isEmpty() ? "" : " broker=" + TerminalText.printable(l.status().broker()))
                        + (l.status().reason().isEmpty() ? "" : " reason=" + TerminalText.jsonString(l.status().reason())));
            }
        };
        return new LogConsole(api.subscribe(listener));
    }

    /** The printed line of one tag change. */
    static String tagLine(TagEntry tag) {
        TagValue v = tag.value();
        StringBuilder sb = new StringBuilder(128);
        sb.append(ValueText.iso(v.receiveTime())).append(" TAG tag=").append(TerminalText.printable(tag.name()))
                .append(" station=").append(TerminalText.printable(tag.station()))
                .append(" quality=").append(ValueText.quality(v)).append(" time=").append(ValueText.iso(v.sourceTime()));
        if (!v.isGood() && !v.detail().isEmpty()) {
            sb.append(" detail=").append(TerminalText.jsonString(v.detail()));
        }
        sb.append(" value=").append(ValueText.value(v));
        return sb.toString();
    }

    /** Stops printing. */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // the tag table's handle only removes a listener; nothing to report to the operator
        }
    }
}
