package org.scadamqtt.mqtt.profiles.sparkplug;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.driver.ActionResult;
import org.scadamqtt.driver.DiscoveredPoint;
import org.scadamqtt.driver.StationDetails;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profile.StationSignal;
import org.scadamqtt.mqtt.profile.WriteRefusedException;
import org.scadamqtt.mqtt.profile.WriteRequest;
import org.scadamqtt.mqtt.profiles.sparkplug.SparkplugCodec.Parsed;
import org.scadamqtt.mqtt.profiles.sparkplug.SparkplugCodec.Resolved;
import org.scadamqtt.mqtt.profiles.sparkplug.SparkplugTopic.Kind;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.Metric;

/**
 * The Sparkplug host application's state for one line. {@link #inspect} runs on the dispatch
 * thread, one message at a time: births define each edge node's and device's metric set
 * (aliases, data types), data is resolved by alias, the sequence number is checked per edge node,
 * deaths are matched by bdSeq. A gap, an unknown alias or data before a birth marks the edge
 * node's values UNCERTAIN until its next NBIRTH and sends a Rebirth request (at most one per
 * {@code sparkplugRebirthInterval}). Writes are encoded here, where the births are known.
 */
final class SparkplugSession implements ProfileSession {

    static final String REBIRTHS = "sparkplug rebirth requests";
    static final String STALE_DEATHS = "sparkplug NDEATH with an old bdSeq ignored";
    static final String UNDECODABLE = "sparkplug undecodable payloads";
    static final String UNKNOWN_ALIASES = "sparkplug unknown aliases";
    static final String HISTORICAL = "sparkplug historical metrics skipped";
    static final String COMMANDS_SEEN = "sparkplug commands of other hosts";

    private final ProfileContext context;
    private final SparkplugSettings settings;
    private final Clock clock;
    private final Map<String, EdgeNode> nodes = new ConcurrentHashMap<>();
    private final ConfirmedWrites confirmed;
    private final PrimaryHost host;
    /**
     * Orders the line's own publishes: a Rebirth request never goes out before the STATE birth of
     * its connection (Sparkplug 3.0: the primary host's STATE birth is the first message of a
     * session), though data that asks for one may arrive while the line is still subscribing.
     */
    private final Object order = new Object();
    /** Connected and announced since the last loss of the connection; guarded by {@link #order}. */
    private boolean online;
    /** Edge nodes owed a Rebirth request once the line is online; guarded by {@link #order}. */
    private final Set<EdgeNode> held = new LinkedHashSet<>();

    SparkplugSession(ProfileContext context, SparkplugSettings settings) {
        this.context = context;
        this.settings = settings;
        this.clock = context == null ? Clock.systemUTC() : context.clock();
        this.confirmed = new ConfirmedWrites(context);
        this.host = new PrimaryHost(context, settings.hostId(), clock);
    }

    /** The edge node state of group/node (tests, console); null when never seen. */
    EdgeNode node(String group, String node) {
        return nodes.get(group + "/" + node);
    }

    @Override
    public Decoded decode(InboundView message) {
        // reached only for messages inspect left to topic routing without decoding (not Sparkplug topics)
        Parsed p = SparkplugCodec.parse(message.payload());
        if (p.error() != null) {
            return Decoded.failure(p.error());
        }
        List<Resolved> metrics = SparkplugCodec.byOwnNames(p.payload());
        return Decoded.of(SparkplugCodec.document(p.payload(), metrics)).withBody(new SparkplugValues(
                Map.of("", SparkplugCodec.values(metrics, SparkplugCodec.time(p.payload()))), null));
    }

    @Override
    public Inspection inspect(InboundView message) {
        SparkplugTopic t = SparkplugTopic.parse(message.topic());
        return switch (t.kind()) {
            case OTHER -> Inspection.byTopic();
            case STATE -> state(t, message);
            case NCMD, DCMD -> {
                count(COMMANDS_SEEN);
                yield Inspection.handled();
            }
            default -> edgeMessage(t, message);
        };
    }

    private Inspection edgeMessage(SparkplugTopic t, InboundView message) {
        EdgeNode n = nodes.computeIfAbsent(t.edgeNode(), k -> new EdgeNode(t.group(), t.node()));
        Parsed p = SparkplugCodec.parse(message.payload());
        if (p.error() != null) {
            count(UNDECODABLE);
            if (t.kind() != Kind.NDEATH) {
                n.lastSeq = -1; // the sequence cannot be followed across a message we could not read
                problem(n, t.where() + " sent a payload the host cannot read");
            }
            return Inspection.routeByKeys(Decoded.failure(p.error()), List.of(ownKey(t)));
        }
        Payload payload = p.payload();
        return switch (t.kind()) {
            case NBIRTH -> nbirth(t, n, payload);
            case NDEATH -> ndeath(t, n, payload);
            case DDEATH -> ddeath(t, n, payload);
            default -> data(t, n, payload); // DBIRTH, NDATA, DDATA
        };
    }

    private Inspection nbirth(SparkplugTopic t, EdgeNode n, Payload p) {
        n.own.reset();
        n.devices.clear();
        n.bdSeq = bdSeq(p);
        n.lastSeq = p.hasSeq() && p.getSeq() >= 0 && p.getSeq() <= 255 ? (int) p.getSeq() : -1;
        n.awaitingBirth = null;
        n.born();
        synchronized (order) {
            held.remove(n); // the birth a held request would have asked for
        }
        List<Resolved> metrics = register(n.own, p);
        Map<String, MetricValue> values = SparkplugCodec.values(metrics, SparkplugCodec.time(p));
        n.own.current.putAll(values);
        n.own.birthTypes = Discovery.types(values);
        n.own.born = true;
        Decoded d = Decoded.of(SparkplugCodec.document(p, metrics))
                .withBody(new SparkplugValues(Map.of("", values), null))
                .withSignal(StationSignal.clear("edge node " + n.id() + " is online (NBIRTH"
                        + (n.bdSeq == null ? "" : ", bdSeq " + n.bdSeq) + ")", true));
        return Inspection.routeByKeys(d, List.of(EdgeRef.nodeKey(t.group(), t.node())));
    }

    private Inspection ndeath(SparkplugTopic t, EdgeNode n, Payload p) {
        Long bd = bdSeq(p);
        if (n.bdSeq != null && bd != null && !bd.equals(n.bdSeq)) {
            // a will delivered late, after the edge node had already reconnected and sent a new birth
            count(STALE_DEATHS);
            return Inspection.handled();
        }
        n.own.born = false;
        n.own.dead = true;
        n.devices.values().forEach(s -> {
            s.born = false;
            s.dead = true;
        });
        n.lastSeq = -1;
        n.awaitingBirth = null;
        String why = "edge node " + n.id() + " is offline (NDEATH" + (bd == null ? "" : ", bdSeq " + bd)
                + "): its values are stale until its next birth";
        return Inspection.routeByKeys(Decoded.nothing().withSignal(StationSignal.fault(why)),
                List.of(EdgeRef.nodeKey(t.group(), t.node()), EdgeRef.followerKey(t.group(), t.node())));
    }

    private Inspection ddeath(SparkplugTopic t, EdgeNode n, Payload p) {
        String gap = n.checkSeq(p.hasSeq() ? p.getSeq() : null);
        EdgeNode.Scope s = n.scope(t.device());
        s.born = false;
        s.dead = true;
        if (gap != null) {
            problem(n, gap);
        }
        String why = "device " + n.id() + "/" + t.device() + " is offline (DDEATH): its values are stale until its "
                + "next birth";
        return Inspection.routeByKeys(Decoded.nothing().withSignal(StationSignal.fault(why)),
                List.of(EdgeRef.deviceKey(t.group(), t.node(), t.device())));
    }

    /** DBIRTH, NDATA and DDATA. */
    private Inspection data(SparkplugTopic t, EdgeNode n, Payload p) {
        String newProblem = n.checkSeq(p.hasSeq() ? p.getSeq() : null);
        boolean birth = t.kind() == Kind.DBIRTH;
        EdgeNode.Scope scope;
        List<Resolved> metrics;
        if (birth) {
            scope = n.scope(t.device());
            scope.reset();
            metrics = register(scope, p);
            scope.born = true;
            if (!n.own.born && newProblem == null) {
                newProblem = "device " + n.id() + "/" + t.device() + " was born before the host saw its edge node's birth";
            }
        } else {
            scope = n.existing(t.device());
            if (scope == null || !scope.born) {
                scope = n.scope(t.device());
                if (newProblem == null) {
                    newProblem = "the host has not seen the birth of " + t.where();
                }
            }
            metrics = resolve(scope, p);
            if (newProblem == null) {
                newProblem = unknownAlias(t, p, metrics);
            }
        }
        Map<String, MetricValue> values = SparkplugCodec.values(metrics, SparkplugCodec.time(p));
        scope.current.putAll(values);
        if (birth) {
            scope.birthTypes = Discovery.types(values);
        }
        confirmed.reported(t.edgeNode(), t.device(), values);
        StationSignal signal = birth ? StationSignal.clear("device " + n.id() + "/" + t.device()
                + " is online (DBIRTH)", true) : StationSignal.none();
        String ownKey = ownKey(t);
        boolean wasAwaiting = n.awaitingBirth != null;
        if (newProblem != null) {
            problem(n, newProblem);
        } else if (wasAwaiting) {
            maybeRequestRebirth(n);
        }
        Decoded own = Decoded.of(SparkplugCodec.document(p, metrics))
                .withBody(new SparkplugValues(Map.of(t.device(), values), n.awaitingBirth)).withSignal(signal);
        if (newProblem == null || wasAwaiting) {
            return Inspection.routeByKeys(own, List.of(ownKey));
        }
        // the first sign of trouble: every value the host holds for this edge node becomes UNCERTAIN
        return snapshot(t, n, own, ownKey);
    }

    private Inspection snapshot(SparkplugTopic t, EdgeNode n, Decoded own, String ownKey) {
        Map<String, Map<String, MetricValue>> all = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        keys.add(ownKey);
        if (!n.own.dead) {
            all.put("", Map.copyOf(n.own.current));
            keys.add(EdgeRef.nodeKey(t.group(), t.node()));
        }
        n.devices.forEach((device, s) -> {
            if (!s.dead && (s.born || device.equals(t.device()))) {
                all.put(device, Map.copyOf(s.current));
                keys.add(EdgeRef.deviceKey(t.group(), t.node(), device));
            }
        });
        SparkplugValues v = new SparkplugValues(all, n.awaitingBirth);
        Decoded everything = new Decoded(own.document(), null, v, StationSignal.none(), null);
        return Inspection.routeByKeys(everything, keys.stream().distinct().toList(),
                Map.of(ownKey, everything.withSignal(own.signal())));
    }

    /** Records what went wrong; the values stay UNCERTAIN until the next NBIRTH. */
    private void problem(EdgeNode n, String why) {
        if (n.awaitingBirth == null) {
            n.awaitingBirth = why + "; values are uncertain until its next birth"
                    + (settings.requestRebirth() ? " (a rebirth was requested)" : "");
        }
        maybeRequestRebirth(n);
    }

    private void maybeRequestRebirth(EdgeNode n) {
        if (settings.requestRebirth() && n.rebirthDue(clock.instant(), settings.rebirthInterval())) {
            synchronized (order) {
                if (!online) {
                    held.add(n); // sent by connected(), after the STATE birth
                    return;
                }
            }
            requestRebirth(n.group, n.node);
        }
    }

    /** Sends a Rebirth request to an edge node now; completes when written (QoS 0). */
    CompletableFuture<Void> requestRebirth(String group, String node) {
        count(REBIRTHS);
        if (context == null) {
            return CompletableFuture.completedFuture(null);
        }
        return context.publish(SparkplugTopic.topic(Kind.NCMD, group, node, ""), Commands.rebirth(clock.instant()), 0,
                false);
    }

    @Override
    public List<DiscoveredPoint> discovered() {
        return Discovery.of(nodes.values());
    }

    @Override
    public StationDetails details(StationConfig station) {
        return EdgeRef.of(station).map(e -> EdgeDetails.of(e, nodes.get(e.group() + "/" + e.node()),
                settings.requestRebirth())).orElse(StationDetails.NONE);
    }

    /**
     * "rebirth": the operator's Rebirth request for the station's edge node (a device station's
     * too: Sparkplug rebirths a whole edge node). It goes out at once, whatever
     * {@code sparkplugRebirthInterval} says, and the automatic requests then wait a whole interval.
     */
    @Override
    public CompletionStage<ActionResult> action(StationConfig station, String name) {
        Optional<EdgeRef> ref = EdgeRef.of(station);
        if (!EdgeDetails.REBIRTH.equals(name) || ref.isEmpty()) {
            return CompletableFuture.completedFuture(ActionResult.failed("station " + station.name() + " offers "
                    + (ref.isEmpty() ? "no action: it names no Sparkplug edge node or device"
                    : "only '" + EdgeDetails.REBIRTH + "', not '" + name + "'")));
        }
        EdgeRef e = ref.get();
        if (!settings.requestRebirth()) {
            return CompletableFuture.completedFuture(ActionResult.failed("line " + context.line().name()
                    + " only listens (sparkplugRequestRebirth NO): no Rebirth request was sent to edge node "
                    + e.group() + "/" + e.node()));
        }
        String to = "edge node " + e.group() + "/" + e.node();
        synchronized (order) {
            if (!online) {
                return CompletableFuture.completedFuture(ActionResult.failed("line " + context.line().name()
                        + " is not connected and subscribed: no Rebirth request was sent to " + to));
            }
        }
        EdgeNode n = nodes.get(e.group() + "/" + e.node());
        if (n != null) {
            n.rebirthRequested(clock.instant());
        }
        return requestRebirth(e.group(), e.node()).handle((v, x) -> x == null
                ? ActionResult.done("Rebirth request (NCMD Node Control/Rebirth = true) sent to " + to)
                : ActionResult.failed("the Rebirth request to " + to + " was not sent: "
                        + (x instanceof java.util.concurrent.CompletionException && x.getCause() != null
                                ? x.getCause() : x).getMessage()));
    }

    private static String ownKey(SparkplugTopic t) {
        return t.device().isEmpty() ? EdgeRef.nodeKey(t.group(), t.node())
                : EdgeRef.deviceKey(t.group(), t.node(), t.device());
    }

    /** Learns a birth's metrics: names, aliases, data types. */
    private List<Resolved> register(EdgeNode.Scope scope, Payload p) {
        List<Resolved> out = new ArrayList<>(p.getMetricsCount());
        for (Metric m : p.getMetricsList()) {
            if (!m.hasName()) {
                out.add(new Resolved(m, null, m.getDatatype()));
                continue;
            }
            Long alias = m.hasAlias() ? m.getAlias() : null;
            scope.byName.put(m.getName(), new EdgeNode.Known(alias, m.getDatatype()));
            if (alias != null) {
                scope.byAlias.put(alias, m.getName());
            }
            out.add(new Resolved(m, m.getName(), m.getDatatype()));
        }
        return out;
    }

    /** Resolves data metrics: names from aliases, types from the birth; historical metrics are skipped. */
    private List<Resolved> resolve(EdgeNode.Scope scope, Payload p) {
        List<Resolved> out = new ArrayList<>(p.getMetricsCount());
        for (Metric m : p.getMetricsList()) {
            if (m.getIsHistorical()) {
                count(HISTORICAL); // stored history, not the current value: it must not update a live tag
                continue;
            }
            String name = m.hasName() ? m.getName() : m.hasAlias() ? scope.byAlias.get(m.getAlias()) : null;
            EdgeNode.Known k = name == null ? null : scope.byName.get(name);
            int type = m.hasDatatype() ? m.getDatatype() : k == null ? 0 : k.type();
            out.add(new Resolved(m, name, type));
        }
        return out;
    }

    private String unknownAlias(SparkplugTopic t, Payload p, List<Resolved> metrics) {
        for (Resolved r : metrics) {
            if (r.name() == null) {
                count(UNKNOWN_ALIASES);
                return t.where() + " sent " + (r.metric().hasAlias() ? "alias " + r.metric().getAlias()
                        + ", which its birth did not announce" : "a metric with neither name nor alias");
            }
        }
        return null;
    }

    private static Long bdSeq(Payload p) {
        for (Metric m : p.getMetricsList()) {
            if ("bdSeq".equals(m.getName())) {
                if (m.hasLongValue()) {
                    return m.getLongValue();
                }
                if (m.hasIntValue()) {
                    return Integer.toUnsignedLong(m.getIntValue());
                }
            }
        }
        return null;
    }

    private Inspection state(SparkplugTopic t, InboundView message) {
        if (!host.owns(t.node())) {
            return Inspection.byTopic(); // another host's STATE: stations may read it with JA=
        }
        host.seen(message.payload());
        return Inspection.handled();
    }

    /** Runs on a line thread: the STATE birth first, then the Rebirth requests held while subscribing. */
    @Override
    public void connected() {
        synchronized (order) {
            host.connected();
            online = true;
            held.forEach(n -> requestRebirth(n.group, n.node));
            held.clear();
        }
    }

    @Override
    public void disconnected() {
        synchronized (order) {
            online = false;
        }
    }

    @Override
    public CompletionStage<?> leaving() {
        return host.leaving();
    }

    @Override
    public Outgoing encode(OutputAddress address, WriteRequest request) {
        if (address instanceof WritableMetric w) {
            address = w.output();
        }
        if (!(address instanceof MetricOutput out)) {
            return address.encode(request);
        }
        EdgeRef e = out.edge();
        EdgeNode n = nodes.get(e.group() + "/" + e.node());
        EdgeNode.Scope s = n == null ? null : n.existing(e.device());
        if (s == null || s.dead || !s.born) {
            String state = s != null && s.dead ? "is offline (death certificate received)"
                    : "has not sent its birth since the host started";
            if (n != null && !n.own.dead) {
                maybeRequestRebirth(n);
            }
            throw new WriteRefusedException(WriteFailure.STATION_NOT_ON, e.where() + " " + state
                    + ", so the data type of metric '" + out.metric() + "' is not known; the write was not sent");
        }
        EdgeNode.Known k = s.byName.get(out.metric());
        if (k == null) {
            throw new WriteRefusedException(WriteFailure.NOT_WRITABLE, e.where() + " has no metric '" + out.metric()
                    + "' in its birth (Sparkplug commands may only write metrics of the birth)");
        }
        Instant now = clock.instant();
        byte[] bytes = Commands.write(out.metric(), k.alias(), k.type(), request.value(), now);
        Kind kind = e.device().isEmpty() ? Kind.NCMD : Kind.DCMD;
        Outgoing o = new Outgoing(SparkplugTopic.topic(kind, e.group(), e.node(), e.device()), bytes, 0, false, null);
        if (!out.confirm()) {
            return o;
        }
        return o.correlated(confirmed.expect(e.group() + "/" + e.node(), e.device(), out.metric(), k.type(),
                request.value(), now, context == null ? Duration.ofSeconds(5) : context.replyTimeout()));
    }

    @Override
    public void close() {
        host.close();
    }

    private void count(String counter) {
        if (context != null) {
            context.count(counter);
        }
    }
}
