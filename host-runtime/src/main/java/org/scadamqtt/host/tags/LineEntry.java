package org.scadamqtt.host.tags;

import org.scadamqtt.driver.LineStatus;

/**
 * One line as the host sees it.
 *
 * @param name   line name
 * @param status its last reported status (with counters)
 */
public record LineEntry(String name, LineStatus status) {
}
