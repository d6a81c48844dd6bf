package org.scadamqtt.host.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.host.tags.HostApi;
import org.scadamqtt.host.tags.TagEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/tags/{name}} with {@code {"value": …}}: answers when the write has completed
 * (or failed), mapping each {@link WriteFailure} to an HTTP status ({@link WriteStatus}). The
 * request thread is not held while the broker confirms: the answer is sent from the write's
 * completion.
 */
final class WriteHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WriteHandler.class);

    private final HostApi api;
    private final RequestBodies bodies;
    private final ConsoleMetrics metrics;
    private final Duration timeout;
    private final AuditTrail audit;

    WriteHandler(HostApi api, RequestBodies bodies, ConsoleMetrics metrics, Duration timeout, AuditTrail audit) {
        this.api = api;
        this.bodies = bodies;
        this.metrics = metrics;
        this.timeout = timeout;
        this.audit = audit;
    }

    void handle(Context ctx) {
        long started = System.nanoTime();
        String name = ctx.pathParam("name");
        Optional<JsonNode> body = bodies.object(ctx, "a write", "{\"value\": 12.5}");
        if (body.isEmpty()) {
            metrics.recordWrite("BAD_REQUEST", null);
            audit.write(ctx, name, "BAD_REQUEST", "the request body is not a JSON object");
            return;
        }
        if (!body.get().has("value")) {
            refuse(ctx, 400, "BAD_REQUEST",
                    "The request body has no \"value\" field; send for example {\"value\": 12.5}.", started);
            return;
        }
        Object value = toJava(body.get().get("value"));
        AuditTrail.before(ctx, api.tag(name).map(t -> t.value() == null ? null : ApiJson.value(t.value().value()))
                .orElse(null), value == NOT_A_VALUE ? body.get().get("value").toString() : value);
        if (value == NOT_A_VALUE) {
            refuse(ctx, 400, "WRONG_VALUE", "Tag " + name
                    + " takes a number, text, true/false or null, not a JSON array or object.", started);
            return;
        }
        Optional<TagEntry> tag = api.tag(name);
        if (tag.isEmpty()) {
            refuse(ctx, 404, WriteFailure.UNKNOWN_TAG.name(), "There is no tag named " + name + ".", started);
            return;
        }
        if (!tag.get().acceptsWrites() && !simulated(tag.get())) {
            refuse(ctx, 409, WriteFailure.NOT_WRITABLE.name(), "Tag " + name + " is an input tag ("
                    + tag.get().type() + "); only output tags and input tags marked writable can be written (and, "
                    + "by hand, any tag of a station in StSIMUL).", started);
            return;
        }
        CompletableFuture<WriteResult> write;
        try {
            CompletionStage<WriteResult> stage = api.write(name, value);
            write = stage.toCompletableFuture();
        } catch (IllegalArgumentException e) {
            refuse(ctx, 400, WriteFailure.WRONG_VALUE.name(), e.getMessage(), started);
            return;
        } catch (RuntimeException e) {
            LOG.warn("write of tag {} failed inside the host", name, e);
            refuse(ctx, 500, "ERROR", "The host failed writing tag " + name + ": " + e.getMessage(), started);
            return;
        }
        // a copy with a deadline, so the host's own future is not completed by our timeout
        CompletableFuture<WriteResult> bounded = write.thenApply(r -> r)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        ctx.future(() -> bounded.handle((result, error) -> {
            answer(ctx, name, result, error, started);
            return null;
        }));
    }

    // runs on the thread that completed the write (a driver thread) or the timeout thread
    private void answer(Context ctx, String name, WriteResult result, Throwable error, long started) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            result = WriteResult.failed(WriteFailure.TIMEOUT, "The write of tag " + name
                    + " did not complete within " + timeout.toSeconds() + " s; the value may or may not have been sent.");
        } else if (cause != null) {
            LOG.warn("write of tag {} failed inside the host", name, cause);
            refuse(ctx, 500, "ERROR", "The host failed writing tag " + name + ": " + cause.getMessage(), started);
            return;
        } else if (result == null) {
            refuse(ctx, 500, "ERROR", "The host gave no result for the write of tag " + name + ".", started);
            return;
        }
        metrics.recordWrite(result, Duration.ofNanos(System.nanoTime() - started));
        audit.write(ctx, name, result.ok() ? "OK" : result.failure().name(), result.message());
        if (result.ok()) {
            ctx.status(200).json(ApiJson.ok());
        } else {
            String message = result.message().isEmpty()
                    ? "The write of tag " + name + " failed: " + result.failure() + "."
                    : result.message();
            ctx.status(WriteStatus.of(result.failure())).json(ApiJson.failed(result.failure().name(), message));
        }
    }

    /** A tag of a station in StSIMUL: its value is set by hand, input or output (D2000 simulation). */
    private boolean simulated(TagEntry tag) {
        return api.stations().stream().anyMatch(s -> s.name().equals(tag.station())
                && s.state() == org.scadamqtt.driver.StationState.StSIMUL);
    }

    private void refuse(Context ctx, int status, String reason, String message, long started) {
        metrics.recordWrite(reason, Duration.ofNanos(System.nanoTime() - started));
        audit.write(ctx, ctx.pathParam("name"), reason, message);
        ctx.status(status).json(ApiJson.failed(reason, message));
    }

    private static final Object NOT_A_VALUE = new Object();

    /** JSON → what HostApi.write takes: String, Long, Double, Boolean or null. */
    private static Object toJava(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return NOT_A_VALUE;
    }
}
