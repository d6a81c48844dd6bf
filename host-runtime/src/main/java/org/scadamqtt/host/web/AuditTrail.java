package org.scadamqtt.host.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who changed what through the HTTP API: every write (tag, old and new value, result), every
 * station command and every request refused for a missing or wrong token, with time and client
 * address. Kept in memory (the newest {@link #CAPACITY}) for {@code GET /api/audit} and written to
 * the host log under the logger {@code org.scadamqtt.host.audit}. Thread-safe.
 */
final class AuditTrail {

    /** Entries kept in memory; older ones are only in the host log. */
    static final int CAPACITY = 1000;
    private static final Logger LOG = LoggerFactory.getLogger("org.scadamqtt.host.audit");
    private static final String OLD = "audit.old";
    private static final String NEW = "audit.new";

    /**
     * One audited request.
     *
     * @param time     when the host answered
     * @param client   the client's IP address
     * @param action   {@code write}, {@code station} or {@code refused}
     * @param target   tag or station name, or the refused request's method and path
     * @param oldValue the tag's value or the station's state before, or null
     * @param newValue the value or state asked for, or null
     * @param result   {@code OK} or the failure code ({@code UNAUTHORIZED}, {@code NOT_CONNECTED} …)
     * @param message  the sentence the client got, empty when OK
     */
    record Entry(Instant time, String client, String action, String target, Object oldValue, Object newValue,
            String result, String message) {
    }

    private final Clock clock;
    private final Deque<Entry> entries = new ArrayDeque<>();

    AuditTrail(Clock clock) {
        this.clock = clock;
    }

    /** Remembers, on the request, the values a later {@link #write} or {@link #station} reports. */
    static void before(Context ctx, Object oldValue, Object newValue) {
        ctx.attribute(OLD, oldValue);
        ctx.attribute(NEW, newValue);
    }

    void write(Context ctx, String tag, String result, String message) {
        add(ctx, "write", tag, result, message);
    }

    void station(Context ctx, String station, String result, String message) {
        add(ctx, "station", station, result, message);
    }

    void refused(Context ctx, String message) {
        add(ctx, "refused", ctx.method().name() + " " + ctx.path(), "UNAUTHORIZED", message);
    }

    private void add(Context ctx, String action, String target, String result, String message) {
        Entry e = new Entry(clock.instant(), ctx.ip(), action, target, ctx.attribute(OLD), ctx.attribute(NEW), result,
                message == null ? "" : message);
        synchronized (entries) {
            entries.addFirst(e);
            if (entries.size() > CAPACITY) {
                entries.removeLast();
            }
        }
        LOG.info("audit {} {} from {}: {} -> {} = {}{}", action, printable(target), e.client(),
                printable(String.valueOf(e.oldValue())), printable(String.valueOf(e.newValue())), result,
                e.message().isEmpty() ? "" : " (" + printable(e.message()) + ")");
    }

    /** Newest first. */
    List<Map<String, Object>> json() {
        List<Entry> copy;
        synchronized (entries) {
            copy = new ArrayList<>(entries);
        }
        return copy.stream().map(AuditTrail::json).toList();
    }

    private static Map<String, Object> json(Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", ApiJson.time(e.time()));
        m.put("client", e.client());
        m.put("action", e.action());
        m.put("target", e.target());
        m.put("oldValue", e.oldValue());
        m.put("newValue", e.newValue());
        m.put("result", e.result());
        m.put("message", e.message());
        return m;
    }

    /** A value as one log line shows it: control characters (terminal escapes) as \\uXXXX. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
