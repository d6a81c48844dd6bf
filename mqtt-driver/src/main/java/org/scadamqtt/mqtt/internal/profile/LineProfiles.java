package org.scadamqtt.mqtt.internal.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.mqtt.internal.station.ProfileLink;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.mqtt.profile.ProfileSession;

/**
 * The payload profile sessions of one running line: one per payload type in use, the line's own
 * {@code payloadType} first, then the types stations name for themselves, in station order. That
 * order is the order in which the line offers each message to the sessions
 * (docs/profiles.md, "Several payload types on one line"). A reload keeps a session whose
 * {@link ProfileIdentity} did not change, with its state. Not thread-safe for changes (the driver
 * reconfigures on one thread); {@link #inOrder()} and the look-ups may run on any thread.
 */
public final class LineProfiles {

    /** One open session and what its stations' writes need. */
    public record Open(ProfileIdentity identity, ProfileSession session, ProfileLink link) {
        public PayloadProfile profile() {
            return identity.profile();
        }

        public String code() {
            return identity.profile().code();
        }
    }

    /**
     * What a reload changes: the sessions to say goodbye to and close (payload type no longer used,
     * or its identity changed) and the identities to open in their place.
     */
    public record Change(List<Open> leaving, Map<String, ProfileIdentity> wanted) {
        public boolean isEmpty() {
            return leaving.isEmpty() && wanted.isEmpty();
        }
    }

    private final ProfileRegistry registry;
    private final Function<ProfileIdentity, Open> opener;
    private volatile Map<String, Open> open = Map.of();
    private volatile List<Open> ordered = List.of();

    /**
     * @param opener opens the session of an identity (the driver gives it the line's context)
     */
    public LineProfiles(ProfileRegistry registry, Function<ProfileIdentity, Open> opener) {
        this.registry = registry;
        this.opener = opener;
    }

    /**
     * The identity of every payload type {@code line} uses, keyed by code: the line's first, then
     * the stations' own in station order.
     *
     * @throws IllegalArgumentException when the line or a station names an unknown payload type
     */
    public Map<String, ProfileIdentity> wanted(LineConfig line) {
        Map<String, ProfileIdentity> out = new LinkedHashMap<>();
        PayloadProfile own = lineProfile(line);
        out.put(own.code(), ProfileIdentity.of(own, line));
        for (StationConfig st : line.stations()) {
            PayloadProfile p = profileOf(line, st);
            out.computeIfAbsent(p.code(), c -> ProfileIdentity.of(p, line));
        }
        return out;
    }

    /** What moving to {@code line} changes; nothing when every identity stays. */
    public Change changeFor(LineConfig line) {
        Map<String, ProfileIdentity> wanted = wanted(line);
        Map<String, Open> now = open;
        List<Open> leaving = new ArrayList<>();
        for (Open o : ordered) {
            if (!o.identity().equals(wanted.get(o.code()))) {
                leaving.add(o);
            }
        }
        Map<String, ProfileIdentity> opening = new LinkedHashMap<>();
        wanted.forEach((code, id) -> {
            Open o = now.get(code);
            if (o == null || !o.identity().equals(id)) {
                opening.put(code, id);
            }
        });
        return new Change(List.copyOf(leaving), opening);
    }

    /**
     * Carries out a change: opens the new sessions and drops the leaving ones from the line (the
     * caller closes those, after their goodbye). Keeps the order of {@link #wanted} for {@code line}.
     *
     * @return the sessions opened
     */
    public List<Open> apply(Change change, LineConfig line) {
        Map<String, Open> now = open;
        Map<String, Open> next = new LinkedHashMap<>();
        List<Open> opened = new ArrayList<>();
        for (Map.Entry<String, ProfileIdentity> e : wanted(line).entrySet()) {
            ProfileIdentity id = change.wanted().get(e.getKey());
            if (id == null) {
                next.put(e.getKey(), now.get(e.getKey()));
            } else {
                Open o = opener.apply(id);
                opened.add(o);
                next.put(e.getKey(), o);
            }
        }
        open = Map.copyOf(next);
        ordered = List.copyOf(next.values());
        return opened;
    }

    /** The open sessions in the order messages are offered to them (the line's first). */
    public List<Open> inOrder() {
        return ordered;
    }

    /** The session of a station's payload type. */
    public Open of(LineConfig line, StationConfig station) {
        Open o = open.get(profileOf(line, station).code());
        if (o == null) {
            throw new IllegalStateException("no payload profile session is open for station " + station.name());
        }
        return o;
    }

    /** The open session of a payload type; null when none is open (a reload just closed it). */
    public Open byCode(String code) {
        return code == null ? null : open.get(code);
    }

    private PayloadProfile lineProfile(LineConfig line) {
        return registry.require(ProfileRegistry.payloadTypeOf(line));
    }

    /** The profile of a station: its own payloadType, else the line's. */
    public PayloadProfile profileOf(LineConfig line, StationConfig station) {
        return registry.require(ProfileRegistry.payloadTypeOf(line, station));
    }
}
