package org.scadamqtt.mqtt.internal.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MqttDefaultFilePersistence;

/**
 * One connection attempt of a line and, when it succeeds, the connection: its own Paho client and
 * callback. A fresh one per attempt, so no callback, message or acknowledgement of an earlier
 * connection can reach a later one.
 */
final class LineConnection implements MqttCallback, Publisher.Target {

    /** What a connection reports to its line. */
    interface Events {
        /** Whether {@code c} is still the line's current connection. */
        boolean isCurrent(LineConnection c);

        /** A PUBLISH arrived; runs on Paho's callback thread, must return at once and never throw. */
        void message(LineConnection c, String topic, MqttMessage message);

        /** The connection broke; {@code reason} is a sentence for the operator. */
        void lost(LineConnection c, String reason);

        /** The broker closed the connection itself (no local error): maybe a client id clash. */
        void closedByBroker(LineConnection c);

        /** Paho confirmed a QoS 1/2 message it resent from persistence. */
        void delivered(int messageId);
    }

    final BrokerUri broker;
    /** Position of {@link #broker} in the line's host list (0 = primary). */
    final int index;
    final PahoClient client;
    /** The acknowledgement sequence of this connection ({@link AckSequencer}). */
    final long ackConnection;
    private final Map<IMqttDeliveryToken, Publisher.Outbound> inflight = new ConcurrentHashMap<>();
    private final LineLog log;
    private final Events events;
    private final boolean resendsAfterLoss;
    volatile boolean connected;
    volatile boolean discarded;
    /** {@link System#nanoTime()} of CONNACK. */
    volatile long connectedAtNanos;

    /** @param resendsAfterLoss Clean Session NO with file persistence: see {@link Publisher.Target#resendsAfterLoss} */
    LineConnection(BrokerUri broker, int index, PahoClient client, boolean resendsAfterLoss,
            AckSequencer acks, LineLog log, Events events) {
        this.broker = broker;
        this.index = index;
        this.client = client;
        this.log = log;
        this.events = events;
        this.resendsAfterLoss = resendsAfterLoss;
        client.setManualAcks(true);
        client.setCallback(this);
        this.ackConnection = acks.newConnection(this::ack);
    }

    /**
     * A fresh client for one attempt on host {@code index} of the line, with the line's persistence
     * ({@code store}: the locked folder for Clean Session NO, else memory).
     */
    static LineConnection create(SessionSettings settings, int index, MqttClientPersistence store,
            LineScheduler tasks, AckSequencer acks, LineLog log, Events events) throws MqttException {
        // constructed with the primary URI: Paho names the persistence subfolder after it, so the
        // session store stays the same whichever host we connect to
        PahoClient client = new PahoClient(settings.primary().uri(), settings.clientId(), store, tasks);
        return new LineConnection(settings.brokers().get(index), index, client,
                store instanceof MqttDefaultFilePersistence, acks, log, events);
    }

    /** Sends CONNECT; logs what it carries (password masked) and warns when hostname verification is off. */
    void connect(SessionSettings settings, MqttConnectOptions options, IMqttActionListener listener)
            throws MqttException {
        if (broker.tls() && !settings.tls().hostnameVerification()) {
            log.warn("connecting to {} WITHOUT hostname verification (hostnameVerification NO): any server with a "
                    + "certificate from a trusted CA can pose as this broker", broker.uri());
        }
        log.packet("CONNECT to {}: clientId={} cleanSession={} keepAlive={}s userName={} password={} will={}",
                broker.uri(), settings.clientId(), settings.cleanSession(), settings.keepAliveSeconds(),
                settings.userName(), Secrets.mask(settings.password()), settings.will());
        client.connect(options, null, listener);
    }

    @Override
    public PahoClient client() {
        return client;
    }

    @Override
    public boolean usable() {
        return events.isCurrent(this) && connected;
    }

    @Override
    public Map<IMqttDeliveryToken, Publisher.Outbound> inflight() {
        return inflight;
    }

    @Override
    public boolean resendsAfterLoss() {
        return resendsAfterLoss;
    }

    private void ack(int messageId, int qos) {
        try {
            client.messageArrivedComplete(messageId, qos);
            log.packet("{} sent for id {}", qos == 1 ? "PUBACK" : "PUBREC", messageId);
        } catch (MqttException e) {
            log.packet("acknowledgement of id {} not sent ({}); the broker will deliver it again", messageId,
                    Reasons.describe(e));
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        if (Reasons.closedByBroker(cause)) {
            events.closedByBroker(this); // the line tells a restart or a cut from a client id clash
        } else {
            events.lost(this, Reasons.describe(cause));
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        events.message(this, topic, message);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // normal publishes complete through their action listener; this catches the ones Paho
        // restored from persistence and resent after a reconnect (Clean Session NO)
        events.delivered(messageId(token));
    }

    /**
     * The message id of a confirmed delivery. Paho leaves it 0 on the tokens it restores from
     * persistence (TokenStore.restoreToken sets only the key), so take it from the PUBACK/PUBCOMP.
     */
    static int messageId(IMqttDeliveryToken token) {
        int id = token.getMessageId();
        if (id == 0 && token.getResponse() != null) {
            id = token.getResponse().getMessageId();
        }
        return id;
    }

    /** DISCONNECT (when {@code graceful} and connected), then close the client; blocks at most about waitMillis. */
    void close(boolean graceful, long waitMillis) {
        try {
            if (graceful && client.isConnected()) {
                client.disconnect(0).waitForCompletion(waitMillis);
                log.packet("DISCONNECT sent to {}", broker.uri());
            }
        } catch (MqttException e) {
            log.packet("DISCONNECT to {} failed: {}", broker.uri(), Reasons.describe(e));
        }
        try {
            client.disconnectForcibly(0, 200, false);
        } catch (MqttException e) {
            // already disconnected: fine
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.packet("closing the client of {} failed: {}", broker.uri(), Reasons.describe(e));
        }
    }
}
