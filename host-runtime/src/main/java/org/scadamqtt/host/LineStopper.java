package org.scadamqtt.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scadamqtt.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops lines in parallel, each on its own thread, and waits at most a bound for all of them:
 * ten lines with a broker that does not answer DISCONNECT take as long as one, and a line whose
 * host call is stuck cannot hold the host's shutdown forever.
 */
final class LineStopper {

    private static final Logger LOG = LoggerFactory.getLogger(LineStopper.class);

    private LineStopper() {
    }

    /**
     * Stops every driver.
     *
     * @return the names of the lines that had not stopped within {@code bound} (their threads are
     *         daemons and do not keep the JVM alive)
     */
    static List<String> stopAll(Map<String, Driver> drivers, Duration bound) {
        List<Thread> threads = new ArrayList<>();
        for (Map.Entry<String, Driver> e : drivers.entrySet()) {
            Thread t = new Thread(() -> stopOne(e.getKey(), e.getValue()), "scada-stop-line-" + e.getKey());
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        long deadline = System.nanoTime() + bound.toNanos();
        List<String> late = new ArrayList<>();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                late.add(t.getName().substring("scada-stop-line-".length()));
            }
        }
        if (!late.isEmpty()) {
            LOG.warn("lines {} did not stop within {} s; the host goes on without waiting for them", late,
                    bound.toMillis() / 1000.0);
        }
        return late;
    }

    private static void stopOne(String name, Driver driver) {
        try {
            driver.stop();
            LOG.info("line '{}' stopped", name);
        } catch (RuntimeException ex) {
            LOG.warn("line '{}' did not stop cleanly: {}", name, ex.toString());
        }
    }
}
