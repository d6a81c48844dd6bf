package org.scadamqtt.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a configuration has problems; carries all of them, not only the first. */
public class ConfigException extends Exception {

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.size() + " configuration problem(s):\n"
                + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
