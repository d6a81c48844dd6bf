package org.scadamqtt.mqtt;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.mqtt.internal.SessionListener;
import org.scadamqtt.mqtt.internal.bind.LogThrottle;
import org.scadamqtt.mqtt.internal.bind.TagAddress;
import org.scadamqtt.mqtt.internal.bind.TagBinder;
import org.scadamqtt.mqtt.internal.bind.ValueConverter;
import org.scadamqtt.mqtt.internal.route.RouteEntry;
import org.scadamqtt.mqtt.internal.route.StationRouter;
import org.scadamqtt.mqtt.internal.station.DriverThreads;
import org.scadamqtt.mqtt.internal.station.StationSettings;
import org.scadamqtt.mqtt.internal.station.StationWorker;
import org.scadamqtt.mqtt.internal.station.WillMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT line: a session to the broker and a worker per station. The session's callback
 * thread only routes and queues ({@link #messageArrived}); decoding, binding, publishing to the
 * host and acknowledging run on this driver's own pool, in order per station.
 */
public final class MqttDriver implements Driver, SessionListener {

    private static final Logger LOG = LoggerFactory.getLogger(MqttDriver.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** A tag the host may write, and the station it belongs to. */
    private record TagRef(StationWorker station, TagConfig tag, TagAddress.Kind kind) {
    }

    /** Everything routing needs, swapped as one on reconfiguration. */
    private record Routing(StationRouter router, WillMatcher wills, Map<String, StationWorker> workers,
            Map<String, TagRef> tags, Map<String, StationConfig> configs) {
    }

    private final DriverContext context;
    private final LineStatistics statistics = new LineStatistics();
    private final DriverThreads threads;
    private final LogThrottle throttle;
    private final Function<ZoneId, ValueConverter> converters;
    private final MqttSession session;
    private volatile LineConfig line;
    private volatile Routing routing;
    private volatile boolean lineUp;
    private volatile boolean started;
    private volatile boolean stopped;

    /** A driver whose session the factory makes (tests pass an in-memory one). */
    public MqttDriver(LineConfig line, DriverContext context, MqttSession.Factory sessions) {
        this(line, context, sessions, ValueConverters::forZone);
    }

    MqttDriver(LineConfig line, DriverContext context, MqttSession.Factory sessions,
            Function<ZoneId, ValueConverter> converters) {
        this.line = Objects.requireNonNull(line, "line");
        this.context = Objects.requireNonNull(context, "context");
        this.converters = converters;
        this.throttle = LogThrottle.tenSeconds(context.clock());
        this.threads = new DriverThreads(line.name(), Math.max(1, line.stations().size()));
        this.session = sessions.open(line, context, statistics, this);
        this.routing = buildRouting(line, Map.of(), Map.of());
    }

    private Routing buildRouting(LineConfig cfg, Map<String, StationWorker> oldWorkers,
            Map<String, StationConfig> oldConfigs) {
        Map<String, StationWorker> workers = new LinkedHashMap<>();
        Map<String, TagRef> tags = new LinkedHashMap<>();
        Map<String, StationConfig> configs = new LinkedHashMap<>();
        List<StationSettings> settings = new ArrayList<>();
        List<RouteEntry> routes = new ArrayList<>();
        for (StationConfig st : cfg.stations()) {
            StationSettings s = StationSettings.of(cfg, st);
            settings.add(s);
            StationWorker w = oldWorkers.get(st.name());
            if (w == null || !st.equals(oldConfigs.get(st.name()))) {
                TagBinder binder = TagBinder.create(st, s.bind(), converters.apply(s.bind().zone()), throttle);
                w = new StationWorker(cfg.name(), st, s, binder, context, session, statistics, threads, throttle);
            }
            workers.put(st.name(), w);
            configs.put(st.name(), st);
            routes.add(new RouteEntry(st.name(), st.address()));
            for (TagConfig t : st.tags()) {
                tags.put(t.name(), new TagRef(w, t, TagAddress.parse(t.address()).kind()));
            }
        }
        return new Routing(StationRouter.of(routes), WillMatcher.of(cfg.stations(), settings), Map.copyOf(workers),
                Map.copyOf(tags), Map.copyOf(configs));
    }

    @Override
    public void start() {
        if (started) {
            throw new IllegalStateException("line " + line.name() + " was already started");
        }
        started = true;
        routing.workers().values().forEach(StationWorker::start);
        session.setConnectionWanted(connectionWanted());
        session.start();
    }

    @Override
    public void reconfigure(LineConfig newConfig) {
        if (stopped) {
            return;
        }
        Routing old = routing;
        Routing next = buildRouting(newConfig, old.workers(), old.configs());
        line = newConfig;
        routing = next;
        for (StationWorker w : next.workers().values()) {
            if (old.workers().get(w.name()) != w && started) {
                w.start();
                w.lineChanged(lineUp, lineUp ? "" : "not connected");
            }
        }
        for (StationWorker w : old.workers().values()) {
            if (next.workers().get(w.name()) != w) {
                w.retire();
            }
        }
        session.reconfigure(newConfig);
        session.setConnectionWanted(connectionWanted());
    }

    @Override
    public CompletionStage<WriteResult> write(String tag, Object value) {
        if (stopped) {
            return CompletableFuture.completedFuture(WriteResult.failed(WriteFailure.STOPPED,
                    "the driver of line " + line.name() + " is stopped"));
        }
        TagRef ref = routing.tags().get(tag);
        if (ref == null) {
            return CompletableFuture.completedFuture(WriteResult.failed(WriteFailure.UNKNOWN_TAG,
                    "line " + line.name() + " has no tag named '" + tag + "'"));
        }
        boolean writable = ref.tag().type().isOutput() && (ref.kind() == TagAddress.Kind.OUT_TOPIC
                || ref.kind() == TagAddress.Kind.OUT_VALUE || ref.kind() == TagAddress.Kind.ACK_ID);
        if (!writable) {
            return CompletableFuture.completedFuture(WriteResult.failed(WriteFailure.NOT_WRITABLE,
                    "tag " + tag + " (" + ref.tag().type() + ", address " + ref.tag().address() + ") of station "
                            + ref.station().name() + " cannot be written; only OUT_TOPIC, OUT_VALUE and ACK_ID "
                            + "output tags can"));
        }
        return ref.station().write(ref.tag(), ref.kind(), value);
    }

    @Override
    public void control(String station, StationControl control) {
        StationWorker w = routing.workers().get(station);
        if (w == null) {
            throw new IllegalArgumentException("line " + line.name() + " has no station named '" + station + "'");
        }
        w.control(control);
        if (started && !stopped) {
            session.setConnectionWanted(connectionWanted());
        }
    }

    private boolean connectionWanted() {
        return routing.workers().values().stream().anyMatch(w -> w.control() == StationControl.ON);
    }

    @Override
    public LineStatus status() {
        return session.status();
    }

    @Override
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            session.stop();
        } catch (RuntimeException e) {
            LOG.warn("Line {}: stopping the MQTT session failed: {}", line.name(), e.toString());
        }
        if (!threads.shutdown(STOP_WAIT)) {
            LOG.warn("Line {}: some driver threads did not end within {} s", line.name(), STOP_WAIT.toSeconds());
        }
        routing.workers().values().forEach(StationWorker::failQueuedWrites);
    }

    // ---- SessionListener: runs on the MQTT client's threads; never blocks, never throws ----

    @Override
    public void messageArrived(InboundMessage m) {
        if (stopped) {
            return;
        }
        try {
            Routing r = routing;
            if (!r.wills().isEmpty()) {
                List<String> willOf = r.wills().match(m.topic(), m.payload());
                if (!willOf.isEmpty()) {
                    AtomicInteger left = new AtomicInteger(willOf.size());
                    Runnable ack = () -> {
                        if (left.decrementAndGet() == 0) {
                            acknowledge(m);
                        }
                    };
                    willOf.forEach(name -> r.workers().get(name).offerWill(m, ack));
                    return;
                }
            }
            Optional<String> station = r.router().route(m.topic());
            if (station.isEmpty()) {
                statistics.unrouted();
                long s = throttle.permit("unrouted:" + line.name());
                if (s >= 0) {
                    LOG.info("Line {}: no station takes topic '{}'; message ignored{}", line.name(), m.topic(),
                            LogThrottle.suppressedNote(s));
                }
                acknowledge(m);
                return;
            }
            r.workers().get(station.get()).offer(m);
        } catch (RuntimeException e) {
            LOG.error("Line {}: message on topic '{}' could not be queued: {}", line.name(), m.topic(), e.toString(), e);
        }
    }

    private void acknowledge(InboundMessage m) {
        if (m.needsAck()) {
            try {
                session.acknowledge(m);
            } catch (RuntimeException e) {
                LOG.warn("Line {}: acknowledging message on topic '{}' failed: {}", line.name(), m.topic(), e.toString());
            }
        }
    }

    @Override
    public void statusChanged(LineStatus status) {
        boolean up = status.state() == LineState.CONNECTED;
        lineUp = up;
        String reason = status.reason().isEmpty() ? status.state().toString().toLowerCase() : status.reason();
        routing.workers().values().forEach(w -> w.lineChanged(up, reason));
        try {
            context.lineStatus(status);
        } catch (RuntimeException e) {
            LOG.error("Line {}: the host refused a line status: {}", line.name(), e.toString());
        }
    }

    /** The prefix of the names of every thread this driver owns (for tests and diagnostics). */
    public String threadNamePrefix() {
        return threads.threadNamePrefix();
    }

    /** The station worker of a station (diagnostics and tests). */
    public Optional<StationWorker> station(String name) {
        return Optional.ofNullable(routing.workers().get(name));
    }

    /** The line's counters. */
    public LineStatistics statistics() {
        return statistics;
    }
}
