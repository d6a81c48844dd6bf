package org.scadamqtt.mqtt.profiles.wegnology;

import java.time.Duration;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profile.WriteRequest;

/**
 * The WEGnology profile's state for one line: commands are decoded for JA= tags; STATE= writes
 * are handed to the {@link StateReporter}, which sends them later itself ({@link Outgoing#deferred}).
 */
final class WegnologySession implements ProfileSession {

    private final ProfileContext context;
    private volatile StateReporter reporter;

    WegnologySession(ProfileContext context) {
        this.context = context;
    }

    @Override
    public Decoded decode(InboundView message) {
        return WegnologyCommands.decode(message.payload());
    }

    @Override
    public Outgoing encode(OutputAddress address, WriteRequest request) {
        if (!(address instanceof StateAttribute a)) {
            return address.encode(request);
        }
        LineConfig line = context.line();
        String device = request.station().parameters().text(WegnologyProfile.DEVICE).strip();
        if (device.isEmpty()) {
            device = text(line.parameters(), "clientId", "");
        }
        String topic = prefix(line) + "/" + device + "/state";
        return Outgoing.deferred(reporter(line).add(topic, a.attribute(), request.value()));
    }

    private StateReporter reporter(LineConfig line) {
        StateReporter r = reporter;
        if (r == null) {
            synchronized (this) {
                r = reporter;
                if (r == null) {
                    ParameterValues p = line.parameters();
                    Object w = p.get(WegnologyProfile.COALESCE);
                    Object q = p.get("publishQos");
                    r = new StateReporter(context, w instanceof Duration d ? d : WegnologyProfile.DEFAULT_COALESCE,
                            q instanceof Integer i ? Math.min(1, i) : 0);
                    reporter = r;
                }
            }
        }
        return r;
    }

    static String prefix(LineConfig line) {
        return text(line.parameters(), WegnologyProfile.PREFIX, WegnologyProfile.DEFAULT_PREFIX);
    }

    static String text(ParameterValues p, String name, String fallback) {
        Object v = p.get(name);
        return v == null || v.toString().isBlank() ? fallback : v.toString().strip();
    }

    @Override
    public void close() {
        StateReporter r = reporter;
        if (r != null) {
            r.close();
        }
    }
}
