package org.scadamqtt.bench.e2e;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.scadamqtt.bench.SocketFactories;

/**
 * Baseline B: a bare Paho {@link MqttAsyncClient} whose callback only counts, connected with
 * the driver's socket factory: the most any Paho-based subscriber can do here.
 */
final class PahoCounter implements AutoCloseable, MqttCallback {

    private final MqttAsyncClient client;
    private final String socketFactory;
    private final AtomicLong count = new AtomicLong();
    private volatile long first;
    private volatile long last;

    private PahoCounter(MqttAsyncClient client, String socketFactory) {
        this.client = client;
        this.socketFactory = socketFactory;
    }

    static PahoCounter connect(String url, String clientId, int qos) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        SocketFactories.Found f = SocketFactories.driverFactory();
        PahoCounter c = new PahoCounter(client, f.description());
        client.setCallback(c);
        client.connect(options(f)).waitForCompletion(10_000);
        client.subscribe(MosquittoBroker.FILTER, qos).waitForCompletion(10_000);
        return c;
    }

    /** Connect options shared with the latency publisher: MQTT 3.1.1, clean session, the driver's sockets. */
    static MqttConnectOptions options(SocketFactories.Found f) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setKeepAliveInterval(60);
        o.setMaxInflight(65_000);
        o.setAutomaticReconnect(false);
        if (f.isDrivers()) {
            o.setSocketFactory(f.factory());
        }
        return o;
    }

    // runs on Paho's callback thread
    @Override
    public void messageArrived(String topic, MqttMessage message) {
        long now = System.nanoTime();
        if (count.getAndIncrement() == 0) {
            first = now;
        }
        last = now;
    }

    @Override
    public void connectionLost(Throwable cause) {
        System.err.println("paho baseline: connection lost: " + cause);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // subscriber only
    }

    long received() {
        return count.get();
    }

    long firstToLastNanos() {
        return count.get() < 2 ? 0 : last - first;
    }

    String socketFactory() {
        return socketFactory;
    }

    @Override
    public void close() {
        try {
            client.disconnect().waitForCompletion(5_000);
        } catch (MqttException ignored) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // best effort
        }
    }
}
