package org.scadamqtt.mqtt.internal.client;

import java.time.Clock;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.SessionListener;

/**
 * What the host sees of a line: CONNECTING / CONNECTED (broker URI) / DISCONNECTED (reason), the
 * counters, and line errors (counted, kept as the last error, logged as WARN). Thread-safe.
 */
final class StatusReporter {

    private final String lineName;
    private final LineStatistics statistics;
    private final SessionListener listener;
    private final Clock clock;
    private final LineLog log;
    private volatile LineStatus status;

    StatusReporter(String lineName, LineStatistics statistics, SessionListener listener, Clock clock, LineLog log) {
        this.lineName = lineName;
        this.statistics = statistics;
        this.listener = listener;
        this.clock = clock;
        this.log = log;
        this.status = new LineStatus(lineName, LineState.DISCONNECTED, "", "not started", clock.instant(),
                statistics.snapshot());
    }

    /** A new state; the listener hears of it at once (its failure is logged, never thrown). */
    void set(LineState state, String broker, String reason) {
        LineStatus s = new LineStatus(lineName, state, broker, reason, clock.instant(), statistics.snapshot());
        status = s;
        try {
            listener.statusChanged(s);
        } catch (RuntimeException e) {
            log.error("status listener failed: {}", e.toString());
        }
    }

    /** A line error: counted, becomes the last error, logged. */
    void error(String message) {
        statistics.error(message, clock.instant());
        log.warn("{}", message);
    }

    /** The last state with the counters as they are now. */
    LineStatus current() {
        LineStatus s = status;
        return new LineStatus(s.line(), s.state(), s.broker(), s.reason(), s.since(), statistics.snapshot());
    }
}
