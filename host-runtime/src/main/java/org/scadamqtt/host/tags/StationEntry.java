package org.scadamqtt.host.tags;

import org.scadamqtt.driver.StationState;

/**
 * One station as the host sees it.
 *
 * @param name   station name
 * @param line   line name
 * @param state  current state
 * @param reason why, empty when nothing to say
 */
public record StationEntry(String name, String line, StationState state, String reason) {
}
