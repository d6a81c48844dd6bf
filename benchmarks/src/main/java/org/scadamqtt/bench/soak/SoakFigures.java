package org.scadamqtt.bench.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns what the publisher and the host's log recorded into the figures of {@link SoakResult}. */
final class SoakFigures {

    /** What "received" means, said in the JSON so a reader of the figures need not find this class. */
    static final String RECEIVED_MEANS = "a number counts as received when the host's tag table took it: the host "
            + "(scada-host.jar run --console log) prints one TAG line per value, on the driver's thread, before the "
            + "driver acknowledges the QoS 1 message to the broker; the soak reads those lines";

    private SoakFigures() {
    }

    static SoakResult compute(SoakOptions o, String startedAt, Map<String, Object> env, SeqPublisher publisher,
            HostLog hostLog, List<SoakRun.Injected> done, int hostStarts, List<String> problems) {
        long published = publisher.published();
        List<Long> missing = hostLog.missing(published);
        long received = published - missing.size();
        List<HostLog.LineEvent> events = hostLog.lineEvents();
        List<HostLog.Duplicate> dups = hostLog.duplicates();
        List<FaultResult> faults = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            SoakRun.Injected in = done.get(i);
            long next = i + 1 < done.size() ? done.get(i + 1).injectedAt() : Long.MAX_VALUE;
            Double detected = null;
            if (in.fault().kind() != FaultKind.HOST_KILL) {
                detected = firstEvent(events, in.injectedAt(), next, in.hostStartBefore(), false)
                        .map(t -> seconds(t - in.injectedAt())).orElse(null);
            }
            Double reconnected = firstEvent(events, in.clearedAt(), next, in.hostStartAfter(), true)
                    .map(t -> seconds(t - in.clearedAt())).orElse(null);
            long from = i == 0 ? 0 : publisher.publishedBy(done.get(i - 1).clearedAt());
            long upTo = publisher.publishedBy(in.clearedAt());
            long latest = 0;
            long lost = 0;
            for (long s = from + 1; s <= upTo; s++) {
                long t = hostLog.firstArrival(s);
                if (t == 0) {
                    lost++;
                } else {
                    latest = Math.max(latest, t);
                }
            }
            Double caughtUp = lost > 0 ? null : seconds(Math.max(0, latest - in.clearedAt()));
            long delay = -1;
            long last = i + 1 < done.size() ? publisher.publishedBy(next) : publisher.published();
            for (long s = publisher.publishedBy(in.injectedAt()) + 1; s <= last; s++) {
                long t = hostLog.firstArrival(s);
                if (t != 0) {
                    delay = Math.max(delay, t - publisher.ackedAt(s));
                }
            }
            long dupCount = dups.stream().filter(d -> d.epochMillis() >= in.injectedAt() && d.epochMillis() < next).count();
            faults.add(new FaultResult(i + 1, in.fault().spec(), in.fault().kind().title(), in.startedAtSeconds(),
                    seconds(in.clearedAt() - in.injectedAt()), detected, reconnected, caughtUp,
                    delay < 0 ? null : seconds(Math.max(0, delay)),
                    upTo - publisher.publishedBy(in.injectedAt()), dupCount, lost));
        }
        long beyond = hostLog.maxSeq() > published ? hostLog.maxSeq() - published : 0;
        Map<String, Object> settings = settings(o, beyond);
        return new SoakResult(o.mode(), startedAt, env, settings, published, received, missing.size(),
                hostLog.arrivals() - hostLog.distinct(), missing.subList(0, Math.min(100, missing.size())),
                publisher.failures(), hostStarts, faults, List.copyOf(problems));
    }

    private static Map<String, Object> settings(SoakOptions o, long beyond) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("streamSeconds", o.streamSeconds());
        s.put("ratePerSecond", o.rate());
        s.put("faults", o.schedule());
        s.put("publisher", "Paho, QoS 1, straight to the broker, payload {\"seq\":N}; N counts as published on its "
                + "PUBACK; not acknowledged = sent again (a duplicate, never a gap)");
        s.put("hostLine", o.lineParameters());
        s.put("hostJvmArgs", String.join(" ", o.hostJvmArgs()));
        s.put("broker", "Mosquitto on loopback, persistence true, autosave_interval 1, max_queued_messages 1000000");
        s.put("proxy", "host → fault proxy → broker; cut closes both ends; half-open swallows every byte both ways "
                + "on the open and on new connections until the link is back, the old connection stays dead");
        s.put("received", RECEIVED_MEANS);
        // numbers the host got that the publisher never saw acknowledged (its last, stopped publish)
        s.put("receivedBeyondPublished", beyond);
        return s;
    }

    /** The host's time of the first line event in [from, until) of host start {@code start}: CONNECTED or not. */
    private static java.util.Optional<Long> firstEvent(List<HostLog.LineEvent> events, long from, long until, int start,
            boolean connected) {
        return events.stream()
                .filter(e -> e.incarnation() == start && e.epochMillis() >= from && e.epochMillis() < until
                        && "CONNECTED".equals(e.state()) == connected)
                .map(HostLog.LineEvent::epochMillis).findFirst();
    }

    private static double seconds(long ms) {
        return ms / 1000.0;
    }
}
