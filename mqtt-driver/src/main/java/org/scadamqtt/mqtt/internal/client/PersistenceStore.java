package org.scadamqtt.mqtt.internal.client;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.client.mqttv3.persist.MqttDefaultFilePersistence;

/**
 * Where a line keeps Paho's in-flight QoS 1/2 state: Clean Session NO in the locked folder
 * {@code <data directory>/mqtt-<line>} (a folder another running line holds is refused), Clean
 * Session YES in memory. Not thread-safe (the line's connection lane).
 */
final class PersistenceStore {

    private final String lineName;
    private final Supplier<Path> dataDirectory;
    private final Consumer<String> error;
    private PersistenceLock lock;
    private String problem;

    /** @param error receives the sentence when the folder cannot be used */
    PersistenceStore(String lineName, Supplier<Path> dataDirectory, Consumer<String> error) {
        this.lineName = lineName;
        this.dataDirectory = dataDirectory;
        this.error = error;
    }

    /** Locks the folder when {@code cleanSession} is NO and it is not locked yet. */
    void acquire(boolean cleanSession) {
        problem = null;
        if (cleanSession || lock != null) {
            return;
        }
        Path folder = dataDirectory.get().resolve("mqtt-" + ClientIds.sanitise(lineName));
        try {
            lock = PersistenceLock.acquire(folder, lineName);
        } catch (IllegalStateException e) {
            problem = e.getMessage();
            error.accept(problem);
        }
    }

    void release() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    /** Why the line must not connect (folder held by another line …); null when it may. */
    String problem() {
        return problem;
    }

    /** The persistence of a new client: the locked folder, or memory. */
    MqttClientPersistence open(boolean cleanSession) {
        if (cleanSession || lock == null) {
            return new MemoryPersistence();
        }
        return new MqttDefaultFilePersistence(lock.folder().toString());
    }
}
