package org.scadamqtt.host.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.host.tags.HostApi;
import org.scadamqtt.host.tags.StationEntry;

/**
 * {@code POST /api/stations/{name}} with {@code {"state": "StON" | "StOFF" | "StSIMUL"}}
 * ({@code ON}, {@code OFF}, {@code SIMUL} are accepted too). Answers 200 once the host took the
 * request; the station's new state follows as a {@code station} event.
 */
final class StationControlHandler {

    private static final Map<String, StationControl> CONTROLS = Map.of(
            "STON", StationControl.ON, "ON", StationControl.ON,
            "STOFF", StationControl.OFF, "OFF", StationControl.OFF,
            "STSIMUL", StationControl.SIMUL, "SIMUL", StationControl.SIMUL);

    private final HostApi api;
    private final RequestBodies bodies;
    private final AuditTrail audit;

    StationControlHandler(HostApi api, RequestBodies bodies, AuditTrail audit) {
        this.api = api;
        this.bodies = bodies;
        this.audit = audit;
    }

    void handle(Context ctx) {
        String name = ctx.pathParam("name");
        Optional<JsonNode> body = bodies.object(ctx, "a station command", "{\"state\": \"StOFF\"}");
        if (body.isEmpty()) {
            audit.station(ctx, name, "BAD_REQUEST", "the request body is not a JSON object");
            return;
        }
        JsonNode state = body.get().get("state");
        AuditTrail.before(ctx, api.stations().stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> s.state() == null ? null : s.state().name()).orElse(null),
                state == null ? null : state.isTextual() ? state.textValue() : state.toString());
        StationControl control = state == null || !state.isTextual() ? null
                : CONTROLS.get(state.textValue().trim().toUpperCase(Locale.ROOT));
        if (control == null) {
            refuse(ctx, name, 400, "BAD_REQUEST", "Station " + name
                    + " can be set to \"StON\", \"StOFF\" or \"StSIMUL\"; the request asked for "
                    + (state == null ? "nothing (no \"state\" field)" : state.toString()) + ".");
            return;
        }
        if (api.stations().stream().map(StationEntry::name).noneMatch(name::equals)) {
            refuse(ctx, name, 404, "UNKNOWN_STATION", "There is no station named " + name + ".");
            return;
        }
        try {
            api.control(name, control);
        } catch (IllegalArgumentException e) {
            refuse(ctx, name, 404, "UNKNOWN_STATION", e.getMessage());
            return;
        }
        audit.station(ctx, name, "OK", "");
        Map<String, Object> ok = ApiJson.ok();
        ok.put("station", name);
        ok.put("requested", "St" + control.name());
        ctx.status(200).json(ok);
    }

    private void refuse(Context ctx, String name, int status, String reason, String message) {
        audit.station(ctx, name, reason, message);
        ctx.status(status).json(ApiJson.failed(reason, message));
    }
}
