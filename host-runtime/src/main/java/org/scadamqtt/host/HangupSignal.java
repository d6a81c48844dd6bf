package org.scadamqtt.host;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP reloads the configuration ({@code kill -HUP <pid>}, {@code systemctl reload}), as
 * daemons conventionally do. The reload runs on its own thread so the JVM's signal thread is
 * free at once.
 */
final class HangupSignal {

    private static final Logger LOG = LoggerFactory.getLogger(HangupSignal.class);

    private HangupSignal() {
    }

    /** Installs {@code action} as the SIGHUP handler; false where the platform has no SIGHUP (Windows). */
    static boolean install(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
                Thread t = new Thread(() -> {
                    LOG.info("SIGHUP received: reloading the configuration");
                    action.run();
                }, "sighup-reload");
                t.setDaemon(true);
                t.start();
            });
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debug("no SIGHUP on this platform ({}); reload with POST /api/reload or --watch-config", e.toString());
            return false;
        }
    }
}
