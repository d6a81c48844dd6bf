package org.scadamqtt.mqtt.internal.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * SUBSCRIBE after CONNACK, UNSUBSCRIBE + SUBSCRIBE when only the topic filters change, both bounded
 * by Reply Timeout. A filter the broker refuses (SUBACK 0x80) is a line error naming the filter;
 * the others keep working. Methods marked "on the lane" run on the line's connection lane.
 *
 * <p>Two things keep a large queued backlog from dropping the line in a loop (Mosquitto answers
 * SUBACK only after it has sent the whole backlog): the reply wait counts from the last bytes that
 * arrived, not from the SUBSCRIBE (a connection that delivers is alive), and when the broker kept
 * our session (CONNACK session present) with the filters it confirmed, we do not subscribe again.
 */
final class Subscriptions {

    private final ConnectionLoop line;
    private final LineScheduler tasks;
    private final StatusReporter status;
    private final LineLog log;
    private final InboundActivity activity;
    // only on the connection lane
    private ScheduledFuture<?> replyTimer;
    /** The reply awaited now (identity); null: none. A timer that fires late for another one does nothing. */
    private Object awaiting;
    /** Per broker URI: the filters and QoS its SUBACK granted in full on this line's session. */
    private final Map<String, Confirmed> confirmed = new HashMap<>();

    private record Confirmed(List<String> filters, int qos) {
    }

    Subscriptions(ConnectionLoop line, LineScheduler tasks, StatusReporter status, LineLog log,
            InboundActivity activity) {
        this.line = line;
        this.tasks = tasks;
        this.status = status;
        this.log = log;
        this.activity = activity;
    }

    /**
     * On the lane. Whether the broker of {@code c}, which kept our session, still has exactly these
     * subscriptions from an earlier connection of this line (so SUBSCRIBE can be skipped).
     */
    boolean keptBy(LineConnection c, List<String> filters, int qos) {
        return new Confirmed(List.copyOf(filters), qos).equals(confirmed.get(c.broker.uri()));
    }

    /** On the lane. The session's parameters changed (client id, Clean Session …): forget what brokers hold. */
    void forget() {
        confirmed.clear();
    }

    /** On the lane. SUBSCRIBE from our thread, never inside Paho's connect callback (#985, #999). */
    void subscribe(LineConnection c, List<String> filters, int qos) {
        String[] f = filters.toArray(String[]::new);
        int[] q = new int[f.length];
        Arrays.fill(q, qos);
        confirmed.remove(c.broker.uri()); // unknown until this SUBACK
        log.packet("SUBSCRIBE {} QoS {}", filters, qos);
        try {
            c.client.subscribe(f, q, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    tasks.post(() -> subscribed(c, filters, qos, token.getGrantedQos()));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    int[] granted = token.getGrantedQos();
                    if (granted != null && granted.length == f.length) {
                        tasks.post(() -> subscribed(c, filters, qos, granted));
                    } else {
                        line.lost(c, "SUBSCRIBE to " + filters + " failed: " + Reasons.describe(e));
                    }
                }
            });
        } catch (MqttException | IllegalArgumentException e) {
            String why = e instanceof MqttException me ? Reasons.describe(me) : e.getMessage();
            line.lost(c, "SUBSCRIBE to " + filters + " failed: " + why);
            return;
        }
        armReplyTimer(c, "SUBACK");
    }

    private void subscribed(LineConnection c, List<String> filters, int qos, int[] granted) {
        if (!line.isCurrent(c)) {
            return;
        }
        stop();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            if (granted == null || i >= granted.length || granted[i] == 0x80) {
                refused.add(filters.get(i));
            }
        }
        log.packet("SUBACK for {}: granted QoS {}", filters, granted == null ? "none" : Arrays.toString(granted));
        if (refused.isEmpty()) {
            confirmed.put(c.broker.uri(), new Confirmed(List.copyOf(filters), qos));
        }
        for (String f : refused) {
            status.error("the broker refused the subscription to topic filter '" + f + "' (SUBACK 0x80: not "
                    + "allowed for this user or not supported); no messages arrive for it");
        }
        line.subscribed(c);
    }

    /** On the lane. UNSUBSCRIBE the filters no longer wanted, then SUBSCRIBE the new list. */
    void resubscribe(LineConnection c, SessionSettings old, SessionSettings next) {
        List<String> removed = old.topicFilters().stream().filter(f -> !next.topicFilters().contains(f)).toList();
        if (removed.isEmpty()) {
            subscribe(c, next.topicFilters(), next.subscribeQos());
            return;
        }
        confirmed.remove(c.broker.uri());
        log.packet("UNSUBSCRIBE {}", removed);
        try {
            c.client.unsubscribe(removed.toArray(String[]::new), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    tasks.post(() -> {
                        if (line.isCurrent(c)) {
                            stop();
                            log.packet("UNSUBACK for {}", removed);
                            SessionSettings now = line.settings();
                            subscribe(c, now.topicFilters(), now.subscribeQos());
                        }
                    });
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    line.lost(c, "UNSUBSCRIBE from " + removed + " failed: " + Reasons.describe(e));
                }
            });
        } catch (MqttException e) {
            line.lost(c, "UNSUBSCRIBE from " + removed + " failed: " + Reasons.describe(e));
            return;
        }
        armReplyTimer(c, "UNSUBACK");
    }

    /** On the lane. The connection is being left: no reply is awaited any more. */
    void stop() {
        LineScheduler.cancel(replyTimer);
        awaiting = null;
    }

    /** On the lane. Reply Timeout for {@code what}, counted from the later of now and the last bytes that arrive. */
    private void armReplyTimer(LineConnection c, String what) {
        stop();
        Duration t = line.settings().replyTimeout();
        if (t.toMillis() > 0) {
            Object wait = new Object();
            awaiting = wait;
            long sent = System.nanoTime();
            replyTimer = tasks.schedule(() -> replyDue(c, what, wait, sent, t), t);
        }
    }

    private void replyDue(LineConnection c, String what, Object wait, long sent, Duration t) {
        if (awaiting != wait || !line.isCurrent(c)) {
            return; // answered, or the connection was left, before this timer's turn on the lane
        }
        long due = Math.max(sent, activity.lastReadNanos()) + t.toNanos();
        long left = due - System.nanoTime();
        if (left > 0) {
            // bytes arrived meanwhile (a queued backlog comes before the reply): the connection is alive
            replyTimer = tasks.schedule(() -> replyDue(c, what, wait, sent, t), Duration.ofNanos(left));
            return;
        }
        stop();
        line.lost(c, "no " + what + " within Reply Timeout (" + LineScheduler.seconds(t) + ")");
    }
}
