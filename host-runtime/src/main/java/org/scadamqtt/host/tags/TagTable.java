package org.scadamqtt.host.tags;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
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
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagValue;
import org.scadamqtt.tag.convert.Conversion;
import org.scadamqtt.tag.convert.ValueConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's tag table: the last value of every tag, the state of every station and line, and the
 * route from a console write to the driver of the tag's line. Every tag starts BAD/NOT_INITIALIZED.
 * Thread-safe: drivers update it from their own threads through the {@link DriverContext} of their
 * line ({@link #contextFor}); consoles read and write from theirs.
 */
public final class TagTable implements HostApi {

    private static final Logger LOG = LoggerFactory.getLogger(TagTable.class);

    private final Clock clock;
    // configuration order, replaced whole on a reload (readers take the list they find) + concurrent maps
    private volatile List<String> tagOrder = List.of();
    private volatile List<String> stationOrder = List.of();
    private volatile List<String> lineOrder = List.of();
    private final Map<String, TagEntry> tags = new ConcurrentHashMap<>();
    private final Map<String, StationEntry> stations = new ConcurrentHashMap<>();
    private final Map<String, LineEntry> lines = new ConcurrentHashMap<>();
    private final Map<String, Driver> drivers = new ConcurrentHashMap<>();
    /** Configured defaults of output tags, by tag name. */
    private final Map<String, Object> defaults = new ConcurrentHashMap<>();
    private final List<HostListener> listeners = new CopyOnWriteArrayList<>();
    private final RateLimitedLog unknownTagLog = new RateLimitedLog(LOG, 60_000);

    /** A table for every line, station and tag of {@code config}, all tags NOT_INITIALIZED. */
    public TagTable(ScadaConfig config, Clock clock) {
        this.clock = clock;
        add(config);
        order(config);
    }

    /**
     * Takes a changed configuration (a reload): lines, stations and tags that are new get their
     * initial entries before {@code applyToDrivers} runs (so new drivers find them); those that
     * are gone are removed after it (so a driver still finishing with the old configuration does
     * not report them as unknown). A tag that keeps its line, station, type and address keeps its
     * value; a station that keeps its line keeps its state.
     */
    public synchronized void reconfigure(ScadaConfig config, Runnable applyToDrivers) {
        add(config);
        order(config);
        try {
            applyToDrivers.run();
        } finally {
            removeAllBut(config);
            notifyListeners(HostListener::configurationChanged);
        }
    }

    private void add(ScadaConfig config) {
        Instant now = clock.instant();
        for (LineConfig line : config.lines()) {
            lines.computeIfAbsent(line.name(), n -> new LineEntry(n, new LineStatus(n, LineState.DISCONNECTED,
                    "", "not started", now, null)));
            for (StationConfig st : line.stations()) {
                StationEntry old = stations.get(st.name());
                if (old == null || !old.line().equals(line.name())) {
                    stations.put(st.name(), new StationEntry(st.name(), line.name(), initialState(st),
                            initialReason(st)));
                }
                for (TagConfig t : st.tags()) {
                    TagEntry had = tags.get(t.name());
                    if (had == null || !had.line().equals(line.name()) || !had.station().equals(st.name())
                            || had.type() != t.type() || !had.address().equals(t.address())
                            || had.writable() != t.writable()) {
                        TagValue start = t.defaultValue() != null && t.type().isOutput()
                                ? HostSideValues.configuredDefault(t.type(), t.defaultValue(), now)
                                : TagValue.notInitialized(t.type(), now);
                        tags.put(t.name(), new TagEntry(t.name(), line.name(), st.name(), t.type(), t.address(),
                                start, 0, t.display(), t.writable()));
                    }
                    if (t.defaultValue() != null && t.type().isOutput()) {
                        defaults.put(t.name(), t.defaultValue());
                    }
                }
            }
        }
    }

    private void order(ScadaConfig config) {
        List<String> lineNames = new ArrayList<>();
        List<String> stationNames = new ArrayList<>();
        List<String> tagNames = new ArrayList<>();
        for (LineConfig line : config.lines()) {
            lineNames.add(line.name());
            for (StationConfig st : line.stations()) {
                stationNames.add(st.name());
                st.tags().forEach(t -> tagNames.add(t.name()));
            }
        }
        lineOrder = List.copyOf(lineNames);
        stationOrder = List.copyOf(stationNames);
        tagOrder = List.copyOf(tagNames);
    }

    private void removeAllBut(ScadaConfig config) {
        lines.keySet().retainAll(lineOrder);
        drivers.keySet().retainAll(lineOrder);
        stations.keySet().retainAll(stationOrder);
        tags.keySet().retainAll(tagOrder);
    }

    /** A table on the system UTC clock. */
    public TagTable(ScadaConfig config) {
        this(config, Clock.systemUTC());
    }

    /**
     * The context a driver of {@code line} reports through.
     *
     * @param dataDirectory the line's data folder (created by the caller)
     * @param hostId        this host's stable id
     */
    public DriverContext contextFor(String line, Path dataDirectory, String hostId) {
        requireLine(line);
        return new LineContext(line, this, dataDirectory, hostId, clock);
    }

    /** Routes writes and station control of {@code line} to {@code driver}. */
    public void attach(String line, Driver driver) {
        requireLine(line);
        drivers.put(line, driver);
    }

    /** Stops routing to the line's driver (writes then fail with STOPPED). */
    public void detach(String line) {
        drivers.remove(line);
    }

    @Override
    public List<TagEntry> tags() {
        return tagOrder.stream().map(tags::get).filter(Objects::nonNull).toList();
    }

    @Override
    public Optional<TagEntry> tag(String name) {
        return Optional.ofNullable(name == null ? null : tags.get(name));
    }

    @Override
    public List<StationEntry> stations() {
        return stationOrder.stream().map(stations::get).filter(Objects::nonNull).toList();
    }

    /** Every line; counters are read from the running driver, so they are current. */
    @Override
    public List<LineEntry> lines() {
        return lineOrder.stream().map(this::liveLine).filter(Objects::nonNull).toList();
    }

    private LineEntry liveLine(String name) {
        LineEntry last = lines.get(name);
        Driver driver = drivers.get(name);
        if (driver == null || last == null) {
            return last;
        }
        try {
            LineStatus now = driver.status();
            return now == null ? last : new LineEntry(name, now);
        } catch (RuntimeException e) {
            // a driver that cannot report keeps its last pushed status on the console
            return last;
        }
    }

    @Override
    public CompletionStage<WriteResult> write(String tag, Object value) {
        TagEntry entry = tag == null ? null : tags.get(tag);
        if (entry == null) {
            return done(WriteFailure.UNKNOWN_TAG, "there is no tag '" + tag + "' in this configuration");
        }
        StationEntry station = stations.get(entry.station());
        if (station != null && station.state() == StationState.StSIMUL) {
            return simulate(entry, value);
        }
        if (!entry.acceptsWrites()) {
            return done(WriteFailure.NOT_WRITABLE, "tag '" + tag + "' is an input (" + entry.type()
                    + "); only output tags (Ao, Co, Do, TxtO, ToA, ToR) and input tags marked writable can be written");
        }
        Conversion conversion = ValueConverter.UTC.convert(value, entry.type());
        if (!conversion.isOk()) {
            return done(WriteFailure.WRONG_VALUE, "tag '" + tag + "': " + conversion.error());
        }
        Object converted = conversion.value();
        Driver driver = drivers.get(entry.line());
        if (driver == null) {
            return done(WriteFailure.STOPPED, "line '" + entry.line() + "' of tag '" + tag + "' is not running");
        }
        try {
            return driver.write(tag, converted).exceptionally(e -> WriteResult.failed(WriteFailure.REJECTED,
                    "the driver failed the write of tag '" + tag + "': " + e.getMessage()))
                    .thenApply(result -> {
                        if (result != null && result.ok() && entry.type().isOutput()) {
                            // a writable input keeps showing what the device reports, not what it was told
                            recordWritten(entry, converted);
                        }
                        return result;
                    });
        } catch (RuntimeException e) {
            LOG.warn("driver of line '{}' threw on the write of tag '{}'", entry.line(), tag, e);
            return done(WriteFailure.REJECTED, "the driver refused the write of tag '" + tag + "': " + e.getMessage());
        }
    }

    /**
     * An output tag shows the last value written to it successfully (GOOD, timed when the write
     * completed), so the operator sees what the device was last told instead of "no value
     * received". A later update from the driver (e.g. BAD when its station goes off) replaces it.
     */
    private void recordWritten(TagEntry written, Object value) {
        Instant now = clock.instant();
        TagEntry shown = tags.compute(written.name(), (k, old) ->
                (old == null ? written : old).with(TagValue.good(written.type(), value, now, now), true));
        notifyListeners(l -> l.tagChanged(shown));
    }

    /**
     * D2000's StSIMUL: the value of any tag of a simulated station (input or output) is set by
     * hand, here, and nothing goes to the driver (which neither reads nor writes such a station).
     */
    private CompletionStage<WriteResult> simulate(TagEntry entry, Object value) {
        Conversion conversion = ValueConverter.UTC.convert(value, entry.type());
        if (!conversion.isOk()) {
            return done(WriteFailure.WRONG_VALUE, "tag '" + entry.name() + "': " + conversion.error());
        }
        TagValue v = HostSideValues.simulated(entry.type(), conversion.value(), entry.station(), clock.instant());
        TagEntry shown = tags.compute(entry.name(), (k, old) -> (old == null ? entry : old).with(v, true));
        LOG.info("tag '{}' of simulated station '{}' set by hand to {}", entry.name(), entry.station(),
                conversion.value());
        notifyListeners(l -> l.tagChanged(shown));
        return CompletableFuture.completedFuture(WriteResult.success());
    }

    @Override
    public Optional<StationDiagnostics> diagnostics(String station) {
        StationEntry st = station == null ? null : stations.get(station);
        Driver driver = st == null ? null : drivers.get(st.line());
        if (driver == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(driver.stationDiagnostics().get(station));
        } catch (RuntimeException e) {
            // a driver's diagnostics must not break a console's page
            return Optional.empty();
        }
    }

    @Override
    public void control(String station, StationControl control) {
        StationEntry st = station == null ? null : stations.get(station);
        if (st == null) {
            throw new IllegalArgumentException("there is no station '" + station + "' in this configuration");
        }
        Driver driver = drivers.get(st.line());
        if (driver == null) {
            throw new IllegalStateException("line '" + st.line() + "' of station '" + station + "' is not running");
        }
        driver.control(station, control);
    }

    @Override
    public Map<String, StationDetails> stationDetails() {
        Map<String, StationDetails> out = new HashMap<>();
        drivers.forEach((line, driver) -> {
            try {
                driver.stationDetails().forEach((station, d) -> {
                    StationEntry st = stations.get(station);
                    if (st != null && st.line().equals(line)) {
                        out.put(station, d);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("the driver of line '{}' failed to give station details: {}", line, e.toString());
            }
        });
        return out;
    }

    @Override
    public CompletionStage<ActionResult> stationAction(String station, String action) {
        StationEntry st = station == null ? null : stations.get(station);
        Driver driver = st == null ? null : drivers.get(st.line());
        if (driver == null) {
            return CompletableFuture.completedFuture(ActionResult.failed(st == null ? "there is no station '"
                    + station + "' in this configuration" : "line '" + st.line() + "' of station '" + station
                    + "' is not running"));
        }
        LOG.info("station '{}': action '{}' requested", station, action);
        return driver.stationAction(station, action);
    }

    @Override
    public List<DiscoveredPoint> discovered(String line) {
        if (!lineOrder.contains(line)) {
            throw new IllegalArgumentException("there is no line '" + line + "' in this configuration");
        }
        Driver driver = drivers.get(line);
        return driver == null ? List.of() : driver.discovered();
    }

    @Override
    public AutoCloseable subscribe(HostListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- called through LineContext, on driver threads ----

    void publish(String line, String station, List<TagUpdate> batch) {
        List<TagEntry> changed = new ArrayList<>(batch.size());
        for (TagUpdate u : batch) {
            TagEntry old = tags.get(u.tag());
            if (old == null || !old.line().equals(line)) {
                unknownTagLog.warn("line '" + line + "' station '" + station + "' reported tag '" + u.tag()
                        + "' which is not configured on that line; value ignored");
                continue;
            }
            StationEntry st = stations.get(old.station());
            if (st != null && st.state() == StationState.StSIMUL) {
                continue; // a simulated station's values are the operator's, not the driver's
            }
            TagValue value = u.value();
            Object dflt = defaults.get(old.name());
            if (dflt != null && value.reason() == Reason.NOT_INITIALIZED && value.value() == null) {
                // "nothing written yet" is not true of an output that holds its configured default
                value = HostSideValues.configuredDefault(old.type(), dflt, value.receiveTime());
            }
            TagValue shown = value;
            TagEntry now = tags.compute(old.name(), (k, o) -> (o == null ? old : o).with(shown, true));
            changed.add(now);
        }
        changed.forEach(t -> notifyListeners(l -> l.tagChanged(t)));
    }

    void stationState(String line, String station, StationState state, String reason) {
        StationEntry old = stations.get(station);
        if (old == null || !old.line().equals(line)) {
            unknownTagLog.warn("line '" + line + "' reported station '" + station
                    + "' which is not configured on that line; state ignored");
            return;
        }
        StationEntry now = new StationEntry(station, line, state, reason == null ? "" : reason);
        stations.put(station, now);
        notifyListeners(l -> l.stationChanged(now));
        Instant at = clock.instant();
        if (state == StationState.StSIMUL && old.state() != StationState.StSIMUL) {
            replaceValues(t -> t.station().equals(station),
                    t -> HostSideValues.heldForSimulation(t.value(), t.type(), station, at));
        } else if (state != old.state()
                && (state == StationState.StON || HostSideValues.leavesSimulation(old.state(), state))) {
            String since = "station " + station + " went " + state + " at " + ApiTime.hms(at);
            replaceValues(t -> t.station().equals(station) && HostSideValues.staleAfterStationOn(t.value()),
                    t -> HostSideValues.waiting(t.value(), t.type(), since, at));
        }
    }

    void lineStatus(String line, LineStatus status) {
        // the driver names its line in the status; the table trusts the context it came through
        LineEntry now = new LineEntry(line, status);
        LineEntry before = lines.replace(line, now);
        if (before == null) {
            return; // a line removed by a reload, reporting as it stops
        }
        notifyListeners(l -> l.lineChanged(now));
        boolean reconnected = status.state() == LineState.CONNECTED
                && (before == null || before.status().state() != LineState.CONNECTED);
        if (reconnected) {
            Instant at = clock.instant();
            String since = "line " + line + " connected at " + ApiTime.hms(at);
            replaceValues(t -> t.line().equals(line) && HostSideValues.staleAfterLineUp(t.value())
                            && !quietState(stations.get(t.station())),
                    t -> HostSideValues.waiting(t.value(), t.type(), since, at));
        }
    }

    /** A station switched OFF or simulated keeps what it shows when its line comes back. */
    private static boolean quietState(StationEntry st) {
        return st != null && (st.state() == StationState.StOFF || st.state() == StationState.StSIMUL);
    }

    /** Host-side value changes (not counted as updates), told to the consoles. */
    private void replaceValues(Predicate<TagEntry> which, Function<TagEntry, TagValue> value) {
        List<TagEntry> changed = new ArrayList<>();
        for (String name : tagOrder) {
            TagEntry[] replaced = new TagEntry[1];
            tags.computeIfPresent(name, (k, t) -> {
                if (!which.test(t)) {
                    return t;
                }
                replaced[0] = t.with(value.apply(t), false);
                return replaced[0];
            });
            if (replaced[0] != null) {
                changed.add(replaced[0]);
            }
        }
        changed.forEach(t -> notifyListeners(l -> l.tagChanged(t)));
    }

    private void notifyListeners(Consumer<HostListener> call) {
        for (HostListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                // a broken console must not stop the driver thread that delivered the value
                LOG.warn("console listener {} failed: {}", l, e.toString());
            }
        }
    }

    private void requireLine(String line) {
        if (!lines.containsKey(line)) {
            throw new IllegalArgumentException("there is no line '" + line + "' in this configuration");
        }
    }

    private static StationState initialState(StationConfig st) {
        return switch (st.initialState()) {
            case OFF -> StationState.StOFF;
            case SIMUL -> StationState.StSIMUL;
            case ON -> StationState.StCOMERR;
        };
    }

    private static String initialReason(StationConfig st) {
        return switch (st.initialState()) {
            case OFF -> "switched off in the configuration";
            case SIMUL -> "simulated in the configuration";
            case ON -> "line not connected yet";
        };
    }

    private static CompletionStage<WriteResult> done(WriteFailure failure, String message) {
        return CompletableFuture.completedFuture(WriteResult.failed(failure, message));
    }
}
