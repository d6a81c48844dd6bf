package org.scadamqtt.mqtt.internal.client;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/** Paho CONNECT options from a line's settings. */
final class ConnectOptions {

    private ConnectOptions() {
    }

    /**
     * CONNECT options for one attempt: MQTT 3.1.1 explicitly (Paho's default 0 retries each host with
     * 3.1), our own reconnect loop (never Paho's automatic reconnect, #930), connection timeout =
     * Reply Timeout, max in-flight raised, and the NODELAY + buffered socket factory.
     *
     * @throws IllegalArgumentException when the will or the TLS stores are unusable (sentence says which)
     */
    static MqttConnectOptions build(SessionSettings s, BrokerUri broker, InboundActivity activity) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setServerURIs(new String[] {broker.uri()});
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setAutomaticReconnect(false);
        o.setCleanSession(s.cleanSession());
        o.setKeepAliveInterval(s.keepAliveSeconds());
        o.setConnectionTimeout(s.replyTimeoutSeconds());
        o.setMaxInflight(s.maxInflight());
        if (!s.userName().isEmpty()) {
            o.setUserName(s.userName());
        }
        if (!s.password().isEmpty()) {
            o.setPassword(s.password().toCharArray());
        }
        if (s.will().enabled()) {
            if (s.will().topic().isBlank()) {
                throw new IllegalArgumentException("Will Flag is YES but Will Topic is empty");
            }
            o.setWill(s.will().topic(), s.will().message().getBytes(StandardCharsets.UTF_8), s.will().qos(),
                    s.will().retain());
        }
        if (broker.tls()) {
            o.setSocketFactory(new NoDelaySslSocketFactory(TlsFactories.create(s.tls()), activity));
            o.setHttpsHostnameVerificationEnabled(s.tls().hostnameVerification());
        } else {
            o.setSocketFactory(new NoDelaySocketFactory(activity));
        }
        return o;
    }
}
