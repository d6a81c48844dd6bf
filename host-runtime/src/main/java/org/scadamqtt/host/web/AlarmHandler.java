package org.scadamqtt.host.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code POST /api/alarms/{id}/ack} with {@code {"by": "operator name"}} (optional; the client
 * address when absent): acknowledges an alarm and answers it.
 */
final class AlarmHandler {

    private final AlarmList alarms;
    private final RequestBodies bodies;

    AlarmHandler(AlarmList alarms, RequestBodies bodies) {
        this.alarms = alarms;
        this.bodies = bodies;
    }

    void acknowledge(Context ctx) {
        String raw = ctx.pathParam("id");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            ctx.status(404).json(ApiJson.failed("UNKNOWN_ALARM", "There is no alarm " + raw + "; alarm ids are numbers."));
            return;
        }
        Optional<JsonNode> body = bodies.object(ctx, "an acknowledgement", "{\"by\": \"J. Smith\"}");
        if (body.isEmpty()) {
            return;
        }
        JsonNode by = body.get().get("by");
        String who = by != null && by.isTextual() && !by.textValue().isBlank() ? by.textValue().strip() : ctx.ip();
        alarms.acknowledge(id, who).ifPresentOrElse(a -> ctx.json(AlarmList.json(a)),
                () -> ctx.status(404).json(ApiJson.failed("UNKNOWN_ALARM", "There is no alarm " + id
                        + " in the list (it may have returned to normal and been acknowledged already).")));
    }
}
