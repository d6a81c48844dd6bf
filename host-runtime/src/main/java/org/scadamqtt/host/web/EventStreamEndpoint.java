package org.scadamqtt.host.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code GET /api/events}. Javalin's own SSE handler serves only requests whose Accept header is
 * exactly {@code text/event-stream} and answers everyone else an empty 200, so {@code curl -N
 * .../api/events} (Accept: *&#47;*) would see nothing. This one streams to any client that accepts
 * an event stream (no Accept header, {@code *&#47;*}, {@code text/*}, {@code text/event-stream}) and
 * answers 406 with a sentence to a client that asks for something else only.
 */
final class EventStreamEndpoint implements Handler {

    private final Consumer<SseClient> serve;

    EventStreamEndpoint(Consumer<SseClient> serve) {
        this.serve = serve;
    }

    /** Whether an Accept header admits {@code text/event-stream}. */
    static boolean acceptsEventStream(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String part : accept.split(",")) {
            String range = part.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (range.equals("text/event-stream") || range.equals("*/*") || range.equals("text/*")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        if (!acceptsEventStream(ctx.header("Accept"))) {
            ctx.status(406).json(ApiJson.failed("BAD_REQUEST", "/api/events is a server-sent event stream "
                    + "(text/event-stream); the request accepts only " + ctx.header("Accept") + "."));
            return;
        }
        // the same response Javalin's SseHandler starts with; no timeout: the stream lasts until either side ends it
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.addHeader("Connection", "close");
        res.addHeader("Cache-Control", "no-cache");
        res.addHeader("X-Accel-Buffering", "no");
        res.flushBuffer();
        ctx.async(config -> config.timeout = 0L, () -> serve.accept(new SseClient(ctx)));
    }
}
