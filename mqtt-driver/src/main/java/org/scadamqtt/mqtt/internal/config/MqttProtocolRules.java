package org.scadamqtt.mqtt.internal.config;

import org.scadamqtt.config.ProtocolCatalog;
import org.scadamqtt.config.ProtocolRules;
import org.scadamqtt.mqtt.MqttParameters;

/**
 * The configuration rules of protocol {@code mqtt}: the parameter tables of {@link MqttParameters}
 * and {@link MqttConfigValidator}. Lets tests and tools load configurations without loading the
 * driver through its provider.
 */
public final class MqttProtocolRules {

    /** The protocol code in configuration files. */
    public static final String PROTOCOL = "mqtt";

    private static final ProtocolRules RULES = new ProtocolRules(PROTOCOL, MqttParameters.LINE_PARAMETERS,
            MqttParameters.STATION_PARAMETERS, MqttConfigValidator::validate);

    private MqttProtocolRules() {
    }

    /** The rules of protocol mqtt. */
    public static ProtocolRules rules() {
        return RULES;
    }

    /** A catalog holding only protocol mqtt. */
    public static ProtocolCatalog catalog() {
        return ProtocolCatalog.of(RULES);
    }
}
