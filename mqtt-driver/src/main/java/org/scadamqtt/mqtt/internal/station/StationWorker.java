package org.scadamqtt.mqtt.internal.station;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationDiagnostics;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.mqtt.internal.bind.AckGate;
import org.scadamqtt.mqtt.internal.bind.CompiledTag;
import org.scadamqtt.mqtt.internal.bind.LogThrottle;
import org.scadamqtt.mqtt.internal.bind.TagAddress;
import org.scadamqtt.mqtt.internal.bind.TagBinder;
import org.scadamqtt.mqtt.internal.lane.Lane;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.StationSignal;
import org.scadamqtt.tag.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One station: its messages and events run in order on its {@link Lane}, its D2000 state comes
 * from a {@link StationStateMachine}, its last values live in {@link LastValues}. Messages are
 * bound by the station's {@link TagBinder} and handed to the host; QoS 1/2 ones are acknowledged
 * after that (after the ACK_ID write when the station has one).
 *
 * <p>Memory bound: the inbox holds at most {@code ackQueueLimit} messages when the station has
 * an ACK_ID tag, else {@link #INBOX_LIMIT_WITHOUT_ACK}. A message arriving at a full inbox is
 * dropped: counted ({@link #dropped()}, line errors), logged rate-limited, and a QoS 1/2 one is
 * acknowledged so that the broker keeps delivering to the other stations.
 */
public final class StationWorker {

    /** Inbox bound of a station without ACK_ID. */
    public static final int INBOX_LIMIT_WITHOUT_ACK = 100_000;
    private static final int BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(StationWorker.class);

    /** A queued message; {@code ack} null means "acknowledge the message itself" (saves a lambda per message). */
    private record Item(InboundMessage message, boolean will, Runnable ack, Decoded decoded) {
    }

    private record LastError(String text, Instant time) {
    }

    private final String line;
    private final StationConfig config;
    private final StationSettings settings;
    private final TagBinder binder;
    private final AckGate gate;
    private final DriverContext context;
    private final LineStatistics statistics;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final LogThrottle throttle;
    private final int inboxLimit;
    private final Lane<Item> lane;
    private final StationWrites writes;
    private final ProfileLink profileLink;

    private final LongAdder messages = new LongAdder();
    private final LongAdder badPayloads = new LongAdder();
    private final LongAdder timeMissing = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder discarded = new LongAdder();
    private final AtomicReference<LastError> lastError = new AtomicReference<>(new LastError("", null));

    // the host's wish is read from any thread (connection wanted); the rest only on the lane
    private volatile StationControl control;
    private volatile boolean retired;
    private final StationStateMachine state;
    private final LastValues last;
    private StationState reported;
    private ScheduledFuture<?> staleCheck;

    /** Wires a station; nothing runs before {@link #start()}. */
    public StationWorker(String line, StationConfig config, StationSettings settings, TagBinder binder,
            DriverContext context, MqttSession session, LineStatistics statistics, DriverThreads threads,
            LogThrottle throttle, ProfileLink profile) {
        this.line = line;
        this.config = config;
        this.settings = settings;
        this.binder = binder;
        this.context = context;
        this.statistics = statistics;
        this.timer = threads.timer();
        this.clock = context.clock();
        this.throttle = throttle;
        boolean hasAck = config.tags().stream()
                .anyMatch(t -> TagAddress.parse(t.address()).kind() == TagAddress.Kind.ACK_ID);
        this.gate = new AckGate(hasAck);
        this.inboxLimit = hasAck ? settings.ackQueueLimit() : INBOX_LIMIT_WITHOUT_ACK;
        this.control = switch (config.initialState()) {
            case OFF -> StationControl.OFF;
            case SIMUL -> StationControl.SIMUL;
            default -> StationControl.ON;
        };
        this.state = new StationStateMachine(control);
        this.last = new LastValues(config.tags());
        this.lane = new Lane<>(threads.workers(), BATCH, this::handle,
                () -> gate.isClosed() && state.control() == StationControl.ON, this::internalError);
        this.profileLink = profile;
        this.writes = new StationWrites(this, session, settings, profile);
        // the seed sets OUT_TOPIC "e.g. by using default value": a configured default is the topic from start
        config.tags().stream().filter(t -> TagAddress.parse(t.address()).kind() == TagAddress.Kind.OUT_TOPIC)
                .filter(t -> t.defaultValue() instanceof String).findFirst()
                .ifPresent(t -> writes.presetOutTopic((String) t.defaultValue()));
    }

    public String name() {
        return config.name();
    }

    /** The station's tags, compiled once when the worker was built (writes look theirs up here). */
    public List<CompiledTag> compiledTags() {
        return binder.compiled();
    }

    String line() {
        return line;
    }

    StationConfig config() {
        return config;
    }

    /** The payload profile link the worker was built with (a new profile needs new workers). */
    public ProfileLink profileLink() {
        return profileLink;
    }

    /** The host's wish for this station (ON, OFF, SIMUL). Any thread. */
    public StationControl control() {
        return control;
    }

    /** Messages dropped because the inbox was full. */
    public long dropped() {
        return dropped.sum();
    }

    /** Messages discarded because the station was OFF or SIMUL. */
    public long discarded() {
        return discarded.sum();
    }

    /** Messages waiting in the inbox (held by ACK_ID or not yet processed). */
    public int queued() {
        return lane.queued();
    }

    /** The station's counters. Any thread. */
    public StationDiagnostics diagnostics() {
        LastError e = lastError.get();
        return new StationDiagnostics(messages.sum(), badPayloads.sum(), timeMissing.sum(), dropped.sum(),
                discarded.sum(), lane.queued(), e.text(), e.time());
    }

    /** Publishes every tag as BAD/NOT_INITIALIZED and the first station state. */
    public void start() {
        lane.post(() -> {
            publish(last.notInitialized(clock.instant()));
            startDownTimer();
            refreshState("not connected yet");
        });
        Duration stale = settings.staleAfter();
        if (!stale.isZero()) {
            long period = Math.max(50, Math.min(1000, stale.toMillis() / 4));
            try {
                staleCheck = timer.scheduleAtFixedRate(() -> lane.post(this::markStale), period, period,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                // the driver is stopping
            }
        }
    }

    // ---- called from the MQTT callback thread: never blocks, never throws ----

    /** Queues an ordinary message; false when the inbox is full and it was dropped. */
    public boolean offer(InboundMessage m) {
        return offer(m, null, null);
    }

    /**
     * Queues an ordinary message, maybe decoded already by the profile, with its own
     * acknowledgement (null: acknowledge the message itself); false when the inbox is full.
     */
    public boolean offer(InboundMessage m, Decoded decoded, Runnable ack) {
        if (!lane.reserve(inboxLimit)) {
            dropped.increment();
            String text = "Line " + line + ", station " + name() + ": message on topic '" + m.topic()
                    + "' dropped because " + inboxLimit + " messages are already waiting"
                    + (gate.enabled() ? " for the host's ACK_ID confirmation" : "");
            error(text, m.receivedAt());
            long s = throttle.permit("drop:" + line + "/" + name());
            if (s >= 0) {
                LOG.warn("{}{}", text, LogThrottle.suppressedNote(s));
            }
            if (ack == null) {
                acknowledge(m);
            } else {
                ack.run();
            }
            return false;
        }
        lane.add(new Item(m, false, ack, decoded), true);
        return true;
    }

    /** Queues this station's will message; {@code ack} runs once it is handled. Not bounded. */
    public void offerWill(InboundMessage m, Runnable ack) {
        lane.add(new Item(m, true, ack, null), false);
    }

    // ---- events from any thread ----

    /** The line connected (true) or went down (false). */
    public void lineChanged(boolean up, String reason) {
        lane.post(() -> {
            if (!state.line(up)) {
                return;
            }
            if (!up) {
                startDownTimer();
            }
            refreshState(up ? "connected" : reason);
        });
    }

    /** The host switches the station ON, OFF or to SIMUL. */
    public void control(StationControl newControl) {
        control = newControl;
        lane.post(() -> {
            state.control(newControl);
            if (newControl != StationControl.ON) {
                InboundMessage held = gate.release();
                if (held != null) {
                    acknowledge(held);
                }
            }
            refreshState("set " + newControl + " by the host");
        });
    }

    /**
     * Takes the worker out of service after a reconfiguration replaced or removed its station:
     * what it holds or still receives is acknowledged and dropped, and it reports nothing more
     * (a new worker of the same name may already report).
     */
    public void retire() {
        retired = true;
        if (staleCheck != null) {
            staleCheck.cancel(false);
        }
        control(StationControl.OFF);
    }

    /** Writes an output tag of this station; completes per QoS or with a failure reason. */
    public CompletableFuture<WriteResult> write(CompiledTag tag, Object value) {
        CompletableFuture<WriteResult> result = new CompletableFuture<>();
        lane.post(new StationWrites.WriteEvent(result, () -> writes.apply(tag, value, result)));
        return result;
    }

    /** After the driver stopped: fails every write still queued with STOPPED. */
    public void failQueuedWrites() {
        for (Runnable e : lane.takeEvents()) {
            if (e instanceof StationWrites.WriteEvent w) {
                w.result().complete(WriteResult.failed(WriteFailure.STOPPED,
                        "the driver of line " + line + " stopped before the write was done"));
            }
        }
    }

    // ---- state used by StationWrites, on the lane ----

    boolean isLineUp() {
        return state.lineUp();
    }

    AckGate gate() {
        return gate;
    }

    void acknowledge(InboundMessage m) {
        try {
            m.ack().acknowledge();
        } catch (RuntimeException e) {
            LOG.warn("Line {}, station {}: acknowledging message {} on topic '{}' failed: {}", line, name(),
                    m.messageId(), m.topic(), e.toString());
        }
    }

    // ---- on the lane ----

    private void internalError(Throwable e) {
        // a linkage error (a plugin built against other library versions) must be named, not
        // end the station's lane silently
        String text = "Line " + line + ", station " + name() + ": internal error " + e;
        error(text, clock.instant());
        LOG.error(text, e);
    }

    private void error(String text, Instant time) {
        statistics.error(text, time);
        lastError.set(new LastError(text, time));
    }

    private void done(Item item) {
        if (item.ack() == null) {
            acknowledge(item.message());
        } else {
            item.ack().run();
        }
    }

    private void handle(Item item) {
        InboundMessage m = item.message();
        if (state.control() != StationControl.ON) {
            discarded.increment();
            long s = throttle.permit("off:" + line + "/" + name());
            if (s >= 0) {
                LOG.info("Line {}, station {} is {}: message on topic '{}' ignored{}", line, name(), state.control(),
                        m.topic(), LogThrottle.suppressedNote(s));
            }
            done(item);
            return;
        }
        if (item.will()) {
            state.will(true);
            refreshState("station will message received on topic '" + m.topic() + "'");
            done(item);
            return;
        }
        state.will(false);
        TagBinder.Binding b = binder.bind(m, item.decoded());
        messages.increment();
        if (b.timeMissing()) {
            timeMissing.increment();
        }
        StationSignal signal = b.signal();
        // like a station will, a fault lasts until the next message that is not one
        state.profileFault(signal.kind() == StationSignal.Kind.FAULT ? signal.reason() : null);
        refreshState(signal.kind() == StationSignal.Kind.NONE ? "message received" : signal.reason());
        if (b.payloadFailed()) {
            String text = "Line " + line + ", station " + name() + ": payload on topic '" + m.topic()
                    + "' is not valid: " + b.payloadError();
            badPayloads.increment();
            statistics.badPayload(text, m.receivedAt());
            lastError.set(new LastError(text, m.receivedAt()));
            long s = throttle.permit("payload:" + line + "/" + name());
            if (s >= 0) {
                LOG.warn("{}{}", text, LogThrottle.suppressedNote(s));
            }
        }
        if (!b.updates().isEmpty() && !publish(b.updates())) {
            return; // the host did not take the values: no ack, the broker redelivers after a reconnect
        }
        if (!gate.delivered(m)) {
            done(item);
        }
    }

    private boolean publish(List<TagUpdate> batch) {
        if (batch.isEmpty() || retired) {
            return true;
        }
        try {
            context.publish(name(), batch);
            last.accepted(batch);
            return true;
        } catch (RuntimeException e) {
            String text = "Line " + line + ", station " + name() + ": the host refused values: " + e;
            error(text, clock.instant());
            LOG.error(text, e);
            return false;
        }
    }

    private void markStale() {
        if (reported == StationState.StON) {
            publish(last.stale(settings.staleAfter(), clock.instant()));
        }
    }

    private void startDownTimer() {
        long epoch = state.downEpoch();
        long delay = settings.timeFilter().toMillis();
        Runnable expire = () -> lane.post(() -> {
            if (state.downExpired(epoch)) {
                refreshState("line down longer than the time filter of " + settings.timeFilter().toMillis() / 1000.0
                        + " s");
            }
        });
        try {
            timer.schedule(expire, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // the driver is stopping
        }
    }

    private void refreshState(String why) {
        StationState s = state.state();
        if (s == reported || retired) {
            return;
        }
        reported = s;
        try {
            context.stationState(name(), s, why);
        } catch (RuntimeException e) {
            LOG.error("Line {}, station {}: the host refused state {}: {}", line, name(), s, e.toString());
        }
        Instant now = clock.instant();
        switch (s) {
            case StOFF -> publish(last.invalidated(Reason.STATION_OFF, "station " + name()
                    + " is switched off (StOFF)", now));
            case StHARDERR -> {
                if (state.profileFault() != null) {
                    publish(last.invalidated(Reason.STATION_ERROR, "station " + name() + ": " + state.profileFault(),
                            now));
                } else if (state.willActive()) {
                    publish(last.invalidated(Reason.STATION_ERROR, "station " + name()
                            + " reported its will message: " + why, now));
                } else {
                    publish(last.invalidated(Reason.NOT_CONNECTED, "line " + line + " is down: " + why, now));
                }
            }
            case StSIMUL -> publish(last.simulated("station " + name() + " is simulated (StSIMUL): values are set "
                    + "by hand, nothing is read from or written to the broker", now));
            default -> {
                // StON, StCOMERR keep the last values
            }
        }
    }

    /** Tags of this station, in file order (diagnostics). */
    List<TagConfig> tags() {
        return config.tags();
    }
}
