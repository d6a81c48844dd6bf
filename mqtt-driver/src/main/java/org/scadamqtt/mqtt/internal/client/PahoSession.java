package org.scadamqtt.mqtt.internal.client;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.client.mqttv3.persist.MqttDefaultFilePersistence;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.mqtt.internal.SessionListener;

/**
 * The MQTT line on Paho's async client. One fresh Paho client per connection attempt (so no
 * callback, message or acknowledgement of an earlier connection can reach a later one), our own
 * reconnect loop with back-off and host rotation, fail-back to the primary host, a Ping Interval
 * watchdog, and Reply Timeout on CONNECT, SUBSCRIBE and UNSUBSCRIBE.
 *
 * <p>Threads: state changes run under {@link #lock} on the line's scheduler (3 threads named
 * {@code scada-mqtt-<line>}); Paho callbacks only hand over to it, except
 * {@link #onMessage}, which runs on Paho's callback thread and returns at once.
 */
final class PahoSession implements MqttSession {

    static final String THREAD_PREFIX = "scada-mqtt-";
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    /** A connection up this long counts as working: its loss starts the back-off again at the minimum. */
    static final Duration STABLE = Duration.ofSeconds(10);

    private enum Phase { IDLE, CONNECTING, SUBSCRIBING, CONNECTED, DOWN, STOPPED }

    private final String lineName;
    private final DriverContext context;
    private final LineStatistics statistics;
    private final SessionListener listener;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor scheduler;
    private final LineLog log;
    private final InboundActivity activity = new InboundActivity();
    private final AckSequencer acks = new AckSequencer();
    private final AtomicLong sequence = new AtomicLong();
    private final Object lock = new Object();
    private final Publisher publisher;

    /** Replaced as a whole under lock; read without it by publish and close. */
    private volatile SessionSettings settings;
    /** Why the configuration cannot be used (bad broker address …); null when it can. */
    private String configError;

    // guarded by lock
    private Backoff backoff;
    private Phase phase = Phase.IDLE;
    private boolean wanted = true;
    private boolean started;
    private int roundStart;
    private int tried;
    private PingWatchdog pings;
    private String persistenceError;
    private PersistenceLock persistenceLock;
    private ScheduledFuture<?> reconnectTask;
    private ScheduledFuture<?> replyTimer;
    private ScheduledFuture<?> watchdog;
    private ScheduledFuture<?> failBackProbe;

    /** What the connections report (Paho threads); hands state changes to the scheduler. */
    private final LineConnection.Events events = new LineConnection.Events() {
        @Override
        public boolean isCurrent(LineConnection c) {
            return c == current;
        }

        @Override
        public void message(LineConnection c, String topic, MqttMessage message) {
            onMessage(c, topic, message);
        }

        @Override
        public void lost(LineConnection c, String reason) {
            run(() -> PahoSession.this.lost(c, reason));
        }

        @Override
        public void delivered(int messageId) {
            publisher.delivered(messageId);
        }
    };

    /** The connection being tried or in use; read by the Paho callback thread. */
    private volatile LineConnection current;
    private volatile LineStatus status;

    PahoSession(LineConfig line, DriverContext context, LineStatistics statistics, SessionListener listener) {
        this.lineName = line.name();
        this.context = context;
        this.statistics = statistics;
        this.listener = listener;
        this.clock = context.clock();
        SessionSettings read;
        try {
            read = SessionSettings.of(line, context.hostId());
        } catch (IllegalArgumentException e) {
            // bad input must not stop the driver: the line stays down and says why until reconfigured
            configError = "line '" + lineName + "' cannot connect: " + e.getMessage();
            read = SessionSettings.of(new LineConfig(lineName, line.protocol(), List.of("localhost"), 1883,
                    null, List.of(), null), context.hostId());
        }
        this.settings = read;
        this.log = new LineLog(lineName, settings.fullDebug());
        this.backoff = newBackoff(settings);
        AtomicInteger n = new AtomicInteger();
        // 3 threads: a blocking client close or fail-back probe must not delay the ping watchdog
        this.scheduler = new ScheduledThreadPoolExecutor(3, r -> {
            Thread t = new Thread(r, THREAD_PREFIX + lineName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        this.publisher = new Publisher(lineName, statistics, log, clock, scheduler);
        this.status = new LineStatus(lineName, LineState.DISCONNECTED, "", "not started", clock.instant(),
                statistics.snapshot());
    }

    private static Backoff newBackoff(SessionSettings s) {
        return new Backoff(s.reconnectMinDelay(), s.reconnectMaxDelay(), ThreadLocalRandom.current()::nextDouble);
    }

    // ---------------------------------------------------------------- MqttSession

    @Override
    public void start() {
        run(() -> {
            synchronized (lock) {
                if (started || phase == Phase.STOPPED) {
                    return;
                }
                started = true;
                if (configError != null) {
                    error(configError);
                    setStatus(LineState.DISCONNECTED, "", configError);
                    return;
                }
                log.info("starting: {}", settings);
                acquirePersistence();
                if (wanted) {
                    attempt();
                } else {
                    setStatus(LineState.DISCONNECTED, "", notWantedReason());
                }
            }
        });
    }

    @Override
    public void setConnectionWanted(boolean want) {
        run(() -> {
            synchronized (lock) {
                if (wanted == want || phase == Phase.STOPPED) {
                    return;
                }
                wanted = want;
                if (!started) {
                    return;
                }
                if (!want) {
                    log.info("disconnecting: no station needs the line");
                    drop(true);
                    phase = Phase.IDLE;
                    setStatus(LineState.DISCONNECTED, "", notWantedReason());
                } else {
                    log.info("connecting again: a station needs the line");
                    backoff.reset();
                    roundStart = 0;
                    tried = 0;
                    attempt();
                }
            }
        });
    }

    private static String notWantedReason() {
        return "not connected on purpose: every station of the line is off or simulated";
    }

    @Override
    public void reconfigure(LineConfig line) {
        run(() -> {
            synchronized (lock) {
                if (phase == Phase.STOPPED) {
                    return;
                }
                SessionSettings next;
                try {
                    next = SessionSettings.of(line, context.hostId());
                } catch (IllegalArgumentException e) {
                    error("new parameters refused, keeping the old ones: " + e.getMessage());
                    return;
                }
                if (next.equals(settings) && configError == null) {
                    return;
                }
                boolean wasBroken = configError != null;
                configError = null;
                SessionSettings old = settings;
                settings = next;
                log.setFullDebug(next.fullDebug());
                if (!wasBroken && old.onlySubscriptionsDiffer(next)) {
                    log.info("topic filters changed from {} (QoS {}) to {} (QoS {}): re-subscribing without "
                            + "reconnecting", old.topicFilters(), old.subscribeQos(), next.topicFilters(),
                            next.subscribeQos());
                    LineConnection c = current;
                    if (c != null && (phase == Phase.CONNECTED || phase == Phase.SUBSCRIBING)) {
                        resubscribe(c, old, next);
                    }
                    return;
                }
                log.info("parameters changed: reconnecting with {}", next);
                backoff = newBackoff(next);
                drop(true);
                phase = Phase.IDLE;
                if (wasBroken || old.cleanSession() != next.cleanSession() || !old.clientId().equals(next.clientId())) {
                    releasePersistence();
                    acquirePersistence();
                }
                roundStart = 0;
                tried = 0;
                if (started && wanted) {
                    attempt();
                }
            }
        });
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        return publisher.publish(current, topic, payload, qos, retain, settings.writeTimeout());
    }

    @Override
    public void acknowledge(InboundMessage message) {
        if (!message.needsAck()) {
            return;
        }
        if (!acks.acknowledge(message.sequence())) {
            log.packet("acknowledgement of message #{} (id {}) ignored: it came on an earlier connection and the "
                    + "broker will deliver it again", message.sequence(), message.messageId());
        }
    }

    @Override
    public LineStatus status() {
        LineStatus s = status;
        return new LineStatus(s.line(), s.state(), s.broker(), s.reason(), s.since(), statistics.snapshot());
    }

    @Override
    public void stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            scheduler.execute(() -> {
                LineConnection c;
                synchronized (lock) {
                    c = current;
                    drop(true, false);
                    phase = Phase.STOPPED;
                }
                if (c != null) {
                    close(c, true);
                }
                synchronized (lock) {
                    releasePersistence();
                    publisher.stopped();
                    setStatus(LineState.DISCONNECTED, "", "line stopped");
                }
                done.complete(null);
            });
            done.get(STOP_WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return; // already stopped
        } catch (Exception e) {
            log.warn("stop did not finish in time: {}", e.toString());
        } finally {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        log.info("stopped");
    }

    // ---------------------------------------------------------------- connecting

    /** Tries the next host of the round. Holds lock. */
    private void attempt() {
        cancel(reconnectTask);
        if (phase == Phase.STOPPED || !wanted || !started) {
            return;
        }
        if (configError != null || persistenceError != null) {
            setStatus(LineState.DISCONNECTED, "", configError != null ? configError : persistenceError);
            return;
        }
        List<BrokerUri> brokers = settings.brokers();
        int index = (roundStart + tried) % brokers.size();
        BrokerUri broker = brokers.get(index);
        phase = Phase.CONNECTING;
        setStatus(LineState.CONNECTING, broker.uri(), "");
        LineConnection c;
        MqttConnectOptions options;
        try {
            options = ConnectOptions.build(settings, broker, activity);
            // constructed with the primary URI: Paho names the persistence subfolder after it, so the
            // session store stays the same whichever host we connect to
            PahoClient client = new PahoClient(settings.primary().uri(), settings.clientId(), newPersistence(),
                    scheduler);
            acks.strictOrder(settings.strictAckOrder());
            c = new LineConnection(broker, index, client, settings.clientId(), acks, log, events);
        } catch (MqttException | IllegalArgumentException | IllegalStateException e) {
            current = null;
            attemptFailed(broker, e instanceof MqttException ? Reasons.describe(e) : e.getMessage());
            return;
        }
        current = c;
        if (broker.tls() && !settings.tls().hostnameVerification()) {
            log.warn("connecting to {} WITHOUT hostname verification (hostnameVerification NO): any server with a "
                    + "certificate from a trusted CA can pose as this broker", broker.uri());
        }
        log.packet("CONNECT to {}: clientId={} cleanSession={} keepAlive={}s userName={} password={} will={}",
                broker.uri(), settings.clientId(), settings.cleanSession(), settings.keepAliveSeconds(),
                settings.userName(), Secrets.mask(settings.password()), settings.will());
        try {
            c.client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    run(() -> onConnected(c, token.getSessionPresent()));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    run(() -> onConnectFailed(c, Reasons.describe(e)));
                }
            });
        } catch (MqttException e) {
            onConnectFailed(c, Reasons.describe(e));
            return;
        }
        if (settings.replyTimeout().toMillis() > 0) {
            // Paho's connection timeout covers the TCP connect only; this bounds CONNACK too (#1013)
            Duration t = settings.replyTimeout().plusMillis(500);
            replyTimer = schedule(() -> onConnectFailed(c, "no CONNACK within Reply Timeout ("
                    + seconds(settings.replyTimeout()) + ")"), t);
        }
    }

    private void onConnected(LineConnection c, boolean sessionPresent) {
        synchronized (lock) {
            if (c != current || c.discarded) {
                run(() -> close(c, true)); // a late CONNACK of an abandoned attempt
                return;
            }
            cancel(replyTimer);
            c.connected = true;
            c.connectedAtNanos = System.nanoTime();
            phase = Phase.SUBSCRIBING;
            tried = 0;
            statistics.connected();
            activity.touch();
            log.packet("CONNACK from {}: sessionPresent={}", c.broker.uri(), sessionPresent);
            log.info("connected to {} as client id '{}'", c.broker.uri(), settings.clientId());
            subscribe(c, settings.topicFilters(), settings.subscribeQos());
            startWatchdog(c);
            startFailBackProbe(c);
        }
    }

    private void onConnectFailed(LineConnection c, String why) {
        synchronized (lock) {
            if (c != current || c.discarded) {
                return;
            }
            cancel(replyTimer);
            discard(c);
            current = null;
            attemptFailed(c.broker, why);
        }
    }

    /** Holds lock. Next host of the round at once, or the next round after the back-off. */
    private void attemptFailed(BrokerUri broker, String why) {
        String reason = "cannot connect to " + broker.uri() + ": " + why;
        error(reason);
        phase = Phase.DOWN;
        tried++;
        if (tried < settings.brokers().size()) {
            attempt();
            return;
        }
        tried = 0;
        roundStart = 0;
        Duration delay = backoff.next();
        setStatus(LineState.DISCONNECTED, "", reason + "; next attempt in " + seconds(delay));
        reconnectTask = schedule(this::attemptLocked, delay);
    }

    private void attemptLocked() {
        synchronized (lock) {
            attempt();
        }
    }

    /** The connection is gone (Paho told us, or our watchdog or a reply timeout decided). */
    private void lost(LineConnection c, String reason) {
        synchronized (lock) {
            if (c != current || c.discarded) {
                return;
            }
            error("connection to " + c.broker.uri() + " lost: " + reason);
            drop(false);
            phase = Phase.DOWN;
            int n = settings.brokers().size();
            roundStart = n > 1 ? (c.index + 1) % n : 0; // try the others first, then the one just lost
            tried = 0;
            // only a connection that stayed up resets the back-off: two clients sharing one client id
            // kick each other off at once, and must not do so every reconnectMinDelay forever
            if (System.nanoTime() - c.connectedAtNanos >= STABLE.toNanos()) {
                backoff.reset();
            }
            Duration delay = backoff.next();
            setStatus(LineState.DISCONNECTED, "", reason + "; reconnecting in " + seconds(delay));
            reconnectTask = schedule(this::attemptLocked, delay);
        }
    }

    private void drop(boolean graceful) {
        drop(graceful, true);
    }

    /** Holds lock. Leaves the current connection (DISCONNECT when {@code graceful}); no reconnect here. */
    private void drop(boolean graceful, boolean closeInBackground) {
        cancel(reconnectTask);
        cancel(replyTimer);
        cancel(watchdog);
        cancel(failBackProbe);
        LineConnection c = current;
        current = null;
        acks.connectionLost();
        if (c == null) {
            return;
        }
        c.discarded = true;
        c.connected = false;
        publisher.connectionDropped(c, !settings.cleanSession());
        if (closeInBackground) {
            run(() -> close(c, graceful));
        }
    }

    /** Holds lock: marks an attempt abandoned and closes its client in the background. */
    private void discard(LineConnection c) {
        c.discarded = true;
        c.connected = false;
        run(() -> close(c, false));
    }

    /** Closes a connection's client; blocks at most a few seconds. Never holds lock (Paho may call back). */
    private void close(LineConnection c, boolean graceful) {
        c.close(graceful, Math.max(500, Math.min(2000, settings.replyTimeout().toMillis())));
    }

    // ---------------------------------------------------------------- subscriptions

    /** Holds lock. SUBSCRIBE from our thread, never inside Paho's connect callback (#985, #999). */
    private void subscribe(LineConnection c, List<String> filters, int qos) {
        String[] f = filters.toArray(String[]::new);
        int[] q = new int[f.length];
        java.util.Arrays.fill(q, qos);
        log.packet("SUBSCRIBE {} QoS {}", filters, qos);
        try {
            c.client.subscribe(f, q, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    run(() -> onSubscribed(c, filters, token.getGrantedQos()));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    int[] granted = token.getGrantedQos();
                    if (granted != null && granted.length == f.length) {
                        run(() -> onSubscribed(c, filters, granted));
                    } else {
                        run(() -> lost(c, "SUBSCRIBE to " + filters + " failed: " + Reasons.describe(e)));
                    }
                }
            });
        } catch (MqttException | IllegalArgumentException e) {
            String why = e instanceof MqttException me ? Reasons.describe(me) : e.getMessage();
            run(() -> lost(c, "SUBSCRIBE to " + filters + " failed: " + why));
            return;
        }
        armReplyTimer(c, "SUBACK");
    }

    private void onSubscribed(LineConnection c, List<String> filters, int[] granted) {
        synchronized (lock) {
            if (c != current || c.discarded) {
                return;
            }
            cancel(replyTimer);
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < filters.size(); i++) {
                if (granted == null || i >= granted.length || granted[i] == 0x80) {
                    refused.add(filters.get(i));
                }
            }
            log.packet("SUBACK for {}: granted QoS {}", filters,
                    granted == null ? "none" : java.util.Arrays.toString(granted));
            for (String f : refused) {
                error("the broker refused the subscription to topic filter '" + f + "' (SUBACK 0x80: not "
                        + "allowed for this user or not supported); no messages arrive for it");
            }
            if (phase != Phase.CONNECTED) {
                phase = Phase.CONNECTED;
                setStatus(LineState.CONNECTED, c.broker.uri(), "");
            }
        }
    }

    /** Holds lock. UNSUBSCRIBE the filters no longer wanted, then SUBSCRIBE the new list. */
    private void resubscribe(LineConnection c, SessionSettings old, SessionSettings next) {
        List<String> removed = old.topicFilters().stream().filter(f -> !next.topicFilters().contains(f)).toList();
        if (removed.isEmpty()) {
            subscribe(c, next.topicFilters(), next.subscribeQos());
            return;
        }
        log.packet("UNSUBSCRIBE {}", removed);
        try {
            c.client.unsubscribe(removed.toArray(String[]::new), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    run(() -> {
                        synchronized (lock) {
                            if (c == current && !c.discarded) {
                                cancel(replyTimer);
                                log.packet("UNSUBACK for {}", removed);
                                subscribe(c, settings.topicFilters(), settings.subscribeQos());
                            }
                        }
                    });
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    run(() -> lost(c, "UNSUBSCRIBE from " + removed + " failed: " + Reasons.describe(e)));
                }
            });
        } catch (MqttException e) {
            run(() -> lost(c, "UNSUBSCRIBE from " + removed + " failed: " + Reasons.describe(e)));
            return;
        }
        armReplyTimer(c, "UNSUBACK");
    }

    private void armReplyTimer(LineConnection c, String what) {
        cancel(replyTimer);
        Duration t = settings.replyTimeout();
        if (t.toMillis() > 0) {
            replyTimer = schedule(() -> lost(c, "no " + what + " within Reply Timeout (" + seconds(t) + ")"), t);
        }
    }

    // ---------------------------------------------------------------- liveness and fail-back

    /** Holds lock. Ping Interval: PINGREQ when nothing arrived for that long; no answer in Reply Timeout: dead. */
    private void startWatchdog(LineConnection c) {
        if (settings.pingInterval().toMillis() <= 0) {
            return;
        }
        pings = new PingWatchdog(settings.pingInterval(), settings.replyTimeout());
        long tick = PingWatchdog.tickMillis(settings.pingInterval(), settings.replyTimeout());
        cancel(watchdog);
        watchdog = scheduler.scheduleWithFixedDelay(() -> watch(c), tick, tick, TimeUnit.MILLISECONDS);
    }

    private void watch(LineConnection c) {
        String dead = null;
        synchronized (lock) {
            if (c != current || !c.connected || pings == null) {
                return;
            }
            long now = System.nanoTime();
            switch (pings.check(now, activity.lastReadNanos())) {
                case PING -> {
                    try {
                        c.client.sendPing();
                        pings.pingSent(now);
                        log.packet("PINGREQ: nothing arrived for {}", seconds(settings.pingInterval()));
                    } catch (MqttException e) {
                        dead = "PINGREQ could not be sent: " + Reasons.describe(e);
                    }
                }
                case ANSWERED -> log.packet("PINGRESP (data from the broker) within {} ms",
                        pings.sincePing(now) / 1_000_000);
                case DEAD -> dead = "no PINGRESP within Reply Timeout (" + seconds(settings.replyTimeout())
                        + ") after nothing arrived for Ping Interval (" + seconds(settings.pingInterval())
                        + "); the connection is dead (half-open)";
                case NOTHING -> { }
            }
        }
        if (dead != null) {
            lost(c, dead);
        }
    }

    /** Holds lock. On a backup host with Fail Back YES: probe the primary; when it answers, switch back. */
    private void startFailBackProbe(LineConnection c) {
        if (!settings.failBack() || c.index == 0 || settings.brokers().size() < 2) {
            return;
        }
        long period = Math.max(1000, settings.reconnectMaxDelay().toMillis());
        BrokerUri primary = settings.primary();
        SessionSettings s = settings;
        failBackProbe = scheduler.scheduleWithFixedDelay(() -> {
            if (FailBackProbe.answers(primary, s)) {
                synchronized (lock) {
                    if (c != current || !c.connected) {
                        return;
                    }
                    log.info("primary broker {} answers again: failing back from {}", primary.uri(), c.broker.uri());
                    drop(true);
                    phase = Phase.IDLE;
                    roundStart = 0;
                    tried = 0;
                    attempt();
                }
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- persistence

    /** Holds lock. Clean Session NO keeps Paho's in-flight state in a locked per-line folder. */
    private void acquirePersistence() {
        persistenceError = null;
        if (settings.cleanSession() || persistenceLock != null) {
            return;
        }
        Path folder = context.dataDirectory().resolve("mqtt-" + ClientIds.sanitise(lineName));
        try {
            persistenceLock = PersistenceLock.acquire(folder, lineName);
        } catch (IllegalStateException e) {
            persistenceError = e.getMessage();
            error(persistenceError);
        }
    }

    private void releasePersistence() {
        if (persistenceLock != null) {
            persistenceLock.close();
            persistenceLock = null;
        }
    }

    private MqttClientPersistence newPersistence() {
        if (settings.cleanSession() || persistenceLock == null) {
            return new MemoryPersistence();
        }
        return new MqttDefaultFilePersistence(persistenceLock.folder().toString());
    }

    // ---------------------------------------------------------------- inbound

    /** Runs on Paho's callback thread: hand over and return; never throw (an exception disconnects, #549). */
    private void onMessage(LineConnection c, String topic, MqttMessage msg) {
        long seq = 0;
        try {
            if (c != current || c.discarded) {
                log.packet("PUBLISH in on an abandoned connection ignored: topic={} id={}", topic, msg.getId());
                return;
            }
            seq = sequence.incrementAndGet();
            byte[] payload = msg.getPayload();
            InboundMessage in = new InboundMessage(topic, payload, msg.getQos(), msg.getQos() == 0 ? 0 : msg.getId(),
                    msg.isRetained(), msg.isDuplicate(), clock.instant(), seq);
            if (in.needsAck()) {
                acks.arrived(c.ackConnection, seq, msg.getId(), msg.getQos());
            }
            statistics.received(payload.length);
            log.packet("PUBLISH in: topic={} qos={} id={} retained={} dup={} bytes={} payload={}", topic,
                    msg.getQos(), msg.getId(), msg.isRetained(), msg.isDuplicate(), payload.length,
                    LineLog.preview(payload));
            listener.messageArrived(in);
        } catch (Throwable t) {
            String why = "message on topic '" + topic + "' could not be handed over: " + t;
            statistics.error(why, clock.instant());
            log.error("{}", why);
            if (seq > 0 && msg.getQos() > 0) {
                acks.acknowledge(seq); // do not block the acknowledgements behind it
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private void error(String message) {
        statistics.error(message, clock.instant());
        log.warn("{}", message);
    }

    private void setStatus(LineState state, String broker, String reason) {
        LineStatus s = new LineStatus(lineName, state, broker, reason, clock.instant(), statistics.snapshot());
        status = s;
        try {
            listener.statusChanged(s);
        } catch (RuntimeException e) {
            log.error("status listener failed: {}", e.toString());
        }
    }

    private void run(Runnable r) {
        try {
            scheduler.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    error("internal error: " + e);
                }
            });
        } catch (RejectedExecutionException e) {
            // stopped: nothing to do any more
        }
    }

    private ScheduledFuture<?> schedule(Runnable r, Duration delay) {
        try {
            return scheduler.schedule(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    error("internal error: " + e);
                }
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
    }
}
