package org.scadamqtt.host;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.host.config.ConfigFiles;
import org.scadamqtt.host.config.EmbeddedHosts;
import org.scadamqtt.host.config.ProblemReport;
import org.scadamqtt.host.plugin.DriverRegistry;
import org.scadamqtt.host.plugin.PluginException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code validate CONFIG.xml}: every problem with file:line:column, or a one-line summary. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check CONFIG.xml against the XSD and the drivers' parameter tables. Prints every problem as "
                + "file:line:column: message [CODE] and exits 1, or prints a one-line summary and exits 0. "
                + "Warnings (file:line:column: warning: message [CODE]) are printed too but do not change the "
                + "exit code.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG.xml", description = "the configuration file")
    Path config;

    @Option(names = "--plugins", paramLabel = "DIR", description = "folder of driver plugin jars")
    Path plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws HostException {
        PrintWriter out = spec.commandLine().getOut();
        try (DriverRegistry registry = DriverRegistry.load(ValidateCommand.class.getClassLoader(), plugins)) {
            ScadaConfig cfg;
            try {
                cfg = ConfigFiles.load(config, registry.catalog());
            } catch (ConfigException e) {
                ProblemReport report = ProblemReport.of(e.problems());
                report.lines().forEach(out::println);
                out.println(report.summary(config.toString()));
                return ExitCodes.CONFIG_INVALID;
            }
            cfg.warnings().forEach(out::println);
            for (LineConfig line : cfg.lines()) {
                if (EmbeddedHosts.uses(line)) {
                    out.println("note: " + line.location() + ": line '" + line.name() + "' uses host 'embedded'; "
                            + "run it with --embedded-broker (or give a real broker address)");
                }
            }
            long stations = cfg.lines().stream().mapToLong(l -> l.stations().size()).sum();
            long tags = cfg.lines().stream().flatMap(l -> l.stations().stream()).mapToLong(s -> s.tags().size()).sum();
            int warnings = cfg.warnings().size();
            out.println("OK: " + config + ": " + cfg.lines().size() + " line(s), " + stations + " station(s), "
                    + tags + " tag(s)" + (warnings == 0 ? "" : "; " + warnings + (warnings == 1 ? " warning" : " warnings")
                    + " above"));
            return ExitCodes.OK;
        } catch (PluginException e) {
            throw new HostException(ExitCodes.STARTUP_FAILED, e.getMessage() + " [" + e.code() + "]", e);
        }
    }
}
