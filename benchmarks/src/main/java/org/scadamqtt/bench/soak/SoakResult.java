package org.scadamqtt.bench.soak;

import java.util.List;
import java.util.Map;

/**
 * Everything a soak run measured, as written to the JSON file.
 *
 * @param mode            smoke, full or custom
 * @param startedAt       ISO time the stream started
 * @param environment     cores, load average before and after, Java, Mosquitto
 * @param settings        rate, stream length, schedule, the host line's parameters, what "received" means
 * @param published       numbers the broker acknowledged to the publisher (1 … published)
 * @param received        different numbers of 1 … published that reached the host's tag table
 * @param lost            published − received
 * @param duplicates      arrivals of a number already received
 * @param lostNumbers     the first 100 lost numbers
 * @param publishRetries  publishes that failed (broker down, no PUBACK within 5 s) and were sent again
 * @param hostStarts      times the host process was started
 * @param faults          per fault
 * @param problems        what went wrong in the run itself (empty when it went as planned)
 */
public record SoakResult(String mode, String startedAt, Map<String, Object> environment, Map<String, Object> settings,
        long published, long received, long lost, long duplicates, List<Long> lostNumbers, long publishRetries,
        int hostStarts, List<FaultResult> faults, List<String> problems) {

    /** No message lost, every fault recovered, nothing went wrong in the run. */
    public boolean passed() {
        return lost == 0 && problems.isEmpty() && published > 0
                && faults.stream().allMatch(f -> f.reconnectedSeconds() != null && f.caughtUpSeconds() != null);
    }
}
