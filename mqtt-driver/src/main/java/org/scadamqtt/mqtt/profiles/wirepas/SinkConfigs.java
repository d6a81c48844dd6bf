package org.scadamqtt.mqtt.profiles.wirepas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GenericMessage;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GetConfigsResp;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.SetConfigResp;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.SinkReadConfig;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.WirepasMessage;

/**
 * The sink configurations each gateway reported last (its status, a get_configs answer), so that
 * a SetConfigResp, which carries only the one sink it changed, can update the tags of the
 * gateway's config station: they read {@code wirepas.get_configs_resp.configs[n]...}, and the
 * changed sink replaces its entry in the list they read. Bounded (the oldest gateway is
 * forgotten). Not thread-safe: used by the line's dispatch thread only ({@code inspect}).
 */
final class SinkConfigs {

    static final int MAX_GATEWAYS = 1_000;

    private final Map<String, List<SinkReadConfig>> byGateway = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<SinkReadConfig>> eldest) {
            return size() > MAX_GATEWAYS;
        }
    };

    /** The gateway reported all its sinks (a status event, a get_configs answer). */
    void reported(String gateway, List<SinkReadConfig> configs) {
        if (!gateway.isEmpty()) {
            byGateway.put(gateway, List.copyOf(configs));
        }
    }

    /**
     * A set_config answer: its sink replaces the entry with the same sink id (or is added), and
     * the result reads as a get_configs answer carrying the SetConfigResp's header.
     *
     * @return what the gateway's config stations receive
     */
    Decoded changed(String gateway, SetConfigResp answer) {
        SinkReadConfig changed = answer.getConfig();
        List<SinkReadConfig> sinks = new ArrayList<>(byGateway.getOrDefault(gateway, List.of()));
        boolean replaced = false;
        for (int i = 0; i < sinks.size(); i++) {
            if (sinks.get(i).getSinkId().equals(changed.getSinkId())) {
                sinks.set(i, changed);
                replaced = true;
            }
        }
        if (!replaced) {
            sinks.add(changed);
        }
        reported(gateway, sinks);
        GetConfigsResp asAnswer = GetConfigsResp.newBuilder().setHeader(answer.getHeader()).addAllConfigs(sinks)
                .buildPartial();
        return WirepasCodec.decode(GenericMessage.newBuilder()
                .setWirepas(WirepasMessage.newBuilder().setGetConfigsResp(asAnswer)).buildPartial().toByteArray());
    }
}
