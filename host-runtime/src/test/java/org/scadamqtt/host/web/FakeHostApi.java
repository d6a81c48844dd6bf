package org.scadamqtt.host.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.scadamqtt.driver.ActionResult;
import org.scadamqtt.driver.DiscoveredPoint;
import org.scadamqtt.driver.LineCounters;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationDetails;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.host.tags.HostApi;
import org.scadamqtt.host.tags.HostListener;
import org.scadamqtt.host.tags.LineEntry;
import org.scadamqtt.host.tags.StationEntry;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * A host in memory for console tests: one line L1, stations S1 and S2, a few tags. Tests change
 * values with {@link #setTag}, {@link #setStation}, {@link #setLine} (listeners are told, as the
 * real tag table does) and decide what writes answer with {@link #onWrite}.
 */
final class FakeHostApi implements HostApi {

    static final Instant T0 = Instant.parse("2026-01-31T12:00:00.123Z");

    private final Map<String, TagEntry> tags = new ConcurrentHashMap<>();
    private final List<String> tagOrder = new CopyOnWriteArrayList<>();
    private final Map<String, StationEntry> stations = new ConcurrentHashMap<>();
    private final List<String> stationOrder = new CopyOnWriteArrayList<>();
    private volatile LineEntry line;
    private final List<HostListener> listeners = new CopyOnWriteArrayList<>();
    final List<Object[]> writes = new CopyOnWriteArrayList<>();
    final List<Object[]> controls = new CopyOnWriteArrayList<>();
    /** What the station's driver counts; a station without an entry has none. */
    final Map<String, org.scadamqtt.driver.StationDiagnostics> diagnostics = new ConcurrentHashMap<>();
    volatile BiFunction<String, Object, CompletionStage<WriteResult>> onWrite =
            (tag, value) -> CompletableFuture.completedFuture(WriteResult.success());

    FakeHostApi() {
        line = new LineEntry("L1", new LineStatus("L1", LineState.CONNECTED, "tcp://127.0.0.1:1883", "", T0,
                new LineCounters(1, 10, 2, 100, 20, 1, 3, 1, "payload of topic plant/x is not JSON", T0)));
        putStation(new StationEntry("S1", "L1", StationState.StON, ""));
        putStation(new StationEntry("S2", "L1", StationState.StOFF, "switched off by the operator"));
        putTag("temp", "S1", TagType.Ai, "JA=temp", TagValue.good(TagType.Ai, 21.5, T0, T0.plusMillis(5)));
        putTag("count", "S1", TagType.Ci, "JA=n", TagValue.good(TagType.Ci, 42L, T0, T0));
        putTag("setpoint", "S1", TagType.Ao, "OUT_VALUE", TagValue.notInitialized(TagType.Ao, T0));
        putTag("text", "S2", TagType.TxtI, "IN_DATA",
                TagValue.bad(TagType.TxtI, org.scadamqtt.tag.Reason.STATION_OFF, "station S2 is off", T0));
    }

    private void putTag(String name, String station, TagType type, String address, TagValue value) {
        tagOrder.add(name);
        tags.put(name, new TagEntry(name, "L1", station, type, address, value));
    }

    private void putStation(StationEntry s) {
        if (!stationOrder.contains(s.name())) {
            stationOrder.add(s.name());
        }
        stations.put(s.name(), s);
    }

    /** Adds or replaces a tag and tells the listeners. */
    void setTag(String name, String station, TagType type, TagValue value) {
        if (!tagOrder.contains(name)) {
            tagOrder.add(name);
        }
        TagEntry before = tags.get(name);
        TagEntry e = new TagEntry(name, "L1", station, type, "JA=" + name, value,
                before == null ? 1 : before.updates() + 1, before == null ? null : before.display());
        tags.put(name, e);
        listeners.forEach(l -> l.tagChanged(e));
    }

    void setStation(String name, StationState state, String reason) {
        StationEntry e = new StationEntry(name, "L1", state, reason);
        putStation(e);
        listeners.forEach(l -> l.stationChanged(e));
    }

    void setLine(LineStatus status) {
        line = new LineEntry("L1", status);
        listeners.forEach(l -> l.lineChanged(line));
    }

    int listenerCount() {
        return listeners.size();
    }

    @Override
    public List<TagEntry> tags() {
        return tagOrder.stream().map(tags::get).toList();
    }

    @Override
    public Optional<TagEntry> tag(String name) {
        return Optional.ofNullable(tags.get(name));
    }

    @Override
    public Optional<org.scadamqtt.driver.StationDiagnostics> diagnostics(String station) {
        return Optional.ofNullable(diagnostics.get(station));
    }

    @Override
    public List<StationEntry> stations() {
        return stationOrder.stream().map(stations::get).toList();
    }

    @Override
    public List<LineEntry> lines() {
        return List.of(line);
    }

    @Override
    public CompletionStage<WriteResult> write(String tag, Object value) {
        writes.add(new Object[] {tag, value});
        TagEntry e = tags.get(tag);
        if (e == null) {
            return CompletableFuture.completedFuture(WriteResult.failed(WriteFailure.UNKNOWN_TAG, "no tag " + tag));
        }
        if (!e.type().isOutput()) {
            return CompletableFuture.completedFuture(WriteResult.failed(WriteFailure.NOT_WRITABLE, "input " + tag));
        }
        return onWrite.apply(tag, value);
    }

    @Override
    public void control(String station, StationControl control) {
        StationEntry s = stations.get(station);
        if (s == null) {
            throw new IllegalArgumentException("There is no station named " + station + ".");
        }
        controls.add(new Object[] {station, control});
        StationState next = switch (control) {
            case ON -> StationState.StON;
            case OFF -> StationState.StOFF;
            case SIMUL -> StationState.StSIMUL;
        };
        setStation(station, next, control == StationControl.ON ? "" : "set by the operator");
    }

    /** What stationDetails answers; S1 offers "rebirth" unless a test changes it. */
    final Map<String, StationDetails> details = new ConcurrentHashMap<>(Map.of("S1", new StationDetails(
            Map.of("sparkplug state", "online"), List.of("rebirth"))));
    final List<Object[]> actions = new CopyOnWriteArrayList<>();
    volatile BiFunction<String, String, CompletionStage<ActionResult>> onAction =
            (station, action) -> CompletableFuture.completedFuture(ActionResult.done("sent " + action));

    @Override
    public Map<String, StationDetails> stationDetails() {
        return Map.copyOf(details);
    }

    @Override
    public CompletionStage<ActionResult> stationAction(String station, String action) {
        actions.add(new Object[] {station, action});
        return onAction.apply(station, action);
    }

    /** What line L1's driver discovered. */
    final List<DiscoveredPoint> discovered = new CopyOnWriteArrayList<>();

    @Override
    public List<DiscoveredPoint> discovered(String lineName) {
        if (!"L1".equals(lineName)) {
            throw new IllegalArgumentException("no line " + lineName);
        }
        return List.copyOf(discovered);
    }

    /** The history this host answers with: none until a test sets a store (subscribed to this host). */
    volatile org.scadamqtt.host.history.HistoryStore history;

    @Override
    public List<org.scadamqtt.host.tags.HistoryPoint> history(String tag, Instant from, Instant to, int last) {
        return history == null ? List.of() : history.points(tag, from, to, last);
    }

    @Override
    public AutoCloseable subscribe(HostListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
