package org.scadamqtt.mqtt.internal.station;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.mqtt.internal.bind.AckGate;
import org.scadamqtt.mqtt.internal.bind.LogThrottle;
import org.scadamqtt.mqtt.internal.bind.TagAddress;
import org.scadamqtt.mqtt.internal.bind.CompiledTag;
import org.scadamqtt.mqtt.internal.bind.TagBinder;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.StationSignal;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One station's ordered pipeline. Messages and events (line up/down, host control, writes,
 * timers) are queued from any thread and run on the driver's pool one at a time for this
 * station, so the station's state needs no locks and its values reach the host in arrival
 * order. Events run before messages, so a switch-off or an ACK_ID write is never stuck behind
 * held messages.
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

    private final String line;
    private final StationConfig config;
    private final StationSettings settings;
    private final TagBinder binder;
    private final AckGate gate;
    private final DriverContext context;
    private final MqttSession session;
    private final LineStatistics statistics;
    private final Executor executor;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final LogThrottle throttle;
    private final int inboxLimit;

    private final ConcurrentLinkedQueue<Runnable> events = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Item> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inboxSize = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drain;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder discarded = new LongAdder();

    // state below is touched only by the task running this station (one at a time)
    private volatile StationControl control;
    private volatile boolean retired;
    private boolean lineUp;
    private boolean lineDownExpired;
    private long downEpoch;
    private boolean willActive;
    /** Why the line's payload profile says the device is gone (a gateway's OFF status); null when it is not. */
    private String profileFault;
    private StationState reported;
    private final Map<String, TagValue> last = new HashMap<>();
    private final StationWrites writes;
    private final ProfileLink profileLink;

    /** Wires a station; nothing runs before {@link #start()}. */
    public StationWorker(String line, StationConfig config, StationSettings settings, TagBinder binder,
            DriverContext context, MqttSession session, LineStatistics statistics, DriverThreads threads,
            LogThrottle throttle, ProfileLink profile) {
        this.line = line;
        this.config = config;
        this.settings = settings;
        this.binder = binder;
        this.context = context;
        this.session = session;
        this.statistics = statistics;
        this.executor = threads.workers();
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
        this.profileLink = profile;
        this.writes = new StationWrites(this, session, settings, timer, profile);
    }

    public String name() {
        return config.name();
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
        return inboxSize.get();
    }

    /** Publishes every tag as BAD/NOT_INITIALIZED and the first station state. */
    public void start() {
        post(() -> {
            Instant now = clock.instant();
            List<TagUpdate> batch = new ArrayList<>();
            for (TagConfig t : config.tags()) {
                TagValue v = TagValue.notInitialized(t.type(), now);
                last.put(t.name(), v);
                batch.add(new TagUpdate(t.name(), v));
            }
            publish(batch);
            startDownTimer();
            refreshState("not connected yet");
        });
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
        if (inboxSize.incrementAndGet() > inboxLimit) {
            inboxSize.decrementAndGet();
            dropped.increment();
            String text = "Line " + line + ", station " + name() + ": message on topic '" + m.topic()
                    + "' dropped because " + inboxLimit + " messages are already waiting"
                    + (gate.enabled() ? " for the host's ACK_ID confirmation" : "");
            statistics.error(text, m.receivedAt());
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
        inbox.add(new Item(m, false, ack, decoded));
        schedule();
        return true;
    }

    /** Queues this station's will message; {@code ack} runs once it is handled. Not bounded. */
    public void offerWill(InboundMessage m, Runnable ack) {
        inboxSize.incrementAndGet();
        inbox.add(new Item(m, true, ack, null));
        schedule();
    }

    // ---- events from any thread ----

    /** The line connected (true) or went down (false). */
    public void lineChanged(boolean up, String reason) {
        post(() -> {
            if (up == lineUp) {
                return;
            }
            lineUp = up;
            lineDownExpired = false;
            downEpoch++;
            if (!up) {
                startDownTimer();
            }
            refreshState(up ? "connected" : reason);
        });
    }

    /** The host switches the station ON, OFF or to SIMUL. */
    public void control(StationControl newControl) {
        control = newControl;
        post(() -> {
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
        control(StationControl.OFF);
    }

    /** Writes an output tag of this station; completes per QoS or with a failure reason. */
    public CompletableFuture<WriteResult> write(CompiledTag tag, Object value) {
        CompletableFuture<WriteResult> result = new CompletableFuture<>();
        events.add(new StationWrites.WriteEvent(result, () -> writes.apply(tag, value, result)));
        schedule();
        return result;
    }

    /** After the driver stopped: fails every write still queued with STOPPED. */
    public void failQueuedWrites() {
        Runnable e;
        while ((e = events.poll()) != null) {
            if (e instanceof StationWrites.WriteEvent w) {
                w.result().complete(WriteResult.failed(WriteFailure.STOPPED,
                        "the driver of line " + line + " stopped before the write was done"));
            }
        }
    }

    // ---- state used by StationWrites, on the station task ----

    boolean isLineUp() {
        return lineUp;
    }

    AckGate gate() {
        return gate;
    }

    void acknowledge(InboundMessage m) {
        if (m.needsAck()) {
            try {
                session.acknowledge(m);
            } catch (RuntimeException e) {
                LOG.warn("Line {}, station {}: acknowledging message {} on topic '{}' failed: {}", line, name(),
                        m.messageId(), m.topic(), e.toString());
            }
        }
    }

    // ---- the station task ----

    private void post(Runnable event) {
        events.add(event);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(drainTask);
            } catch (RejectedExecutionException stopped) {
                scheduled.set(false);
            }
        }
    }

    private boolean blocked() {
        return gate.isClosed() && control == StationControl.ON;
    }

    private void drain() {
        try {
            for (int budget = BATCH; budget > 0; budget--) {
                Runnable e;
                while ((e = events.poll()) != null) {
                    runSafely(e);
                }
                if (blocked()) {
                    break;
                }
                Item item = inbox.poll();
                if (item == null) {
                    break;
                }
                inboxSize.decrementAndGet();
                handleSafely(item);
            }
        } finally {
            scheduled.set(false);
            if (!events.isEmpty() || (!inbox.isEmpty() && !blocked())) {
                schedule();
            }
        }
    }

    private void runSafely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            internalError(e);
        }
    }

    private void handleSafely(Item item) {
        try {
            handle(item);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            internalError(e);
        }
    }

    private void internalError(Throwable e) {
        // a linkage error (a plugin built against other library versions) must be named, not
        // end the station's worker silently
        String text = "Line " + line + ", station " + name() + ": internal error " + e;
        statistics.error(text, clock.instant());
        LOG.error(text, e);
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
        if (control != StationControl.ON) {
            discarded.increment();
            long s = throttle.permit("off:" + line + "/" + name());
            if (s >= 0) {
                LOG.info("Line {}, station {} is {}: message on topic '{}' ignored{}", line, name(), control,
                        m.topic(), LogThrottle.suppressedNote(s));
            }
            done(item);
            return;
        }
        if (item.will()) {
            willActive = true;
            refreshState("station will message received on topic '" + m.topic() + "'");
            done(item);
            return;
        }
        willActive = false;
        TagBinder.Binding b = binder.bind(m, item.decoded());
        StationSignal signal = b.signal();
        // like a station will, a fault lasts until the next message that is not one
        profileFault = signal.kind() == StationSignal.Kind.FAULT ? signal.reason() : null;
        refreshState(signal.kind() == StationSignal.Kind.NONE ? "message received" : signal.reason());
        if (b.payloadFailed()) {
            String text = "Line " + line + ", station " + name() + ": payload on topic '" + m.topic()
                    + "' is not valid: " + b.payloadError();
            statistics.badPayload(text, m.receivedAt());
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
            batch.forEach(u -> last.put(u.tag(), u.value()));
            return true;
        } catch (RuntimeException e) {
            String text = "Line " + line + ", station " + name() + ": the host refused values: " + e;
            statistics.error(text, clock.instant());
            LOG.error(text, e);
            return false;
        }
    }

    private void startDownTimer() {
        long epoch = downEpoch;
        long delay = settings.timeFilter().toMillis();
        Runnable expire = () -> post(() -> {
            if (epoch == downEpoch && !lineUp) {
                lineDownExpired = true;
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

    private StationState computeState() {
        return switch (control) {
            case OFF -> StationState.StOFF;
            case SIMUL -> StationState.StSIMUL;
            case ON -> willActive || profileFault != null || (!lineUp && lineDownExpired) ? StationState.StHARDERR
                    : lineUp ? StationState.StON : StationState.StCOMERR;
        };
    }

    private void refreshState(String why) {
        StationState s = computeState();
        if (s == reported || retired) {
            return;
        }
        reported = s;
        try {
            context.stationState(name(), s, why);
        } catch (RuntimeException e) {
            LOG.error("Line {}, station {}: the host refused state {}: {}", line, name(), s, e.toString());
        }
        switch (s) {
            case StOFF -> invalidateAll(Reason.STATION_OFF, "station " + name() + " is switched off (StOFF)");
            case StHARDERR -> {
                if (profileFault != null) {
                    invalidateAll(Reason.STATION_ERROR, "station " + name() + ": " + profileFault);
                } else if (willActive) {
                    invalidateAll(Reason.STATION_ERROR, "station " + name() + " reported its will message: " + why);
                } else {
                    invalidateAll(Reason.NOT_CONNECTED, "line " + line + " is down: " + why);
                }
            }
            default -> {
                // StON, StCOMERR keep the last values; StSIMUL leaves them to the host
            }
        }
    }

    private void invalidateAll(Reason reason, String detail) {
        Instant now = clock.instant();
        List<TagUpdate> batch = new ArrayList<>();
        for (TagConfig t : config.tags()) {
            TagValue old = last.get(t.name());
            TagValue v = old == null ? TagValue.bad(t.type(), reason, detail, now) : old.invalidate(reason, detail, now);
            batch.add(new TagUpdate(t.name(), v));
        }
        publish(batch);
    }
}
