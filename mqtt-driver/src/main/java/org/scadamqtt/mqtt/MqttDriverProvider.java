package org.scadamqtt.mqtt;

import org.scadamqtt.mqtt.internal.MqttDriver;

import java.util.List;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.DriverProvider;
import org.scadamqtt.mqtt.internal.config.MqttConfigValidator;
import org.scadamqtt.mqtt.internal.client.PahoSessionFactory;

/**
 * The MQTT Client Protocol driver ({@code protocol="mqtt"}), found by {@link java.util.ServiceLoader}
 * through {@code META-INF/services/org.scadamqtt.driver.DriverProvider}.
 */
public final class MqttDriverProvider implements DriverProvider {

    /** The protocol code used in configuration files. */
    public static final String PROTOCOL = "mqtt";

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public MqttDriverProvider() {
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public String displayName() {
        return "MQTT Client Protocol";
    }

    @Override
    public List<ParameterDescriptor> lineParameters() {
        return MqttParameters.LINE_PARAMETERS;
    }

    @Override
    public List<ParameterDescriptor> stationParameters() {
        return MqttParameters.STATION_PARAMETERS;
    }

    @Override
    public List<ConfigProblem> validate(LineConfig line) {
        return MqttConfigValidator.validate(line);
    }

    @Override
    public Driver create(LineConfig line, DriverContext context) {
        return new MqttDriver(line, context, new PahoSessionFactory());
    }
}
