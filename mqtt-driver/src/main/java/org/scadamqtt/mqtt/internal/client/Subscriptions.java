package org.scadamqtt.mqtt.internal.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * SUBSCRIBE after CONNACK, UNSUBSCRIBE + SUBSCRIBE when only the topic filters change, both bounded
 * by Reply Timeout. A filter the broker refuses (SUBACK 0x80) is a line error naming the filter;
 * the others keep working. Methods marked "holds lock" run under the line's lock.
 */
final class Subscriptions {

    private final ConnectionLoop line;
    private final LineScheduler tasks;
    private final StatusReporter status;
    private final LineLog log;
    // guarded by the line's lock
    private ScheduledFuture<?> replyTimer;

    Subscriptions(ConnectionLoop line, LineScheduler tasks, StatusReporter status, LineLog log) {
        this.line = line;
        this.tasks = tasks;
        this.status = status;
        this.log = log;
    }

    /** Holds lock. SUBSCRIBE from our thread, never inside Paho's connect callback (#985, #999). */
    void subscribe(LineConnection c, List<String> filters, int qos) {
        String[] f = filters.toArray(String[]::new);
        int[] q = new int[f.length];
        Arrays.fill(q, qos);
        log.packet("SUBSCRIBE {} QoS {}", filters, qos);
        try {
            c.client.subscribe(f, q, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    tasks.run(() -> subscribed(c, filters, token.getGrantedQos()));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    int[] granted = token.getGrantedQos();
                    if (granted != null && granted.length == f.length) {
                        tasks.run(() -> subscribed(c, filters, granted));
                    } else {
                        tasks.run(() -> line.lost(c, "SUBSCRIBE to " + filters + " failed: " + Reasons.describe(e)));
                    }
                }
            });
        } catch (MqttException | IllegalArgumentException e) {
            String why = e instanceof MqttException me ? Reasons.describe(me) : e.getMessage();
            tasks.run(() -> line.lost(c, "SUBSCRIBE to " + filters + " failed: " + why));
            return;
        }
        armReplyTimer(c, "SUBACK");
    }

    private void subscribed(LineConnection c, List<String> filters, int[] granted) {
        synchronized (line.lock) {
            if (!line.isCurrent(c)) {
                return;
            }
            LineScheduler.cancel(replyTimer);
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < filters.size(); i++) {
                if (granted == null || i >= granted.length || granted[i] == 0x80) {
                    refused.add(filters.get(i));
                }
            }
            log.packet("SUBACK for {}: granted QoS {}", filters, granted == null ? "none" : Arrays.toString(granted));
            for (String f : refused) {
                status.error("the broker refused the subscription to topic filter '" + f + "' (SUBACK 0x80: not "
                        + "allowed for this user or not supported); no messages arrive for it");
            }
            line.subscribed(c);
        }
    }

    /** Holds lock. UNSUBSCRIBE the filters no longer wanted, then SUBSCRIBE the new list. */
    void resubscribe(LineConnection c, SessionSettings old, SessionSettings next) {
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
                    tasks.run(() -> {
                        synchronized (line.lock) {
                            if (line.isCurrent(c)) {
                                LineScheduler.cancel(replyTimer);
                                log.packet("UNSUBACK for {}", removed);
                                SessionSettings now = line.settings();
                                subscribe(c, now.topicFilters(), now.subscribeQos());
                            }
                        }
                    });
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    tasks.run(() -> line.lost(c, "UNSUBSCRIBE from " + removed + " failed: " + Reasons.describe(e)));
                }
            });
        } catch (MqttException e) {
            tasks.run(() -> line.lost(c, "UNSUBSCRIBE from " + removed + " failed: " + Reasons.describe(e)));
            return;
        }
        armReplyTimer(c, "UNSUBACK");
    }

    /** Holds lock. The connection is being left: no reply is awaited any more. */
    void stop() {
        LineScheduler.cancel(replyTimer);
    }

    private void armReplyTimer(LineConnection c, String what) {
        LineScheduler.cancel(replyTimer);
        Duration t = line.settings().replyTimeout();
        if (t.toMillis() > 0) {
            replyTimer = tasks.schedule(() -> line.lost(c, "no " + what + " within Reply Timeout ("
                    + LineScheduler.seconds(t) + ")"), t);
        }
    }
}
