package org.scadamqtt.mqtt.profiles.wirepas;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last N event ids seen, to drop an event a QoS 1 delivery brought twice. Bounded: the
 * oldest id is forgotten when a new one arrives and N are kept. Not thread-safe: used by the
 * line's dispatch thread only ({@code ProfileSession.inspect}).
 */
final class DuplicateWindow {

    private final int capacity;
    private final Map<String, Boolean> seen;

    DuplicateWindow(int capacity) {
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > DuplicateWindow.this.capacity;
            }
        };
    }

    /** Records an event; true when it was seen within the window (a duplicate). */
    boolean repeated(String gateway, long eventId) {
        if (capacity <= 0) {
            return false;
        }
        return seen.put(gateway + "/" + Long.toUnsignedString(eventId), Boolean.TRUE) != null;
    }

    int size() {
        return seen.size();
    }
}
