package org.scadamqtt.mqtt.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.scadamqtt.driver.LineStatus;

/** What a session tells the driver. */
public interface SessionListener {

    /**
     * A message arrived. Runs on the MQTT client's callback thread: must return at once, must
     * not block and must not throw.
     */
    void messageArrived(InboundMessage message);

    /** The connection state changed (connecting, connected to which broker, disconnected why). */
    void statusChanged(LineStatus status);

    /**
     * The session is about to DISCONNECT on purpose while connected. Runs on a line thread; the
     * session waits for the result, bounded, before it disconnects. Must not block or throw.
     */
    default CompletionStage<?> leaving() {
        return CompletableFuture.completedFuture(null);
    }
}
