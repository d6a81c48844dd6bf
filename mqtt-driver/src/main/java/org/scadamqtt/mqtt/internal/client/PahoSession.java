package org.scadamqtt.mqtt.internal.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.mqtt.internal.FarewellWait;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.mqtt.internal.SessionListener;

/**
 * The MQTT line on Paho's async client, as the driver sees it: the host's commands (start, stop,
 * stations wanting the line or not, new parameters), writes and the status.
 * The parts: {@link ConnectionLoop} (connect, lose, reconnect, fail back), {@link Subscriptions},
 * {@link Liveness} (ping watchdog, fail-back probe), {@link Publisher}, {@link InboundHandler},
 * {@link PersistenceStore}, {@link StatusReporter}, all on the line's {@link LineScheduler}, whose
 * timer is the line's one timer (the driver's, shared with its stations).
 *
 * <p>Commands return at once. Each runs on the line's command lane in the order given: what may
 * wait (the profile's goodbye) there, then its change of state on the connection lane, where the
 * loop's callbacks and timers run too; the next command starts when both are done.
 */
final class PahoSession implements MqttSession {

    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final String lineName;
    private final DriverContext context;
    private final LineLog log;
    private final StatusReporter status;
    private final LineScheduler tasks;
    private final Publisher publisher;
    private final PersistenceStore persistence;
    private final ConnectionLoop loop;
    private final ProfileReconnect profileDelays;
    private final SessionListener listener;

    // only on the connection lane
    /** Why the configuration cannot be used (bad broker address …); null when it can. */
    private String configError;
    private boolean wanted = true;
    private boolean started;

    /**
     * @param timer     the line's timer
     * @param ownsTimer whether {@link #stop()} ends the timer too (a session used without a driver)
     */
    PahoSession(LineConfig line, DriverContext context, LineStatistics statistics, SessionListener listener,
            ScheduledExecutorService timer, boolean ownsTimer) {
        this.lineName = line.name();
        this.context = context;
        this.listener = listener;
        Clock clock = context.clock();
        SessionSettings read;
        try {
            read = SessionSettings.of(line, context.hostId());
        } catch (IllegalArgumentException e) {
            // bad input must not stop the driver: the line stays down and says why until reconfigured
            configError = "line '" + lineName + "' cannot connect: " + e.getMessage();
            read = SessionSettings.of(new LineConfig(lineName, line.protocol(), List.of("localhost"), 1883,
                    null, List.of(), null), context.hostId());
        }
        this.log = new LineLog(lineName, read.fullDebug());
        this.status = new StatusReporter(lineName, statistics, listener, clock, log);
        this.tasks = new LineScheduler(lineName, timer, ownsTimer, status::error);
        this.publisher = new Publisher(lineName, statistics, log, clock, this.tasks);
        AckSequencer acks = new AckSequencer(InboundHandler.ignoredAcks(log));
        InboundHandler inbound = new InboundHandler(statistics, log, clock, listener, acks);
        this.persistence = new PersistenceStore(lineName, context::dataDirectory, status::error);
        this.profileDelays = new ProfileReconnect(line);
        this.loop = new ConnectionLoop(read, statistics, log, tasks, status, acks, new InboundActivity(), publisher,
                persistence, inbound, profileDelays);
        loop.allow(false, configError);
    }

    /** On the connection lane. Tells the loop whether it may connect. */
    private void sync() {
        loop.allow(started && wanted, configError);
    }

    @Override
    public void start() {
        command(() -> {
            if (started || loop.isStopped()) {
                return;
            }
            started = true;
            sync();
            if (configError != null) {
                status.error(configError);
                status.set(LineState.DISCONNECTED, "", configError);
                return;
            }
            log.info("starting: {}", loop.settings());
            persistence.acquire(loop.settings().cleanSession());
            if (wanted) {
                loop.connect();
            } else {
                status.set(LineState.DISCONNECTED, "", notWantedReason());
            }
        });
    }

    @Override
    public void setConnectionWanted(boolean want) {
        tasks.runInOrder(() -> {
            if (!want) {
                farewell();
            }
            tasks.await(() -> applyWanted(want));
        });
    }

    /** On the connection lane. */
    private void applyWanted(boolean want) {
        if (wanted == want || loop.isStopped()) {
            return;
        }
        wanted = want;
        sync();
        if (!started) {
            return;
        }
        if (!want) {
            log.info("disconnecting: no station needs the line");
            loop.leave();
            status.set(LineState.DISCONNECTED, "", notWantedReason());
        } else {
            log.info("connecting again: a station needs the line");
            loop.restart();
        }
    }

    /** Runs a host command without a goodbye: its change of state on the connection lane, in command order. */
    private void command(Runnable change) {
        tasks.runInOrder(() -> tasks.await(change));
    }

    private static String notWantedReason() {
        return "not connected on purpose: every station of the line is off or simulated";
    }

    @Override
    public boolean reconnectsFor(LineConfig line) {
        SessionSettings next;
        try {
            next = SessionSettings.of(line, context.hostId());
        } catch (IllegalArgumentException e) {
            return false; // refused: the old parameters stay
        }
        return loop.settings().reconnectsFor(next); // settings: volatile, set on the connection lane
    }

    @Override
    public void reconfigure(LineConfig line) {
        tasks.runInOrder(() -> {
            SessionSettings next;
            try {
                next = SessionSettings.of(line, context.hostId());
            } catch (IllegalArgumentException e) {
                next = null;
                status.error("new parameters refused, keeping the old ones: " + e.getMessage());
            }
            if (next != null && loop.settings().reconnectsFor(next)) {
                farewell(); // about to reconnect with the new parameters
            }
            SessionSettings parsed = next;
            tasks.await(() -> applyParameters(line, parsed));
        });
    }

    /** On the connection lane: the new parameters ({@code next} null: refused). */
    private void applyParameters(LineConfig line, SessionSettings next) {
        if (loop.isStopped()) {
            return;
        }
        profileDelays.update(line);
        if (next == null) {
            return;
        }
        SessionSettings old = loop.settings();
        if (next.equals(old) && configError == null) {
            return;
        }
        boolean wasBroken = configError != null;
        configError = null;
        sync();
        log.setFullDebug(next.fullDebug());
        if (!wasBroken && old.onlySubscriptionsDiffer(next)) {
            log.info("topic filters changed from {} (QoS {}) to {} (QoS {}): re-subscribing without "
                    + "reconnecting", old.topicFilters(), old.subscribeQos(), next.topicFilters(),
                    next.subscribeQos());
            loop.changeSubscriptions(old, next);
            return;
        }
        log.info("parameters changed: reconnecting with {}", next);
        loop.configure(next);
        loop.leave();
        if (wasBroken || old.cleanSession() != next.cleanSession() || !old.clientId().equals(next.clientId())) {
            persistence.release();
            persistence.acquire(next.cleanSession());
        }
        if (started && wanted) {
            loop.connect();
        }
    }

    /** Tasks waiting on the line's timer (write deadlines, watchdogs); for tests. */
    int scheduledTasks() {
        return tasks.scheduledTasks();
    }

    /**
     * Runs on the command lane or the stopping thread, never on the connection lane (it waits, and
     * the lane must not): before a deliberate DISCONNECT of a connected line, lets the profile say
     * goodbye and waits for it, at most the Reply Timeout and never more than 2 s ({@link FarewellWait}).
     */
    private void farewell() {
        if (!loop.isUp()) {
            return;
        }
        long waitMs = FarewellWait.millis(loop.settings().replyTimeout());
        try {
            listener.leaving().toCompletableFuture().get(waitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("the broker did not confirm the payload profile's last message within {} ms; disconnecting "
                    + "anyway", waitMs);
        } catch (ExecutionException e) {
            log.warn("the payload profile's last message before disconnecting failed: {}", e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("the payload profile failed before disconnecting: {}", e.toString());
        }
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        return publisher.publish(loop.current(), topic, payload, qos, retain, loop.settings().writeTimeout());
    }

    @Override
    public LineStatus status() {
        return status.current();
    }

    @Override
    public void stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            tasks.execute(() -> {
                farewell();
                LineConnection c = tasks.call(loop::stopping);
                if (c != null) {
                    loop.close(c, true);
                }
                tasks.await(() -> {
                    persistence.release();
                    publisher.stopped();
                    status.set(LineState.DISCONNECTED, "", "line stopped");
                });
                done.complete(null);
            });
            done.get(STOP_WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return; // already stopped
        } catch (Exception e) {
            log.warn("stop did not finish in time: {}", e.toString());
        } finally {
            tasks.shutdown(STOP_WAIT);
        }
        log.info("stopped");
    }
}
