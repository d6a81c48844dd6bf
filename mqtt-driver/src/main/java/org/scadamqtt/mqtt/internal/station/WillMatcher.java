package org.scadamqtt.mqtt.internal.station;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.scadamqtt.config.StationConfig;

/**
 * Finds the stations whose Station Will Topic (SWT) and, when set, Station Will Payload (SWP) a
 * message matches. It is checked for every message before routing, because a device's will
 * topic need not match its station's address (it often lives under a status tree another
 * station, or none, routes). A message that is a station's will goes to that station (or those
 * stations) only, and is not routed as an ordinary message; a message on SWT whose payload is
 * not SWP is an ordinary message and is routed by address. Immutable.
 */
public final class WillMatcher {

    private record Will(String station, String topic, byte[] payload) {
    }

    private final List<Will> wills;

    private WillMatcher(List<Will> wills) {
        this.wills = List.copyOf(wills);
    }

    /** The wills of a line's stations, from their settings. */
    public static WillMatcher of(List<StationConfig> stations, List<StationSettings> settings) {
        List<Will> w = new ArrayList<>();
        for (int i = 0; i < stations.size(); i++) {
            StationSettings s = settings.get(i);
            if (!s.swt().isEmpty()) {
                w.add(new Will(stations.get(i).name(), s.swt(),
                        s.swp().isEmpty() ? null : s.swp().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new WillMatcher(w);
    }

    /** Whether no station has a will topic (then nothing needs checking). */
    public boolean isEmpty() {
        return wills.isEmpty();
    }

    /** The stations whose will this message is; empty for an ordinary message. */
    public List<String> match(String topic, byte[] payload) {
        List<String> hit = List.of();
        for (Will w : wills) {
            if (w.topic().equals(topic) && (w.payload() == null || java.util.Arrays.equals(w.payload(), payload))) {
                if (hit.isEmpty()) {
                    hit = new ArrayList<>();
                }
                hit.add(w.station());
            }
        }
        return hit;
    }
}
