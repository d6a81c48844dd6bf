package org.scadamqtt.host;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a thread the host does not watch ends with an exception: a library's own
 * thread (Paho's "MQTT Disc" thread can throw a NullPointerException when the broker closes a
 * client whose id another client took over), or a bug of ours. The JVM's default prints the
 * stack trace raw to standard error, beside the console and outside the host log; this writes it
 * to the host log instead, as one ERROR naming the thread, where operators and log shippers see
 * it with its time. The rest of the host goes on: only that thread ended.
 */
final class StrayThreadErrors implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StrayThreadErrors.class);

    private StrayThreadErrors() {
    }

    /** Makes this the JVM's default handler (the host owns its JVM; a driver never does this). */
    static void install() {
        Thread.setDefaultUncaughtExceptionHandler(new StrayThreadErrors());
    }

    /** The handler, for tests. */
    static Thread.UncaughtExceptionHandler handler() {
        return new StrayThreadErrors();
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        try {
            LOG.error("thread '{}' ended by an unexpected error (the host goes on): {}", t.getName(), e.toString(), e);
        } catch (Throwable logFailed) {
            // the log itself failed (out of memory, a closed appender): the JVM's own way is all that is left
            System.err.println("thread '" + t.getName() + "' ended by an unexpected error: " + e);
        }
    }
}
