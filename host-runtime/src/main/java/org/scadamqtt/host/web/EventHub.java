package org.scadamqtt.host.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.scadamqtt.host.tags.HostListener;
import org.scadamqtt.host.tags.LineEntry;
import org.scadamqtt.host.tags.StationEntry;
import org.scadamqtt.host.tags.TagEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans host changes out to the event-stream clients of {@code GET /api/events}. The listener
 * side only appends to each client's bounded {@link ClientQueue} (driver threads never wait for a
 * browser); each client is served by its own request thread that drains its queue.
 */
final class EventHub implements HostListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    /**
     * A {@code heartbeat} event this often when nothing changed: it keeps proxies from closing an
     * idle stream, and its absence tells the page within seconds that the host is gone (a host
     * that hangs or a cable cut closes no connection the browser could notice).
     */
    static final long HEARTBEAT_MILLIS = 1000;

    private final ObjectMapper mapper;
    private final int queueCapacity;
    private final Set<ClientQueue<ConsoleEvent>> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean stopped;

    EventHub(ObjectMapper mapper, int queueCapacity) {
        this.mapper = mapper;
        this.queueCapacity = queueCapacity;
    }

    // runs on driver threads: must return quickly
    @Override
    public void tagChanged(TagEntry tag) {
        broadcast(new ConsoleEvent("tag", tag));
    }

    @Override
    public void stationChanged(StationEntry station) {
        broadcast(new ConsoleEvent("station", station));
    }

    @Override
    public void lineChanged(LineEntry line) {
        broadcast(new ConsoleEvent("line", line));
    }

    private void broadcast(ConsoleEvent event) {
        for (ClientQueue<ConsoleEvent> q : clients) {
            if (q.offer(event)) {
                dropped.incrementAndGet();
            }
        }
    }

    /** Number of connected event-stream clients. */
    int clientCount() {
        return clients.size();
    }

    /** Events dropped for slow clients since start, over all clients. */
    long droppedTotal() {
        return dropped.get();
    }

    /**
     * Serves one client until it disconnects or the console stops.
     * Runs on a Javalin async thread of its own, so it may block.
     */
    void serve(SseClient client) {
        ClientQueue<ConsoleEvent> queue = new ClientQueue<>(queueCapacity);
        clients.add(queue);
        client.onClose(queue::close);
        try {
            // tells the page it is connected, so it (re)loads the tables and misses nothing
            client.sendEvent("hello", "{\"queueCapacity\":" + queueCapacity + "}");
            while (!stopped && !client.terminated() && !queue.isClosed()) {
                ConsoleEvent event = queue.poll(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
                long missed = queue.takeDropped();
                if (missed > 0) {
                    client.sendEvent("resync", "{\"dropped\":" + missed + "}");
                }
                if (event == null) {
                    client.sendEvent("heartbeat", "{}");
                } else {
                    client.sendEvent(event.name(), json(event));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("event stream client ended: {}", e.toString());
        } finally {
            clients.remove(queue);
            queue.close();
            client.close();
        }
    }

    private String json(ConsoleEvent event) {
        Map<String, Object> body;
        if (event.entry() instanceof TagEntry t) {
            body = ApiJson.tag(t);
        } else if (event.entry() instanceof StationEntry s) {
            body = ApiJson.station(s);
        } else {
            body = ApiJson.line((LineEntry) event.entry());
        }
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // ordered maps of strings and numbers always serialise; this would be a bug here
            throw new IllegalStateException("cannot write " + event.name() + " event as JSON", e);
        }
    }

    /** Ends every stream (their threads see the closed queues and return). */
    void stop() {
        stopped = true;
        clients.forEach(ClientQueue::close);
    }
}
