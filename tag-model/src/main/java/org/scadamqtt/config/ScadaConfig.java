package org.scadamqtt.config;

import java.util.List;

/**
 * A whole configuration file.
 *
 * @param source   the file it was read from (as given), or a description
 * @param lines    its lines, in file order
 * @param warnings what the loader found worth a look but not wrong enough to refuse the file
 *                 (each a {@link ConfigProblem.Severity#WARNING}), in file order
 */
public record ScadaConfig(String source, List<LineConfig> lines, List<ConfigProblem> warnings) {
    public ScadaConfig {
        lines = List.copyOf(lines);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A configuration without warnings (built in code). */
    public ScadaConfig(String source, List<LineConfig> lines) {
        this(source, lines, List.of());
    }
}
