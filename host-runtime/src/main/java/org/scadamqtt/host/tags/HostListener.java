package org.scadamqtt.host.tags;

/** Told of every change in the tag table; called on driver threads, must return quickly. */
public interface HostListener {
    default void tagChanged(TagEntry tag) {
    }

    default void stationChanged(StationEntry station) {
    }

    default void lineChanged(LineEntry line) {
    }

    /**
     * The configuration was reloaded: lines, stations or tags may have been added or removed, so
     * a console that lists them should read {@link HostApi#tags()} etc. again.
     */
    default void configurationChanged() {
    }
}
