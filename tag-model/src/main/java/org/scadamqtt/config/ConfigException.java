package org.scadamqtt.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a configuration has errors; carries all of them, not only the first, and the
 * warnings found with them (kept apart: {@link #errors()}, {@link #warnings()}).
 */
public class ConfigException extends Exception {

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(summary(problems) + ":\n"
                + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, errors and warnings, in the order given (by location from the loader). */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** The problems that stop the configuration from running. */
    public List<ConfigProblem> errors() {
        return problems.stream().filter(ConfigProblem::isError).toList();
    }

    /** The warnings found along with the errors. */
    public List<ConfigProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** "3 configuration problem(s)", plus " and 1 warning(s)" when there are warnings. */
    private static String summary(List<ConfigProblem> problems) {
        long warnings = problems.stream().filter(p -> !p.isError()).count();
        return (problems.size() - warnings) + " configuration problem(s)"
                + (warnings == 0 ? "" : " and " + warnings + " warning(s)");
    }
}
