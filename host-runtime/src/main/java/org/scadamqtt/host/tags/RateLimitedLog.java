package org.scadamqtt.host.tags;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/** Logs a warning at most once per period and counts what it suppressed in between. */
public final class RateLimitedLog {

    private final Logger log;
    private final long periodMillis;
    private final AtomicLong nextAllowed = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    public RateLimitedLog(Logger log, long periodMillis) {
        this.log = log;
        this.periodMillis = periodMillis;
    }

    public void warn(String message) {
        long now = System.currentTimeMillis();
        long next = nextAllowed.get();
        if (now >= next && nextAllowed.compareAndSet(next, now + periodMillis)) {
            long skipped = suppressed.getAndSet(0);
            log.warn(skipped == 0 ? message : message + " (" + skipped + " similar messages suppressed)");
        } else {
            suppressed.incrementAndGet();
        }
    }
}
