package org.scadamqtt.bench.soak;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The faults the soak run injects, by the name a schedule uses ({@code --faults 5:cut,10:broker-term:2}). */
public enum FaultKind {
    /** The fault proxy closes the host's TCP connection; new connections pass at once. */
    TCP_CUT("cut", "TCP cut", false),
    /** The fault proxy swallows every byte both ways for a while; the old connection stays dead. */
    HALF_OPEN("half-open", "half-open link", true),
    /** Mosquitto stopped with SIGTERM (it saves its persistence file), started again after a pause. */
    BROKER_TERM("broker-term", "broker SIGTERM", true),
    /** Mosquitto killed with SIGKILL (persistence as of its last autosave), started again after a pause. */
    BROKER_KILL("broker-kill", "broker SIGKILL", true),
    /** The host process killed with SIGKILL, started again after a pause with the same data folder. */
    HOST_KILL("host-kill", "host kill -9", true);

    private final String code;
    private final String title;
    private final boolean lasts;

    FaultKind(String code, String title, boolean lasts) {
        this.code = code;
        this.title = title;
        this.lasts = lasts;
    }

    /** The name in a schedule. */
    public String code() {
        return code;
    }

    /** The name in the report. */
    public String title() {
        return title;
    }

    /** Whether the fault has a duration (the pause, or how long the link is half-open). */
    public boolean lasts() {
        return lasts;
    }

    /** The kind of a schedule name; throws with the valid names. */
    public static FaultKind of(String code) {
        for (FaultKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + code + "'; faults are "
                + Arrays.stream(values()).map(FaultKind::code).collect(Collectors.joining(", ")));
    }
}
