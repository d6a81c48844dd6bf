package org.scadamqtt.mqtt.internal.client;

import static org.scadamqtt.mqtt.MqttParameters.*;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.mqtt.MqttParameters;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.mqtt.internal.profile.ProfileRegistry;
import org.scadamqtt.mqtt.profile.PayloadProfile;

/**
 * Everything the session needs from a line's configuration, read once. Parameters missing from
 * the {@link ParameterValues} take the defaults of {@link MqttParameters#LINE_PARAMETERS}.
 * {@link #toString()} masks passwords.
 */
public record SessionSettings(String lineName, List<BrokerUri> brokers, String clientId, String userName,
        String password, boolean cleanSession, int keepAliveSeconds, Duration pingInterval, Duration replyTimeout,
        Will will, boolean failBack, Duration reconnectMinDelay, Duration reconnectMaxDelay, Tls tls,
        int maxInflight, Duration writeTimeout, boolean fullDebug, boolean strictAckOrder, List<String> topicFilters,
        int subscribeQos) {

    /** The will of CONNECT; {@code enabled} false: none. */
    public record Will(boolean enabled, int qos, boolean retain, String topic, String message) {
    }

    /** TLS material; empty paths mean the JVM defaults. */
    public record Tls(String trustStore, String trustStorePassword, String keyStore, String keyStorePassword,
            List<String> versions, boolean hostnameVerification) {
        @Override
        public String toString() {
            return "Tls[trustStore=" + trustStore + ", keyStore=" + keyStore + ", versions=" + versions
                    + ", hostnameVerification=" + hostnameVerification + ", passwords "
                    + Secrets.mask(trustStorePassword + keyStorePassword) + "]";
        }
    }

    private static final Map<String, ParameterDescriptor> TABLE = MqttParameters.LINE_PARAMETERS.stream()
            .collect(Collectors.toMap(ParameterDescriptor::name, Function.identity()));

    /**
     * Reads a line.
     *
     * @param hostId the host's stable id, for the default client id
     * @throws IllegalArgumentException with a sentence naming the line when an address or value is unusable
     */
    public static SessionSettings of(LineConfig line, String hostId) {
        ParameterValues p = line.parameters();
        String clientId = clientId(p, hostId, line.name());
        List<String> filters = subscribed(line);
        if (filters.isEmpty()) {
            filters = List.of(text(p, TOPIC_FILTER).isEmpty() ? "#" : text(p, TOPIC_FILTER));
        }
        List<String> versions = Arrays.stream(text(p, TLS_VERSIONS).split("[,;\\s]+")).filter(s -> !s.isBlank())
                .toList();
        Duration min = value(p, RECONNECT_MIN_DELAY, Duration.class);
        Duration max = value(p, RECONNECT_MAX_DELAY, Duration.class);
        if (max.compareTo(min) < 0) {
            max = min;
        }
        List<BrokerUri> brokers;
        try {
            brokers = BrokerUri.of(line, tlsByDefault(line));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line '" + line.name() + "': " + e.getMessage(), e);
        }
        return new SessionSettings(line.name(), brokers, clientId, text(p, USER_NAME), text(p, PASSWORD),
                bool(p, CLEAN_SESSION), (int) (long) value(p, KEEP_ALIVE, Long.class),
                value(p, PING_INTERVAL, Duration.class), value(p, REPLY_TIMEOUT, Duration.class),
                will(line, p),
                bool(p, FAIL_BACK), min, max,
                new Tls(text(p, TRUST_STORE), text(p, TRUST_STORE_PASSWORD), text(p, KEY_STORE),
                        text(p, KEY_STORE_PASSWORD), versions, bool(p, HOSTNAME_VERIFICATION)),
                (int) (long) value(p, MAX_INFLIGHT, Long.class), value(p, WRITE_TIMEOUT, Duration.class),
                bool(p, FULL_DEBUG), MqttParameters.ACK_ORDER_LINE.equals(text(p, MqttParameters.ACK_ORDER)),
                List.copyOf(filters), (int) value(p, SUBSCRIBE_QOS, Integer.class));
    }

    /**
     * The line's topicFilter values followed by the filters its payload profile adds
     * (PayloadProfile.topicFilters), each once. A topicFilter that is only the default {@code #}
     * (left out, which reads the same as written) gives way to the profile's filters when it has any.
     */
    public static List<String> subscribed(LineConfig line) {
        List<String> own = MqttSession.topicFilters(line);
        List<String> added = profile(line.parameters()).map(profile -> profile.topicFilters(line)).orElse(List.of());
        if (added.isEmpty()) {
            return own;
        }
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(own.equals(List.of("#")) ? List.of() : own);
        all.addAll(added);
        return List.copyOf(all);
    }

    /** Whether the line's payload profile makes an address without a scheme TLS (PayloadProfile.tlsByDefault). */
    static boolean tlsByDefault(LineConfig line) {
        return profile(line.parameters()).map(PayloadProfile::tlsByDefault).orElse(false);
    }

    /** The line's payload profile, when it names one. */
    private static Optional<PayloadProfile> profile(ParameterValues p) {
        String type = p == null || !p.has(PAYLOAD_TYPE) ? "" : p.text(PAYLOAD_TYPE);
        return type.isEmpty() ? Optional.empty() : ProfileRegistry.standard().find(type);
    }

    /**
     * The line's will parameters, unless the line's payload profile supplies its own will (a
     * Sparkplug primary host's STATE death certificate: PayloadProfile.will).
     */
    private static Will will(LineConfig line, ParameterValues p) {
        Optional<org.scadamqtt.mqtt.profile.Will> own = profile(p).flatMap(profile -> profile.will(line));
        if (own.isPresent()) {
            org.scadamqtt.mqtt.profile.Will w = own.get();
            return new Will(true, w.qos(), w.retain(), w.topic(), w.message());
        }
        return new Will(bool(p, WILL_FLAG), (int) value(p, WILL_QOS, Integer.class), bool(p, WILL_RETAIN),
                text(p, WILL_TOPIC), text(p, WILL_MESSAGE));
    }

    /**
     * Absent: the derived default ({@link ClientIds}). Given blank: blank, so that the broker assigns
     * one, which MQTT 3.1.1 (3.1.3.1) allows only with Clean Session YES.
     */
    private static String clientId(ParameterValues p, String hostId, String lineName) {
        Object given = p == null ? null : p.get(CLIENT_ID);
        if (given == null) {
            return ClientIds.derive(hostId, lineName);
        }
        if (!given.toString().isBlank()) {
            return given.toString();
        }
        if (!bool(p, CLEAN_SESSION)) {
            throw new IllegalArgumentException("line '" + lineName + "': " + ClientIds.BLANK_NEEDS_CLEAN_SESSION);
        }
        return "";
    }

    /** The same settings with other subscriptions: equal to another line's when only those differ. */
    public SessionSettings withSubscriptions(List<String> filters, int qos) {
        return new SessionSettings(lineName, brokers, clientId, userName, password, cleanSession, keepAliveSeconds,
                pingInterval, replyTimeout, will, failBack, reconnectMinDelay, reconnectMaxDelay, tls, maxInflight,
                writeTimeout, fullDebug, strictAckOrder, List.copyOf(filters), qos);
    }

    /** Whether {@code other} differs from this only in topic filters and subscribe QoS. */
    public boolean onlySubscriptionsDiffer(SessionSettings other) {
        return !equals(other) && withSubscriptions(other.topicFilters, other.subscribeQos).equals(other);
    }

    /** Whether moving to {@code next} means leaving the connection and connecting again (any change but the subscriptions). */
    public boolean reconnectsFor(SessionSettings next) {
        return !equals(next) && !onlySubscriptionsDiffer(next);
    }

    /** The primary broker (first address). */
    public BrokerUri primary() {
        return brokers.get(0);
    }

    /** Reply Timeout in whole seconds for Paho's connection timeout; 0 = none. */
    public int replyTimeoutSeconds() {
        long ms = replyTimeout.toMillis();
        return ms <= 0 ? 0 : (int) Math.max(1, (ms + 999) / 1000);
    }

    private static Object raw(ParameterValues p, String name) {
        Object v = p.get(name);
        if (v == null) {
            ParameterDescriptor d = TABLE.get(name);
            v = d == null ? null : d.defaultValue();
        }
        return v;
    }

    private static <T> T value(ParameterValues p, String name, Class<T> type) {
        Object v = raw(p, name);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("parameter " + name + " has value " + v + " where a "
                    + type.getSimpleName() + " is expected");
        }
        return type.cast(v);
    }

    private static String text(ParameterValues p, String name) {
        Object v = raw(p, name);
        return v == null ? "" : v.toString();
    }

    private static boolean bool(ParameterValues p, String name) {
        return Boolean.TRUE.equals(raw(p, name));
    }

    @Override
    public String toString() {
        return "line '" + lineName + "' brokers=" + brokers + " clientId=" + clientId + " userName=" + userName
                + " password=" + Secrets.mask(password) + " cleanSession=" + cleanSession + " keepAlive="
                + keepAliveSeconds + "s pingInterval=" + pingInterval.toMillis() + "ms replyTimeout="
                + replyTimeout.toMillis() + "ms will=" + will + " failBack=" + failBack + " reconnect="
                + reconnectMinDelay.toMillis() + ".." + reconnectMaxDelay.toMillis() + "ms " + tls + " maxInflight="
                + maxInflight + " writeTimeout=" + writeTimeout.toMillis() + "ms fullDebug=" + fullDebug
                + " ackOrder=" + (strictAckOrder ? "LINE" : "STATION")
                + " topicFilters=" + topicFilters + " subscribeQos=" + subscribeQos;
    }
}
