package org.scadamqtt.mqtt.profiles.sparkplug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.scadamqtt.mqtt.profile.ProfileContext;

/**
 * The line as the primary host application (a {@code sparkplugHostId}): its STATE birth after
 * every (re)connect, its STATE death before a deliberate disconnect, and a birth again when it
 * sees its own death while connected. One timestamp for will, births and deaths ({@link HostState}).
 * Without a host id it publishes nothing.
 */
final class PrimaryHost {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProfileContext context;
    private final String hostId;
    private final Clock clock;
    private volatile boolean closed;
    /** Set while the line says goodbye before a deliberate disconnect, until it connects again. */
    private volatile boolean leaving;
    /** A birth went out since the last goodbye: only then is a death owed (none before the first birth). */
    private volatile boolean announced;

    /** @param context null in tests that need no publishing */
    PrimaryHost(ProfileContext context, String hostId, Clock clock) {
        this.context = context;
        this.hostId = hostId;
        this.clock = clock;
    }

    /** Whether a STATE message on {@code spBv1.0/STATE/<id>} is ours. */
    boolean owns(String id) {
        return !hostId.isEmpty() && hostId.equals(id);
    }

    /** Connected (again) and subscribed: online. */
    void connected() {
        leaving = false;
        announced = true;
        publish(true);
    }

    /**
     * The line disconnects on purpose: the STATE death with the birth's timestamp, QoS 1,
     * retained, before the DISCONNECT (Sparkplug 3.0, host application intentional disconnect),
     * so edge nodes learn at once instead of after the broker's keep-alive (the will covers only
     * an unexpected loss).
     */
    CompletableFuture<Void> leaving() {
        leaving = true;
        if (!announced) {
            // never said online (a reload made this line a Sparkplug host just now): an offline
            // would only make edge nodes that wait for this host leave the broker
            return CompletableFuture.completedFuture(null);
        }
        announced = false;
        return publish(false);
    }

    /**
     * A STATE message on our host id came back from the broker. A death with our own timestamp
     * while we are connected is the will of an old connection of ours (cut, then replaced): edge
     * nodes now think we are gone, so say again that we are online. A death with another
     * timestamp belongs to another incarnation (the session a reload replaced, an earlier run):
     * edge nodes ignore STATE older than the newest they saw, and answering it would put a birth
     * under a will the broker does not hold yet.
     */
    void seen(byte[] payload) {
        try {
            JsonNode s = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
            if (s != null && s.path("online").isBoolean() && !s.path("online").asBoolean() && !closed && !leaving
                    && context != null && s.path("timestamp").canConvertToLong()
                    && s.path("timestamp").asLong() == HostState.timestamp(context.line().name(), clock)) {
                publish(true);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON: not ours to judge
        }
    }

    /** The line stopped: its next start announces a new timestamp. */
    void close() {
        closed = true;
        if (context != null && context.line() != null) {
            HostState.forget(context.line().name());
        }
    }

    private CompletableFuture<Void> publish(boolean online) {
        if (hostId.isEmpty() || context == null) {
            return CompletableFuture.completedFuture(null);
        }
        long ts = HostState.timestamp(context.line().name(), clock);
        return context.publish(SparkplugTopic.state(hostId), HostState.payload(online, ts)
                .getBytes(StandardCharsets.UTF_8), 1, true);
    }
}
