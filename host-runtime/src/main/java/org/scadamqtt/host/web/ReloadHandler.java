package org.scadamqtt.host.web;

import io.javalin.http.Context;
import java.util.Map;
import org.scadamqtt.host.tags.HostApi;
import org.scadamqtt.host.tags.ReloadResult;

/**
 * {@code POST /api/reload}: the host reads its configuration file again and applies it (guarded
 * like every POST). 200 with what changed, or 422 {@code CONFIG_INVALID} with every error; then
 * the running configuration stays.
 */
final class ReloadHandler {

    private final HostApi api;

    ReloadHandler(HostApi api) {
        this.api = api;
    }

    void handle(Context ctx) {
        ReloadResult r = api.reload();
        Map<String, Object> m = r.applied() ? ApiJson.ok() : ApiJson.failed("CONFIG_INVALID", r.message());
        if (r.applied()) {
            m.put("message", r.message());
            m.put("started", r.started());
            m.put("reconfigured", r.reconfigured());
            m.put("stopped", r.stopped());
            m.put("unchanged", r.unchanged());
        } else {
            m.put("errors", r.errors());
        }
        m.put("warnings", r.warnings());
        ctx.status(r.applied() ? 200 : 422).json(m);
    }
}
