package org.scadamqtt.host.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.scadamqtt.driver.ActionResult;
import org.scadamqtt.driver.StationDetails;
import org.scadamqtt.host.tags.HostApi;
import org.scadamqtt.host.tags.StationEntry;

/**
 * {@code POST /api/stations/{name}/actions/{action}} (no body): runs an action the station's
 * driver offers (a Sparkplug {@code rebirth}). A station command like ON/OFF, so it needs the
 * write token and is audited (action {@code station}, new value {@code action <name>}). Answers
 * 200 with the driver's sentence, 404 for an unknown station, 409 when the station does not offer
 * the action or the driver could not carry it out, 504 after the write timeout.
 */
final class StationActionHandler {

    private final HostApi api;
    private final AuditTrail audit;
    private final Duration timeout;

    StationActionHandler(HostApi api, AuditTrail audit, Duration timeout) {
        this.api = api;
        this.audit = audit;
        this.timeout = timeout;
    }

    void handle(Context ctx) {
        String name = ctx.pathParam("name");
        String action = ctx.pathParam("action");
        AuditTrail.before(ctx, null, "action " + action);
        if (api.stations().stream().map(StationEntry::name).noneMatch(name::equals)) {
            refuse(ctx, name, 404, "UNKNOWN_STATION", "There is no station named " + name + ".");
            return;
        }
        StationDetails offered = api.stationDetails().getOrDefault(name, StationDetails.NONE);
        if (!offered.actions().contains(action)) {
            refuse(ctx, name, 409, "UNKNOWN_ACTION", "Station " + name + (offered.actions().isEmpty()
                    ? " offers no actions" : " offers " + String.join(", ", offered.actions())) + ", not '" + action
                    + "'.");
            return;
        }
        CompletableFuture<ActionResult> run = api.stationAction(name, action).toCompletableFuture()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        ctx.future(() -> run.handle((result, error) -> {
            answer(ctx, name, action, result, error);
            return null;
        }));
    }

    // runs on the thread that completed the action (a driver thread) or the timeout thread
    private void answer(Context ctx, String name, String action, ActionResult result, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            refuse(ctx, name, 504, "TIMEOUT", "Action '" + action + "' of station " + name + " did not complete within "
                    + timeout.toSeconds() + " s.");
        } else if (cause != null || result == null) {
            refuse(ctx, name, 500, "ERROR", "The host failed running action '" + action + "' of station " + name
                    + (cause == null ? "." : ": " + cause.getMessage()));
        } else if (!result.ok()) {
            refuse(ctx, name, 409, "FAILED", result.message());
        } else {
            audit.station(ctx, name, "OK", result.message());
            Map<String, Object> ok = ApiJson.ok();
            ok.put("station", name);
            ok.put("action", action);
            ok.put("message", result.message());
            ctx.status(200).json(ok);
        }
    }

    private void refuse(Context ctx, String name, int status, String reason, String message) {
        audit.station(ctx, name, reason, message);
        ctx.status(status).json(ApiJson.failed(reason, message));
    }
}
