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

    StationControlHandler(HostApi api, RequestBodies bodies) {
        this.api = api;
        this.bodies = bodies;
    }

    void handle(Context ctx) {
        String name = ctx.pathParam("name");
        Optional<JsonNode> body = bodies.object(ctx, "a station command", "{\"state\": \"StOFF\"}");
        if (body.isEmpty()) {
            return;
        }
        JsonNode state = body.get().get("state");
        StationControl control = state == null || !state.isTextual() ? null
                : CONTROLS.get(state.textValue().trim().toUpperCase(Locale.ROOT));
        if (control == null) {
            ctx.status(400).json(ApiJson.failed("BAD_REQUEST", "Station " + name
                    + " can be set to \"StON\", \"StOFF\" or \"StSIMUL\"; the request asked for "
                    + (state == null ? "nothing (no \"state\" field)" : state.toString()) + "."));
            return;
        }
        if (api.stations().stream().map(StationEntry::name).noneMatch(name::equals)) {
            ctx.status(404).json(ApiJson.failed("UNKNOWN_STATION", "There is no station named " + name + "."));
            return;
        }
        try {
            api.control(name, control);
        } catch (IllegalArgumentException e) {
            ctx.status(404).json(ApiJson.failed("UNKNOWN_STATION", e.getMessage()));
            return;
        }
        Map<String, Object> ok = ApiJson.ok();
        ok.put("station", name);
        ok.put("requested", "St" + control.name());
        ctx.status(200).json(ok);
    }
}
