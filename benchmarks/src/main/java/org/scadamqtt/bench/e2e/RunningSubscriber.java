package org.scadamqtt.bench.e2e;

import java.time.Duration;

/** A subscriber process under measurement. */
interface RunningSubscriber {

    /**
     * What a subscriber reports.
     *
     * @param received           messages counted
     * @param firstToLastNanos   from the first to the last
     * @param cpuNanos           CPU used (-1 unknown)
     * @param peakRssKb          peak resident set (-1 unknown)
     * @param badValues          driver only, else 0
     * @param receiveTimeStamped driver only, else 0
     * @param problem            empty when all went well
     */
    record Outcome(long received, long firstToLastNanos, long cpuNanos, long peakRssKb, long badValues,
            long receiveTimeStamped, String problem) {
    }

    /** Tells the subscriber the publishers are done: from now on a long enough silence ends it. */
    void publisherDone();

    /** Waits for the subscriber to end (killing it after {@code timeout}) and collects its figures. */
    Outcome finish(Duration timeout) throws InterruptedException;

    /** Whether its process still runs (a subscriber that died before subscribing is not waited for). */
    boolean isAlive();

    /** Ends it at once (the measurement is abandoned). */
    void kill();
}
