package org.scadamqtt.mqtt.internal.client;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttPingSender;
import org.eclipse.paho.client.mqttv3.internal.ClientComms;

/**
 * Paho's keep-alive check on the line's timer, run on a line thread: when keep-alive expires,
 * Paho shuts the connection down in that check (it closes the socket and waits for its reader),
 * which must not hold up the line's one timer. Replaces {@code ScheduledExecutorPingSender}, which
 * runs the check on the timer itself; like it, it leaves no Paho timer thread to leak (#654).
 */
final class LinePingSender implements MqttPingSender {

    private final LineScheduler tasks;
    private volatile ClientComms comms;
    private volatile ScheduledFuture<?> next;

    LinePingSender(LineScheduler tasks) {
        this.tasks = tasks;
    }

    @Override
    public void init(ClientComms comms) {
        this.comms = comms;
    }

    @Override
    public void start() {
        schedule(comms.getKeepAlive());
    }

    @Override
    public void stop() {
        LineScheduler.cancel(next);
    }

    /** Paho asks for its next check after {@code delayInMilliseconds} (it calls this from the check too). */
    @Override
    public void schedule(long delayInMilliseconds) {
        try {
            next = tasks.timer().schedule(() -> tasks.run(this::check), delayInMilliseconds, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the line stopped
        }
    }

    private void check() {
        ClientComms c = comms;
        if (c != null) {
            c.checkForActivity();
        }
    }
}
