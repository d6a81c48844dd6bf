package org.scadamqtt.mqtt.profiles.sparkplug;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the host knows about one edge node ({@code group/node}) and its devices: the bdSeq of its
 * birth, the last sequence number, the metric set of each birth (names, aliases, data types) and
 * the current values. Changed only on the line's dispatch thread ({@code inspect}); the fields
 * writes read from station lanes are concurrent maps and volatiles.
 */
final class EdgeNode {

    /** A metric known from a birth. */
    record Known(Long alias, int type) {
    }

    /** The metric set and state of the edge node itself or of one of its devices. */
    static final class Scope {
        final Map<String, Known> byName = new ConcurrentHashMap<>();
        final Map<Long, String> byAlias = new HashMap<>();
        final Map<String, MetricValue> current = new HashMap<>();
        volatile boolean born;
        volatile boolean dead;
        /** The metric names and data types of the last birth (discovery); read from any thread. */
        volatile Map<String, Integer> birthTypes = Map.of();

        void reset() {
            byName.clear();
            byAlias.clear();
            current.clear();
            born = false;
            dead = false;
            birthTypes = Map.of();
        }
    }

    final String group;
    final String node;
    final Scope own = new Scope();
    final Map<String, Scope> devices = new ConcurrentHashMap<>();
    /** bdSeq of the current NBIRTH; null when it had none or there was none. */
    volatile Long bdSeq;
    /** The last sequence number seen; -1 before the first. Written by the dispatch thread, read by the console. */
    volatile int lastSeq = -1;
    /** Why the values are UNCERTAIN until the next NBIRTH; null when they are not. */
    volatile String awaitingBirth;
    /** When a rebirth was last requested (rate limit); guarded by this. */
    private Instant lastRebirth;

    EdgeNode(String group, String node) {
        this.group = group;
        this.node = node;
    }

    String id() {
        return group + "/" + node;
    }

    /** The scope of a device ("" = the edge node itself), created on first use. */
    Scope scope(String device) {
        return device.isEmpty() ? own : devices.computeIfAbsent(device, d -> new Scope());
    }

    /** The scope of a device if it exists ("" = the edge node itself). */
    Scope existing(String device) {
        return device.isEmpty() ? own : devices.get(device);
    }

    /**
     * Checks a sequence number against the previous one (0–255, wrapping).
     *
     * @return null when it follows, else a sentence saying what was expected
     */
    String checkSeq(Long seq) {
        int previous = lastSeq;
        if (seq == null || seq < 0 || seq > 255) {
            lastSeq = -1;
            return seq == null ? "a message of edge node " + id() + " has no sequence number"
                    : "edge node " + id() + " sent sequence number " + seq + ", outside 0-255";
        }
        lastSeq = seq.intValue();
        if (previous < 0) {
            return "the host has not seen the birth of edge node " + id();
        }
        int expected = (previous + 1) & 0xFF;
        return seq == expected ? null : "edge node " + id() + " sent sequence number " + seq + " after " + previous
                + " (expected " + expected + "): messages were lost";
    }

    /** Whether a rebirth may be requested now (at most one per interval); records it when so. */
    synchronized boolean rebirthDue(Instant now, java.time.Duration interval) {
        if (lastRebirth != null && now.isBefore(lastRebirth.plus(interval))) {
            return false;
        }
        lastRebirth = now;
        return true;
    }

    /** The operator requested a rebirth: the automatic requests wait a whole interval after it. */
    synchronized void rebirthRequested(Instant now) {
        lastRebirth = now;
    }

    /** A birth arrived: the next rebirth request may go at once when needed. */
    synchronized void born() {
        lastRebirth = null;
    }
}
