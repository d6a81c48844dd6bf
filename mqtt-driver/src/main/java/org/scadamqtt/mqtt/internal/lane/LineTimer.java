package org.scadamqtt.mqtt.internal.lane;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one timer of a line, {@code scada-mqtt-<line>-timer-1}, shared by its stations (time
 * filter, staleness), pending replies and its MQTT session (reconnect back-off, ping watchdog,
 * reply and write deadlines). Its tasks are short: they post to a lane, hand the work to the
 * session's client threads or complete a pending reply, so a slow close or fail-back probe never
 * delays the ping watchdog. Thread names of a line are made here too.
 */
public final class LineTimer {

    /** Start of every thread name of the driver: {@code scada-mqtt-<line>-<role>-<n>}. */
    public static final String PREFIX = "scada-mqtt-";

    private LineTimer() {
    }

    /** A line's timer; the caller owns it and shuts it down. Cancelled tasks leave its queue at once. */
    public static ScheduledThreadPoolExecutor create(String line) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threads(line, "timer"));
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        return timer;
    }

    /** Daemon threads named {@code scada-mqtt-<line>-<role>-1}, {@code -2}, … */
    public static ThreadFactory threads(String line, String role) {
        String name = PREFIX + line + "-" + role + "-";
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
