package org.scadamqtt.bench.soak;

/**
 * The figures of one fault. Times in seconds; null where a figure does not apply or did not happen.
 *
 * @param number           1, 2, … in schedule order
 * @param fault            the fault as scheduled ({@code 10:broker-term:2})
 * @param title            what it was, for the table
 * @param startedAtSeconds when it was injected, seconds after the stream started (later than
 *                         scheduled when the previous fault had not recovered yet)
 * @param lastedSeconds    from injection until the fault was taken away (broker or host running
 *                         again, link forwarding again); 0 for a cut
 * @param detectedSeconds  injection → the host's line left CONNECTED; null for a host kill
 * @param reconnectedSeconds fault taken away → the line CONNECTED again (for a host kill: from the
 *                         new process's start, JVM start-up included)
 * @param caughtUpSeconds  fault taken away → every number the broker had acknowledged by then was in
 *                         the host (0 when nothing was owed); null when some never arrived
 * @param maxDelaySeconds  the longest a number published from this fault's start until the next
 *                         fault's took from its PUBACK to the host: how stale the SCADA side got
 * @param publishedDuring  numbers the broker acknowledged while the fault lasted
 * @param duplicates       numbers that arrived a second time between this fault and the next
 * @param lost             numbers published between the previous fault's end and this one's end
 *                         that never arrived
 */
public record FaultResult(int number, String fault, String title, double startedAtSeconds, double lastedSeconds,
        Double detectedSeconds, Double reconnectedSeconds, Double caughtUpSeconds, Double maxDelaySeconds,
        long publishedDuring,
        long duplicates, long lost) {
}
