package org.scadamqtt.host.config;

import java.util.ArrayList;
import java.util.List;
import org.scadamqtt.config.ConfigProblem;

/**
 * The problems of one configuration as the host reports them, the same way in {@code validate},
 * at {@code run} and on a reload: errors first, then warnings (each printed with
 * {@code warning:}), then a count that keeps the two apart.
 *
 * @param errors   what refuses the configuration
 * @param warnings what is worth a look but does not refuse it
 */
public record ProblemReport(List<ConfigProblem> errors, List<ConfigProblem> warnings) {

    public ProblemReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Splits problems of any severity. */
    public static ProblemReport of(List<ConfigProblem> problems) {
        return new ProblemReport(problems.stream().filter(ConfigProblem::isError).toList(),
                problems.stream().filter(p -> !p.isError()).toList());
    }

    /** One printed line per problem: {@code file:line:column: [warning: ]message [CODE]}. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        errors.forEach(p -> lines.add(p.toString()));
        warnings.forEach(p -> lines.add(p.toString()));
        return lines;
    }

    /** "2 problems in plant.xml", "1 problem and 3 warnings in plant.xml", "1 warning in plant.xml". */
    public String summary(String where) {
        String e = count(errors.size(), "problem");
        String w = count(warnings.size(), "warning");
        String both = errors.isEmpty() ? w : warnings.isEmpty() ? e : e + " and " + w;
        return both + " in " + where;
    }

    /** The lines and the summary, one text (for a refused start or reload). */
    public String text(String where) {
        StringBuilder sb = new StringBuilder();
        lines().forEach(l -> sb.append(l).append('\n'));
        return sb.append(summary(where)).toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
