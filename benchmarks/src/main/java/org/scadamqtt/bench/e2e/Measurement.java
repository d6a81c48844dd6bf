package org.scadamqtt.bench.e2e;

/**
 * One subscriber's result for one flood.
 *
 * @param subscriber         A, B or C
 * @param qos                subscription and publish QoS
 * @param round              1-based
 * @param expected           messages published
 * @param received           messages the subscriber counted
 * @param firstToLastNanos   from its first to its last message
 * @param cpuNanos           CPU time it used while receiving (-1 unknown)
 * @param peakRssKb          its peak resident set (-1 unknown)
 * @param badValues          driver only: values in counted messages that were not GOOD
 * @param receiveTimeStamped driver only: GOOD JSON values stamped with the receive time (time field unused)
 * @param publisherRate      msg/s the publishers achieved for this flood
 * @param problem            what went wrong, empty when nothing did
 */
record Measurement(char subscriber, int qos, int round, long expected, long received, long firstToLastNanos,
        long cpuNanos, long peakRssKb, long badValues, long receiveTimeStamped, double publisherRate, String problem) {

    /** Messages per second from first to last message; 0 when fewer than two arrived. */
    double rate() {
        return received < 2 || firstToLastNanos <= 0 ? 0 : (received - 1) * 1e9 / firstToLastNanos;
    }

    long lost() {
        return Math.max(0, expected - received);
    }

    /** CPU microseconds per message; -1 when unknown. */
    double cpuMicrosPerMessage() {
        return cpuNanos < 0 || received == 0 ? -1 : cpuNanos / 1e3 / received;
    }
}
