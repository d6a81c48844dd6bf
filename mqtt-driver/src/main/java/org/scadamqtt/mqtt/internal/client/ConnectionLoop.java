package org.scadamqtt.mqtt.internal.client;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.profile.ReconnectDelay;

/**
 * The state machine of one line's broker connection: connect attempts over the host list
 * ({@link ReconnectPlan}), CONNACK bounded by Reply Timeout, loss and reconnect, fail-back; the
 * host's commands ({@link PahoSession}) start and leave it. One fresh Paho client per attempt, so no
 * callback, message or acknowledgement of an earlier connection can reach a later one.
 *
 * <p>Threads: every state change runs on the line's connection lane ({@link LineScheduler#post}), one
 * at a time, so the state needs no lock; Paho callbacks, timers and the host's commands post to it
 * and never wait for a lock. Inbound messages ({@link InboundHandler}) do not pass through it.
 */
final class ConnectionLoop {

    private enum Phase { IDLE, CONNECTING, SUBSCRIBING, CONNECTED, DOWN, STOPPED }

    private final LineStatistics statistics;
    private final LineLog log;
    private final LineScheduler tasks;
    private final StatusReporter status;
    private final AckSequencer acks;
    private final InboundActivity activity;
    private final Publisher publisher;
    private final PersistenceStore persistence;
    private final Subscriptions subscriptions;
    private final Liveness liveness;
    private final ProfileReconnect profileDelays;

    /** Replaced as a whole on the lane; read from any thread by publish. */
    private volatile SessionSettings settings;
    // only on the connection lane
    private ReconnectPlan plan;
    /** Written on the lane; read from any thread by {@link #isUp()}. */
    private volatile Phase phase = Phase.IDLE;
    private boolean enabled;
    private String blocked;
    private ScheduledFuture<?> reconnectTask;
    private ScheduledFuture<?> connackTimer;
    /** Connections in a row the broker closed right after CONNACK (sooner than ReconnectPlan.STABLE). */
    private int quickBrokerCloses;
    /** Failed rounds and short-lived connections since the last one that stayed up (the profile's hook). */
    private int failedInARow;

    /** The connection being tried or in use; read by Paho's threads. */
    private volatile LineConnection current;

    /** What the connections report (Paho threads); hands state changes to the line's threads. */
    private final LineConnection.Events events;

    ConnectionLoop(SessionSettings settings, LineStatistics statistics, LineLog log, LineScheduler tasks,
            StatusReporter status, AckSequencer acks, InboundActivity activity, Publisher publisher,
            PersistenceStore persistence, InboundHandler inbound, ProfileReconnect profileDelays) {
        this.settings = settings;
        this.profileDelays = profileDelays;
        this.statistics = statistics;
        this.log = log;
        this.tasks = tasks;
        this.status = status;
        this.acks = acks;
        this.activity = activity;
        this.publisher = publisher;
        this.persistence = persistence;
        this.subscriptions = new Subscriptions(this, tasks, status, log, activity);
        this.liveness = new Liveness(this, tasks, activity, log);
        this.plan = newPlan(settings);
        this.events = new LineConnection.Events() {
            @Override
            public boolean isCurrent(LineConnection c) {
                return c == current;
            }

            @Override
            public void message(LineConnection c, String topic, MqttMessage message) {
                inbound.arrived(c, c == current && !c.discarded, topic, message);
            }

            @Override
            public void lost(LineConnection c, String reason) {
                ConnectionLoop.this.lost(c, reason);
            }

            @Override
            public void closedByBroker(LineConnection c) {
                tasks.post(() -> ConnectionLoop.this.closedByBroker(c));
            }

            @Override
            public void delivered(int messageId) {
                publisher.delivered(messageId);
            }
        };
    }

    private static ReconnectPlan newPlan(SessionSettings s) {
        return new ReconnectPlan(s.brokers().size(),
                new Backoff(s.reconnectMinDelay(), s.reconnectMaxDelay(), ThreadLocalRandom.current()::nextDouble));
    }

    SessionSettings settings() {
        return settings;
    }

    /** The connection in use or being tried; null when there is none. */
    LineConnection current() {
        return current;
    }

    /** Whether {@code c} is the line's connection and not abandoned. */
    boolean isCurrent(LineConnection c) {
        return c == current && !c.discarded;
    }

    /** Whether {@code c} is the line's connection and has its CONNACK. */
    boolean isConnected(LineConnection c) {
        return c == current && c.connected;
    }

    /** Whether the line is connected and subscribed (the profile has announced itself). Any thread. */
    boolean isUp() {
        LineConnection c = current;
        return phase == Phase.CONNECTED && c != null && c.connected;
    }

    // ---------------------------------------------------------------- commands (on the lane)

    /**
     * Whether the loop may connect (the line is started and a station wants it) and why it cannot
     * although it may (bad configuration; null when it can).
     */
    void allow(boolean mayConnect, String blockedReason) {
        this.enabled = mayConnect;
        this.blocked = blockedReason;
    }

    boolean isStopped() {
        return phase == Phase.STOPPED;
    }

    /** Connects to the next host of the plan. */
    void connect() {
        attempt();
    }

    /** Connects again from the primary with the shortest back-off (a station wants the line again). */
    void restart() {
        plan.restart();
        attempt();
    }

    /** Leaves the connection (DISCONNECT) and stays idle until {@link #connect()}. */
    void leave() {
        drop(true);
        phase = Phase.IDLE;
    }

    /** New connection parameters for the next attempt (the back-off starts again). */
    void configure(SessionSettings next) {
        settings = next;
        subscriptions.forget();
        plan = newPlan(next);
    }

    /** Only the topic filters or the subscribe QoS changed: UNSUBSCRIBE + SUBSCRIBE on the open connection. */
    void changeSubscriptions(SessionSettings old, SessionSettings next) {
        settings = next;
        LineConnection c = current;
        if (c != null && (phase == Phase.CONNECTED || phase == Phase.SUBSCRIBING)) {
            subscriptions.resubscribe(c, old, next);
        }
    }

    /**
     * On the lane. First half of stopping: leaves the connection without reconnecting; returns it
     * for closing (or null).
     */
    LineConnection stopping() {
        LineConnection c = current;
        drop(true, false);
        phase = Phase.STOPPED;
        return c;
    }

    /** On the lane: the first SUBACK makes the line CONNECTED. */
    void subscribed(LineConnection c) {
        if (phase != Phase.CONNECTED) {
            phase = Phase.CONNECTED;
            status.set(LineState.CONNECTED, c.broker.uri(), "");
        }
    }

    /** The primary answers again while {@code c} (on a backup) is in use: switch back. Any thread. */
    void failBack(LineConnection c) {
        tasks.post(() -> {
            if (!isConnected(c)) {
                return;
            }
            log.info("primary broker {} answers again: failing back from {}", settings.primary().uri(),
                    c.broker.uri());
            drop(true);
            phase = Phase.IDLE;
            plan.fromPrimary();
            attempt();
        });
    }

    // ---------------------------------------------------------------- connecting

    /** On the lane. Tries the next host of the round. */
    private void attempt() {
        LineScheduler.cancel(reconnectTask);
        if (phase == Phase.STOPPED || !enabled) {
            return;
        }
        if (blocked != null || persistence.problem() != null) {
            status.set(LineState.DISCONNECTED, "", blocked != null ? blocked : persistence.problem());
            return;
        }
        int index = plan.nextHost();
        BrokerUri broker = settings.brokers().get(index);
        phase = Phase.CONNECTING;
        status.set(LineState.CONNECTING, broker.uri(), "");
        LineConnection c;
        MqttConnectOptions options;
        try {
            options = ConnectOptions.build(settings, broker, activity);
            acks.strictOrder(settings.strictAckOrder());
            c = LineConnection.create(settings, index, persistence.open(settings.cleanSession()), tasks,
                    acks, log, events);
        } catch (MqttException | IllegalArgumentException | IllegalStateException e) {
            current = null;
            attemptFailed(broker, e instanceof MqttException me ? Reasons.describe(me) : e.getMessage());
            return;
        }
        current = c;
        try {
            c.connect(settings, options, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    tasks.post(() -> onConnected(c, token.getSessionPresent()));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    tasks.post(() -> onConnectFailed(c, Reasons.describe(e)));
                }
            });
        } catch (MqttException e) {
            onConnectFailed(c, Reasons.describe(e));
            return;
        }
        if (settings.replyTimeout().toMillis() > 0) {
            // Paho's connection timeout covers the TCP connect only; this bounds CONNACK too (#1013)
            Duration t = settings.replyTimeout().plusMillis(500);
            connackTimer = tasks.schedule(() -> onConnectFailed(c, "no CONNACK within Reply Timeout ("
                    + LineScheduler.seconds(settings.replyTimeout()) + ")"), t);
        }
    }

    private void onConnected(LineConnection c, boolean sessionPresent) {
        if (!isCurrent(c)) {
            tasks.run(() -> close(c, true)); // a late CONNACK of an abandoned attempt
            return;
        }
        LineScheduler.cancel(connackTimer);
        c.connected = true;
        c.connectedAtNanos = System.nanoTime();
        phase = Phase.SUBSCRIBING;
        plan.connected();
        statistics.connected();
        activity.touch();
        log.packet("CONNACK from {}: sessionPresent={}", c.broker.uri(), sessionPresent);
        log.info("connected to {} as client id '{}'", c.broker.uri(), settings.clientId());
        liveness.start(c);
        if (sessionPresent && subscriptions.keptBy(c, settings.topicFilters(), settings.subscribeQos())) {
            // SUBSCRIBE again would only wait behind the queued backlog (Mosquitto answers after it)
            log.info("the broker kept the session with the subscriptions {} (QoS {}): not subscribing again",
                    settings.topicFilters(), settings.subscribeQos());
            subscribed(c);
        } else {
            subscriptions.subscribe(c, settings.topicFilters(), settings.subscribeQos());
        }
    }

    private void onConnectFailed(LineConnection c, String why) {
        if (!isCurrent(c) || c.connected) {
            // c.connected: the CONNACK timer fired while the CONNACK was already queued on the lane
            return;
        }
        LineScheduler.cancel(connackTimer);
        discard(c);
        current = null;
        attemptFailed(c.broker, why);
    }

    /** On the lane. Next host of the round at once, or the next round after the back-off. */
    private void attemptFailed(BrokerUri broker, String why) {
        String reason = "cannot connect to " + broker.uri() + ": " + why;
        status.error(reason);
        phase = Phase.DOWN;
        Duration delay = plan.attemptFailed();
        if (delay == null) {
            attempt();
            return;
        }
        failedInARow++;
        ReconnectDelay shaped = profileDelays.delay(failedInARow, reason);
        String note = "";
        if (shaped != null) {
            delay = shaped.delay();
            note = shaped.note().isEmpty() ? "" : "; " + shaped.note();
        }
        status.set(LineState.DISCONNECTED, "", reason + note + "; next attempt in " + LineScheduler.seconds(delay));
        reconnectTask = tasks.schedule(this::attempt, delay);
    }

    /**
     * The broker closed the connection itself. Once is a broker restart or a device between; the
     * same right after connecting twice or more in a row is what two clients with one client id do
     * to each other (the broker drops the older connection), and only then is that named.
     */
    private void closedByBroker(LineConnection c) {
        if (!isCurrent(c)) {
            return;
        }
        boolean quick = c.connected && System.nanoTime() - c.connectedAtNanos < ReconnectPlan.STABLE.toNanos();
        int inARow = quick ? quickBrokerCloses + 1 : 0;
        String reason = "connection lost: the broker (or a device between) closed it";
        String id = settings.clientId();
        if (inARow >= 2 && !id.isEmpty()) {
            reason += " right after connecting, " + inARow + " times in a row: another client is probably using "
                    + "client id '" + id + "' (possible client id clash: the broker drops the older connection)";
            log.warn("broker {} closed the connection of client id '{}' right after connecting, {} times in a "
                    + "row: another client uses the same client id; give each system its own clientId",
                    c.broker.uri(), id, inARow);
        }
        lostNow(c, reason);
        quickBrokerCloses = inARow;
    }

    /** The connection is gone (Paho told us, or the watchdog or a reply timeout decided). Any thread. */
    void lost(LineConnection c, String reason) {
        tasks.post(() -> lostNow(c, reason));
    }

    private void lostNow(LineConnection c, String reason) {
        if (!isCurrent(c)) {
            return;
        }
        quickBrokerCloses = 0;
        status.error("connection to " + c.broker.uri() + " lost: " + reason);
        drop(false);
        phase = Phase.DOWN;
        long up = System.nanoTime() - c.connectedAtNanos;
        Duration delay = plan.lost(c.index, up);
        failedInARow = up >= ReconnectPlan.STABLE.toNanos() ? 0 : failedInARow + 1;
        ReconnectDelay shaped = profileDelays.delay(failedInARow, reason);
        String note = "";
        if (shaped != null) {
            delay = shaped.delay();
            note = shaped.note().isEmpty() ? "" : "; " + shaped.note();
        }
        status.set(LineState.DISCONNECTED, "", reason + note + "; reconnecting in "
                + LineScheduler.seconds(delay));
        reconnectTask = tasks.schedule(this::attempt, delay);
    }

    private void drop(boolean graceful) {
        drop(graceful, true);
    }

    /** On the lane. Leaves the current connection (DISCONNECT when {@code graceful}); no reconnect here. */
    private void drop(boolean graceful, boolean closeInBackground) {
        LineScheduler.cancel(reconnectTask);
        LineScheduler.cancel(connackTimer);
        subscriptions.stop();
        liveness.stop();
        LineConnection c = current;
        current = null;
        acks.connectionLost();
        if (c == null) {
            return;
        }
        c.discarded = true;
        c.connected = false;
        publisher.connectionDropped(c, c.resendsAfterLoss());
        if (closeInBackground) {
            tasks.run(() -> close(c, graceful));
        }
    }

    /** On the lane: marks an attempt abandoned and closes its client in the background. */
    private void discard(LineConnection c) {
        c.discarded = true;
        c.connected = false;
        tasks.run(() -> close(c, false));
    }

    /** Closes a connection's client; blocks at most a few seconds, so never on the lane (Paho may call back). */
    void close(LineConnection c, boolean graceful) {
        c.close(graceful, Math.max(500, Math.min(2000, settings.replyTimeout().toMillis())));
    }
}
