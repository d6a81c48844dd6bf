package org.scadamqtt.mqtt.internal;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.ActionResult;
import org.scadamqtt.driver.DiscoveredPoint;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationDetails;
import org.scadamqtt.driver.StationDiagnostics;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;




import org.scadamqtt.mqtt.internal.bind.LogThrottle;
import org.scadamqtt.mqtt.internal.bind.CompiledTag;
import org.scadamqtt.mqtt.internal.profile.LineProfileContext;
import org.scadamqtt.mqtt.internal.profile.LineProfiles;
import org.scadamqtt.mqtt.internal.profile.PendingReplies;
import org.scadamqtt.mqtt.internal.profile.ProfileIdentity;
import org.scadamqtt.mqtt.internal.profile.ProfileRegistry;
import org.scadamqtt.mqtt.internal.station.ProfileLink;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.internal.bind.TagBinder;
import org.scadamqtt.mqtt.internal.bind.ValueConverter;
import org.scadamqtt.mqtt.internal.bind.ValueConverters;
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
    private record TagRef(StationWorker station, CompiledTag tag) {
    }

    /**
     * Everything routing needs, swapped as one on reconfiguration.
     *
     * @param codes each station's payload type
     * @param keyed per payload type, the stations answering to each routing key
     */
    private record Routing(StationRouter router, WillMatcher wills, Map<String, StationWorker> workers,
            Map<String, TagRef> tags, Map<String, StationConfig> configs, Map<String, String> codes,
            Map<String, Map<String, List<String>>> keyed) {
    }

    /** What inspection decided, and the session that decided it (null: every session left it to topic routing). */
    private record Inspected(Inspection inspection, LineProfiles.Open by) {
        /** Every session left the message to topic routing (the common case: no object per message). */
        static final Inspected BY_TOPIC = new Inspected(Inspection.byTopic(), null);
    }

    private final DriverContext context;
    private final LineStatistics statistics = new LineStatistics();
    private final DriverThreads threads;
    private final LogThrottle throttle;
    private final Function<ZoneId, ValueConverter> converters;
    private final MqttSession session;
    private final PendingReplies replies;
    private final LineProfiles profiles;
    private volatile LineConfig line;
    private volatile Routing routing;
    private volatile boolean lineUp;
    private volatile boolean started;
    private volatile boolean stopped;

    /** A driver whose session the factory makes (tests pass an in-memory one). */
    public MqttDriver(LineConfig line, DriverContext context, MqttSession.Factory sessions) {
        this(line, context, sessions, ValueConverters::forZone);
    }

    public MqttDriver(LineConfig line, DriverContext context, MqttSession.Factory sessions,
            Function<ZoneId, ValueConverter> converters) {
        this(line, context, sessions, converters, ProfileRegistry.standard());
    }

    /** A driver with its own set of payload profiles (tests of the profile seam). */
    public MqttDriver(LineConfig line, DriverContext context, MqttSession.Factory sessions,
            ProfileRegistry profiles) {
        this(line, context, sessions, ValueConverters::forZone, profiles);
    }

    private MqttDriver(LineConfig line, DriverContext context, MqttSession.Factory sessions,
            Function<ZoneId, ValueConverter> converters, ProfileRegistry profiles) {
        this.line = Objects.requireNonNull(line, "line");
        this.context = Objects.requireNonNull(context, "context");
        this.converters = converters;
        this.throttle = LogThrottle.tenSeconds(context.clock());
        this.threads = new DriverThreads(line.name(), Math.max(1, line.stations().size()));
        this.replies = new PendingReplies(threads.timer(), threads.workers());
        this.session = sessions.open(line, context, statistics, this, threads.timer());
        this.profiles = new LineProfiles(profiles, this::openSession);
        this.profiles.apply(this.profiles.changeFor(line), line);
        this.routing = buildRouting(line, Map.of(), Map.of());
    }

    /** Opens the profile session {@code wanted} describes; every session of the line shares its context. */
    private LineProfiles.Open openSession(ProfileIdentity wanted) {
        ProfileSession opened = wanted.profile().open(new LineProfileContext(() -> this.line, context.clock(),
                wanted.reply(), session, replies, statistics));
        return new LineProfiles.Open(wanted, opened,
                new ProfileLink(opened, replies, wanted.reply(), wanted.replyParameter()));
    }

    private void closeQuietly(LineProfiles.Open o) {
        try {
            o.session().close();
        } catch (RuntimeException e) {
            LOG.warn("Line {}: closing payload profile {} failed: {}", line.name(), o.code(), e.toString());
        }
    }

    private Routing buildRouting(LineConfig cfg, Map<String, StationWorker> oldWorkers,
            Map<String, StationConfig> oldConfigs) {
        Map<String, StationWorker> workers = new LinkedHashMap<>();
        Map<String, TagRef> tags = new LinkedHashMap<>();
        Map<String, StationConfig> configs = new LinkedHashMap<>();
        Map<String, String> codes = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> keyed = new LinkedHashMap<>();
        List<StationSettings> settings = new ArrayList<>();
        List<RouteEntry> routes = new ArrayList<>();
        for (StationConfig st : cfg.stations()) {
            StationSettings s = StationSettings.of(cfg, st);
            settings.add(s);
            LineProfiles.Open p = profiles.of(cfg, st);
            StationWorker w = oldWorkers.get(st.name());
            if (w == null || !st.equals(oldConfigs.get(st.name())) || w.profileLink() != p.link()) {
                TagBinder binder = TagBinder.create(st, s.bind(), converters.apply(s.bind().zone()), throttle,
                        p.profile(), p.session());
                w = new StationWorker(cfg.name(), st, s, binder, context, session, statistics, threads, throttle,
                        p.link());
            }
            codes.put(st.name(), p.code());
            for (String key : p.profile().stationKeys(st)) {
                keyed.computeIfAbsent(p.code(), c -> new LinkedHashMap<>())
                        .computeIfAbsent(key, k -> new ArrayList<>()).add(st.name());
            }
            workers.put(st.name(), w);
            configs.put(st.name(), st);
            routes.add(new RouteEntry(st.name(), st.address()));
            // the station's tags were compiled once, with its worker; a reused worker keeps them
            for (CompiledTag t : w.compiledTags()) {
                tags.put(t.tag().name(), new TagRef(w, t));
            }
        }
        return new Routing(StationRouter.of(routes), WillMatcher.of(cfg.stations(), settings), Map.copyOf(workers),
                Map.copyOf(tags), Map.copyOf(configs), Map.copyOf(codes), Map.copyOf(keyed));
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
        LineProfiles.Change change = profiles.changeFor(newConfig);
        if (!change.leaving().isEmpty()) {
            farewellOf(change.leaving());
        }
        line = newConfig;
        if (!change.isEmpty()) {
            List<LineProfiles.Open> opened = profiles.apply(change, newConfig);
            change.leaving().forEach(this::closeQuietly);
            // asked after the new sessions opened: the will may differ (a Sparkplug STATE timestamp)
            if (lineUp && !session.reconnectsFor(newConfig)) {
                // the connection stays: a new session says it is here now (after a reconnect it would anyway)
                opened.forEach(this::profileConnected);
            }
        }
        Routing next = buildRouting(newConfig, old.workers(), old.configs());
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

    /**
     * Runs on the caller's thread before a reload closes payload profile sessions (a payload type no
     * longer used, or other values of a profile's own line parameters such as the Sparkplug host
     * id): lets them say goodbye (a Sparkplug STATE death) on the connection still open, and waits
     * for it as a deliberate disconnect does ({@link FarewellWait}); a new session would not know it.
     */
    private void farewellOf(List<LineProfiles.Open> leaving) {
        if (!lineUp) {
            return;
        }
        String codes = String.join(", ", leaving.stream().map(LineProfiles.Open::code).toList());
        long waitMs = FarewellWait.millis(line);
        try {
            leaving(leaving).toCompletableFuture().get(waitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Line {}: the broker did not confirm the last message of payload profile {} within {} ms; "
                    + "replacing the profile anyway", line.name(), codes, waitMs);
        } catch (ExecutionException e) {
            LOG.warn("Line {}: the last message of payload profile {} before it was replaced failed: {}", line.name(),
                    codes, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        if (!ref.tag().isWritable()) {
            TagConfig t = ref.tag().tag();
            return CompletableFuture.completedFuture(WriteResult.failed(WriteFailure.NOT_WRITABLE,
                    "tag " + tag + " (" + t.type() + ", address " + t.address() + ") of station "
                            + ref.station().name() + " cannot be written; only output tags with OUT_TOPIC, OUT_VALUE, "
                            + "ACK_ID or an output address of payload type " + routing.codes().get(ref.station().name())
                            + ", and input tags marked writable with such an address, can"));
        }
        return ref.station().write(ref.tag(), value);
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
    public Map<String, StationDiagnostics> stationDiagnostics() {
        Map<String, StationDiagnostics> out = new LinkedHashMap<>();
        routing.workers().forEach((name, w) -> out.put(name, w.diagnostics()));
        return out;
    }

    @Override
    public Map<String, StationDetails> stationDetails() {
        Map<String, StationDetails> out = new LinkedHashMap<>();
        Routing r = routing;
        r.configs().forEach((name, st) -> {
            LineProfiles.Open p = profiles.byCode(r.codes().get(name));
            if (p == null) {
                return; // its payload type's session closed by a reload that is still going on
            }
            try {
                StationDetails d = p.session().details(st);
                if (d != null && !d.isEmpty()) {
                    out.put(name, d);
                }
            } catch (RuntimeException e) {
                LOG.warn("Line {}: payload profile {} failed on the details of station {}: {}", line.name(),
                        p.code(), name, e.toString());
            }
        });
        return out;
    }

    @Override
    public CompletionStage<ActionResult> stationAction(String station, String action) {
        StationConfig st = routing.configs().get(station);
        if (st == null) {
            return CompletableFuture.completedFuture(ActionResult.failed("line " + line.name()
                    + " has no station named '" + station + "'"));
        }
        if (stopped || !lineUp) {
            return CompletableFuture.completedFuture(ActionResult.failed("line " + line.name() + " is "
                    + (stopped ? "stopped" : "not connected") + ": action '" + action + "' of station " + station
                    + " was not carried out"));
        }
        LineProfiles.Open p = profiles.byCode(routing.codes().get(station));
        if (p == null) {
            return CompletableFuture.completedFuture(ActionResult.failed("line " + line.name() + " is being "
                    + "reconfigured: action '" + action + "' of station " + station + " was not carried out"));
        }
        try {
            CompletionStage<ActionResult> r = p.session().action(st, action);
            return r == null ? CompletableFuture.completedFuture(ActionResult.failed("payload profile "
                    + p.code() + " gave no result for action '" + action + "'")) : r;
        } catch (RuntimeException e) {
            LOG.warn("Line {}: payload profile {} failed on action '{}' of station {}: {}", line.name(),
                    p.code(), action, station, e.toString());
            return CompletableFuture.completedFuture(ActionResult.failed("action '" + action + "' of station "
                    + station + " failed: " + e.getMessage()));
        }
    }

    @Override
    public List<DiscoveredPoint> discovered() {
        List<DiscoveredPoint> out = new ArrayList<>();
        for (LineProfiles.Open p : profiles.inOrder()) {
            try {
                List<DiscoveredPoint> d = p.session().discovered();
                if (d != null) {
                    out.addAll(d);
                }
            } catch (RuntimeException e) {
                LOG.warn("Line {}: payload profile {} failed listing what it discovered: {}", line.name(), p.code(),
                        e.toString());
            }
        }
        return List.copyOf(out);
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
        replies.failAll(WriteResult.failed(WriteFailure.STOPPED, "the driver of line " + line.name()
                + " stopped before the device answered"));
        profiles.inOrder().forEach(this::closeQuietly);
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
            Inspected inspected = inspect(m);
            Inspection inspection = inspected.inspection();
            if (inspection.consumed()) {
                acknowledge(m);
                return;
            }
            Map<String, List<String>> keyed = inspected.by() == null ? Map.of()
                    : r.keyed().getOrDefault(inspected.by().code(), Map.of());
            if (!inspection.keys().isEmpty() && !keyed.isEmpty() && routeByKeys(r, keyed, m, inspection)) {
                return;
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
            // a message decoded by another payload type's session is decoded again by the station's own
            boolean same = inspected.by() != null && inspected.by().code().equals(r.codes().get(station.get()));
            r.workers().get(station.get()).offer(m, same ? inspection.decoded() : null, null);
        } catch (RuntimeException e) {
            LOG.error("Line {}: message on topic '{}' could not be queued: {}", line.name(), m.topic(), e.toString(), e);
        }
    }

    /**
     * Offers the message to the line's sessions in order (the line's payload type first, then the
     * stations' own in station order); the first that says more than "route by topic" decides.
     */
    private Inspected inspect(InboundMessage m) {
        for (LineProfiles.Open p : profiles.inOrder()) {
            Inspection i = inspect(p, m);
            if (!i.equals(Inspection.byTopic())) {
                return new Inspected(i, p);
            }
        }
        return Inspected.BY_TOPIC;
    }

    private Inspection inspect(LineProfiles.Open p, InboundMessage m) {
        try {
            Inspection i = p.session().inspect(m.view());
            return i == null ? Inspection.byTopic() : i;
        } catch (RuntimeException | StackOverflowError e) {
            String text = "Line " + line.name() + ": payload profile " + p.code() + " failed on a message on topic '"
                    + m.topic() + "': " + e;
            statistics.badPayload(text, m.receivedAt());
            long s = throttle.permit("inspect:" + line.name());
            if (s >= 0) {
                LOG.warn("{}{}", text, LogThrottle.suppressedNote(s));
            }
            return Inspection.byTopic();
        }
    }

    /** Hands a message to every station answering to one of its keys; false when none does. */
    private boolean routeByKeys(Routing r, Map<String, List<String>> keyed, InboundMessage m, Inspection inspection) {
        Map<String, Decoded> targets = new LinkedHashMap<>();
        for (String key : inspection.keys()) {
            List<String> names = keyed.get(key);
            if (names != null) {
                names.forEach(n -> targets.putIfAbsent(n, inspection.decodedFor(key)));
            }
        }
        if (targets.isEmpty()) {
            return false;
        }
        AtomicInteger left = new AtomicInteger(targets.size());
        Runnable ack = () -> {
            if (left.decrementAndGet() == 0) {
                acknowledge(m);
            }
        };
        targets.forEach((name, decoded) -> r.workers().get(name).offer(m, decoded, ack));
        return true;
    }

    private void acknowledge(InboundMessage m) {
        try {
            m.ack().acknowledge();
        } catch (RuntimeException e) {
            LOG.warn("Line {}: acknowledging message on topic '{}' failed: {}", line.name(), m.topic(), e.toString());
        }
    }

    private void profileConnected(LineProfiles.Open p) {
        try {
            p.session().connected();
        } catch (RuntimeException e) {
            LOG.warn("Line {}: payload profile {} failed after connecting: {}", line.name(), p.code(),
                    e.toString());
        }
    }

    private void profileDisconnected(LineProfiles.Open p) {
        try {
            p.session().disconnected();
        } catch (RuntimeException e) {
            LOG.warn("Line {}: payload profile {} failed after the connection ended: {}", line.name(), p.code(),
                    e.toString());
        }
    }

    @Override
    public void statusChanged(LineStatus status) {
        boolean up = status.state() == LineState.CONNECTED;
        lineUp = up;
        String reason = status.reason().isEmpty() ? status.state().toString().toLowerCase() : status.reason();
        routing.workers().values().forEach(w -> w.lineChanged(up, reason));
        if (up) {
            profiles.inOrder().forEach(this::profileConnected);
        } else {
            profiles.inOrder().forEach(this::profileDisconnected);
        }
        try {
            context.lineStatus(status);
        } catch (RuntimeException e) {
            LOG.error("Line {}: the host refused a line status: {}", line.name(), e.toString());
        }
    }

    /**
     * Timers of this driver's stations and payload profile now waiting on its timer thread (for
     * tests and diagnostics: a completed write leaves none behind).
     */
    public int scheduledTimers() {
        return threads.scheduledTimers();
    }

    @Override
    public CompletionStage<?> leaving() {
        return leaving(profiles.inOrder());
    }

    /** The goodbyes of these sessions, complete when all are. */
    private CompletionStage<?> leaving(List<LineProfiles.Open> sessions) {
        List<CompletableFuture<?>> goodbyes = new ArrayList<>();
        for (LineProfiles.Open p : sessions) {
            try {
                CompletionStage<?> goodbye = p.session().leaving();
                if (goodbye != null) {
                    goodbyes.add(goodbye.toCompletableFuture());
                }
            } catch (RuntimeException e) {
                LOG.warn("Line {}: payload profile {} failed before disconnecting: {}", line.name(), p.code(),
                        e.toString());
            }
        }
        return CompletableFuture.allOf(goodbyes.toArray(CompletableFuture[]::new));
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
