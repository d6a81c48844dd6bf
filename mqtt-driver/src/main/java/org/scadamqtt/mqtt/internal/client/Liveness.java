package org.scadamqtt.mqtt.internal.client;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * While connected: the Ping Interval watchdog (PINGREQ when nothing arrived for that long; nothing
 * within Reply Timeout after it: the connection is dead, half-open), the partial-packet check (a
 * packet began to arrive and nothing more of it came for Reply Timeout: closed and opened again,
 * as D2000 does; also with Ping Interval 0) and, on a backup host with Fail
 * Back YES, the probe that switches back to the primary when it answers again. Methods marked
 * "on the lane" run on the line's connection lane, and so does the watchdog; the probe blocks, so it
 * runs beside the lane and posts its result.
 */
final class Liveness {

    private final ConnectionLoop line;
    private final LineScheduler tasks;
    private final InboundActivity activity;
    private final LineLog log;
    // only on the connection lane
    private PingWatchdog pings;
    private ScheduledFuture<?> watchdog;
    private ScheduledFuture<?> partialPacket;
    private ScheduledFuture<?> failBackProbe;

    Liveness(ConnectionLoop line, LineScheduler tasks, InboundActivity activity, LineLog log) {
        this.line = line;
        this.tasks = tasks;
        this.activity = activity;
        this.log = log;
    }

    /** On the lane. {@code c} just got its CONNACK. */
    void start(LineConnection c) {
        startWatchdog(c);
        startPartialPacketCheck(c);
        startFailBackProbe(c);
    }

    /** On the lane. The connection is being left. */
    void stop() {
        LineScheduler.cancel(watchdog);
        LineScheduler.cancel(partialPacket);
        LineScheduler.cancel(failBackProbe);
    }

    private void startWatchdog(LineConnection c) {
        SessionSettings s = line.settings();
        if (s.pingInterval().toMillis() <= 0) {
            return;
        }
        pings = new PingWatchdog(s.pingInterval(), s.replyTimeout());
        LineScheduler.cancel(watchdog);
        watchAt(c, pings.nextCheck(System.nanoTime(), activity.lastReadNanos()));
    }

    /** On the lane. The next look of the watchdog at {@code atNanos} ({@link System#nanoTime()}). */
    private void watchAt(LineConnection c, long atNanos) {
        long delay = Math.max(0, atNanos - System.nanoTime());
        watchdog = tasks.schedule(() -> watch(c), Duration.ofNanos(delay));
    }

    private void watch(LineConnection c) {
        String dead = null;
        if (!line.isConnected(c) || pings == null) {
            return;
        }
        SessionSettings s = line.settings();
        long now = System.nanoTime();
        switch (pings.check(now, activity.lastReadNanos())) {
            case PING -> {
                try {
                    c.client.sendPing();
                    pings.pingSent(now);
                    log.packet("PINGREQ: nothing arrived for {}", LineScheduler.seconds(s.pingInterval()));
                } catch (MqttException e) {
                    dead = "PINGREQ could not be sent: " + Reasons.describe(e);
                }
            }
            case ANSWERED -> log.packet("PINGRESP (data from the broker) within {} ms",
                    pings.sincePing(now) / 1_000_000);
            case DEAD -> dead = "no PINGRESP within Reply Timeout (" + LineScheduler.seconds(s.replyTimeout())
                    + ") after nothing arrived for Ping Interval (" + LineScheduler.seconds(s.pingInterval())
                    + "); the connection is dead (half-open)";
            case NOTHING -> { }
        }
        if (dead == null) {
            watchAt(c, pings.nextCheck(System.nanoTime(), activity.lastReadNanos()));
        } else {
            line.lost(c, dead);
        }
    }

    /**
     * Reply Timeout also bounds a partly received packet. Not on WebSocket hosts: there the socket
     * carries WebSocket frames, whose boundaries are not MQTT's (the ping watchdog still applies).
     */
    private void startPartialPacketCheck(LineConnection c) {
        SessionSettings s = line.settings();
        long reply = s.replyTimeout().toNanos();
        if (reply <= 0 || c.broker.webSocket()) {
            return;
        }
        long tick = PingWatchdog.tickMillis(s.replyTimeout(), s.replyTimeout());
        LineScheduler.cancel(partialPacket);
        partialPacket = tasks.every(() -> {
            long stalled = activity.stalledInPacketNanos(System.nanoTime());
            if (stalled < reply) {
                return;
            }
            line.lost(c, "only part of a packet arrived from the broker and nothing more of it for "
                    + stalled / 1_000_000 + " ms (Reply Timeout " + LineScheduler.seconds(s.replyTimeout())
                    + "); closing the connection and opening it again");
        }, tick);
    }

    /** On a backup host with Fail Back YES: probe the primary; when it answers, switch back. */
    private void startFailBackProbe(LineConnection c) {
        SessionSettings s = line.settings();
        if (!s.failBack() || c.index == 0 || s.brokers().size() < 2) {
            return;
        }
        long period = Math.max(1000, s.reconnectMaxDelay().toMillis());
        BrokerUri primary = s.primary();
        failBackProbe = tasks.every(() -> {
            if (FailBackProbe.answers(primary, s)) {
                line.failBack(c);
            }
        }, period);
    }
}
