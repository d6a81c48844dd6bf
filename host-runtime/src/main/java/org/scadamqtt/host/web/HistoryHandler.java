package org.scadamqtt.host.web;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scadamqtt.host.tags.HistoryPoint;
import org.scadamqtt.host.tags.HostApi;
import org.scadamqtt.host.tags.TagEntry;

/**
 * {@code GET /api/history} and {@code GET /api/history.csv}: the recorded values of the tags named
 * by {@code tag=} (repeatable; none: every tag with a history), received from {@code from=} to
 * {@code to=} (ISO-8601, each optional), at most the newest {@code last=} per tag.
 */
final class HistoryHandler {

    private final HostApi api;

    HistoryHandler(HostApi api) {
        this.api = api;
    }

    /** What a request asks for, checked. */
    private record Query(List<TagEntry> tags, Instant from, Instant to, int last) {
    }

    void json(Context ctx) {
        query(ctx).ifPresent(q -> ctx.json(q.tags().stream().map(t -> series(t, q)).toList()));
    }

    void csv(Context ctx) {
        Optional<Query> query = query(ctx);
        if (query.isEmpty()) {
            return;
        }
        Query q = query.get();
        record Row(Instant time, String tag, HistoryPoint point) {
        }
        List<Row> rows = new ArrayList<>();
        for (TagEntry t : q.tags()) {
            api.history(t.name(), q.from(), q.to(), q.last()).forEach(p -> rows.add(new Row(p.time(), t.name(), p)));
        }
        rows.sort(Comparator.comparing(Row::time)); // stable: tags keep their order within one instant
        StringBuilder csv = new StringBuilder("time,tag,value,quality\r\n");
        for (Row r : rows) {
            csv.append(ApiJson.time(r.time())).append(',').append(csvField(r.tag())).append(',')
                    .append(Double.isNaN(r.point().value()) ? "" : plain(r.point().value())).append(',')
                    .append(r.point().quality().name()).append("\r\n");
        }
        ctx.header("Content-Disposition", "attachment; filename=\"history.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv.toString());
    }

    private Map<String, Object> series(TagEntry t, Query q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", t.name());
        m.put("type", t.type().name());
        m.put("unit", t.display().unit());
        m.put("points", api.history(t.name(), q.from(), q.to(), q.last()).stream().map(HistoryHandler::point).toList());
        return m;
    }

    private static Map<String, Object> point(HistoryPoint p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", ApiJson.time(p.time()));
        m.put("value", Double.isNaN(p.value()) ? null : p.value());
        m.put("quality", p.quality().name());
        return m;
    }

    /** The request's tags and range, or empty after answering 400/404 with the sentence why. */
    private Optional<Query> query(Context ctx) {
        List<TagEntry> tags = new ArrayList<>();
        List<String> names = ctx.queryParams("tag");
        if (names.isEmpty()) {
            api.tags().stream().filter(t -> HistoryPoint.kept(t.type())).forEach(tags::add);
        }
        for (String name : names) {
            Optional<TagEntry> tag = api.tag(name);
            if (tag.isEmpty()) {
                return refuse(ctx, 404, "UNKNOWN_TAG", "There is no tag named " + name + ".");
            }
            if (!HistoryPoint.kept(tag.get().type())) {
                return refuse(ctx, 400, "NO_HISTORY", "Tag " + name + " is of type " + tag.get().type()
                        + "; the host keeps a history of numeric, binary, Qi and interval tags only.");
            }
            tags.add(tag.get());
        }
        Instant from;
        Instant to;
        try {
            from = instant(ctx.queryParam("from"));
            to = instant(ctx.queryParam("to"));
        } catch (DateTimeParseException e) {
            return refuse(ctx, 400, "BAD_TIME", "from and to are ISO-8601 times such as 2026-01-31T12:00:00Z; got '"
                    + e.getParsedString() + "'.");
        }
        if (from != null && to != null && from.isAfter(to)) {
            return refuse(ctx, 400, "BAD_TIME", "from (" + from + ") is after to (" + to + ").");
        }
        String lastParam = ctx.queryParam("last");
        int last = Integer.MAX_VALUE;
        if (lastParam != null) {
            try {
                last = Integer.parseInt(lastParam.strip());
            } catch (NumberFormatException e) {
                last = 0;
            }
            if (last < 1) {
                return refuse(ctx, 400, "BAD_LAST", "last is the number of newest points per tag, 1 or more; got '"
                        + lastParam + "'.");
            }
        }
        return Optional.of(new Query(tags, from, to, last));
    }

    private static Instant instant(String iso) {
        return iso == null || iso.isBlank() ? null : Instant.parse(iso.strip());
    }

    private static Optional<Query> refuse(Context ctx, int status, String reason, String message) {
        ctx.status(status).json(ApiJson.failed(reason, message));
        return Optional.empty();
    }

    /** A number without exponent or trailing zeros: 21.5, 42, 0.001. */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A CSV field, quoted when it holds a separator or quote; a leading = + - @ cannot start a formula. */
    private static String csvField(String s) {
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return safe.matches(".*[,\"\r\n].*") ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
