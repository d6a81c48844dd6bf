package org.scadamqtt.host.tags;

/** Told of every change in the tag table; called on driver threads, must return quickly. */
public interface HostListener {
    default void tagChanged(TagEntry tag) {
    }

    default void stationChanged(StationEntry station) {
    }

    default void lineChanged(LineEntry line) {
    }
}
