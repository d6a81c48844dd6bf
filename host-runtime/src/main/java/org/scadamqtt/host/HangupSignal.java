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

    /**
     * Installs {@code action} as the SIGHUP handler; false where the platform has no SIGHUP
     * (Windows) or where this process was started with SIGHUP ignored ({@code nohup}, some service
     * wrappers): the JVM then leaves the signal ignored, so a {@code kill -HUP} would do nothing
     * without a word. That case is said once, as a WARN naming the other ways to reload.
     */
    static boolean install(Runnable action) {
        try {
            sun.misc.SignalHandler before = sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
                Thread t = new Thread(() -> {
                    LOG.info("SIGHUP received: reloading the configuration");
                    action.run();
                }, "sighup-reload");
                t.setDaemon(true);
                t.start();
            });
            if (before == sun.misc.SignalHandler.SIG_IGN) {
                LOG.warn("SIGHUP is ignored by this process (it was started with SIGHUP ignored, e.g. by nohup), "
                        + "so kill -HUP does not reload the configuration; reload with POST /api/reload or "
                        + "--watch-config, or start the host without nohup (systemd, setsid)");
                return false;
            }
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debug("no SIGHUP on this platform ({}); reload with POST /api/reload or --watch-config", e.toString());
            return false;
        }
    }
}
