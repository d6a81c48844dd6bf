package org.scadamqtt.config;

import java.util.List;

/**
 * A whole configuration file.
 *
 * @param source the file it was read from (as given), or a description
 * @param lines  its lines, in file order
 */
public record ScadaConfig(String source, List<LineConfig> lines) {
    public ScadaConfig {
        lines = List.copyOf(lines);
    }
}
