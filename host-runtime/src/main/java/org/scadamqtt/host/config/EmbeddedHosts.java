package org.scadamqtt.host.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;

/**
 * Lines whose host is {@code embedded} talk to the broker the host starts itself
 * ({@code --embedded-broker}). This class finds them and points them at that broker.
 */
public final class EmbeddedHosts {

    /** The host name that means "the embedded broker". */
    public static final String EMBEDDED = "embedded";

    private EmbeddedHosts() {
    }

    /** Whether {@code host} (with or without scheme and port) names the embedded broker. */
    public static boolean isEmbedded(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        int scheme = h.indexOf("://");
        if (scheme >= 0) {
            h = h.substring(scheme + 3);
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            h = h.substring(0, colon);
        }
        return h.equals(EMBEDDED);
    }

    /** Whether any line uses the embedded broker. */
    public static boolean anyUses(ScadaConfig config) {
        return config.lines().stream().anyMatch(EmbeddedHosts::uses);
    }

    /** Whether {@code line} has {@code embedded} among its hosts. */
    public static boolean uses(LineConfig line) {
        return line.hosts().stream().anyMatch(EmbeddedHosts::isEmbedded);
    }

    /**
     * One problem per line that names {@code embedded}, for a run without an embedded broker.
     */
    public static List<ConfigProblem> problemsWithoutBroker(ScadaConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (LineConfig line : config.lines()) {
            if (uses(line)) {
                problems.add(new ConfigProblem(line.location(), "EMBEDDED_BROKER_OFF", "line '" + line.name()
                        + "' uses host 'embedded', which needs the broker built into the host: start with "
                        + "--embedded-broker, or give the address of a real broker"));
            }
        }
        return problems;
    }

    /** The configuration with every {@code embedded} host replaced by {@code brokerUri}. */
    public static ScadaConfig pointAt(ScadaConfig config, String brokerUri) {
        List<LineConfig> lines = new ArrayList<>();
        for (LineConfig line : config.lines()) {
            if (!uses(line)) {
                lines.add(line);
                continue;
            }
            List<String> hosts = line.hosts().stream().map(h -> isEmbedded(h) ? brokerUri : h).distinct().toList();
            lines.add(new LineConfig(line.name(), line.protocol(), hosts, line.port(), line.parameters(),
                    line.stations(), line.location()));
        }
        return new ScadaConfig(config.source(), lines, config.warnings());
    }
}
