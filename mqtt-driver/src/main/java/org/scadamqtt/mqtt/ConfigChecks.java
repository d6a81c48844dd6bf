package org.scadamqtt.mqtt;

import java.util.List;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;

/** Where the provider's validation goes; delegates to the configuration validator. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    static List<ConfigProblem> validate(LineConfig line) {
        return List.of(); // replaced by MqttConfigValidator.validate(line) once it exists
    }
}
