package org.scadamqtt.host;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.driver.DiscoveredPoint;
import org.scadamqtt.driver.DriverProvider;
import org.scadamqtt.host.config.ConfigFiles;
import org.scadamqtt.host.config.ProblemReport;
import org.scadamqtt.host.discover.DiscoveryFragment;
import org.scadamqtt.host.discover.DiscoveryRun;
import org.scadamqtt.host.plugin.DriverRegistry;
import org.scadamqtt.host.plugin.PluginException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code discover CONFIG.xml --line L}: listens on one line and prints station/tag elements for what it learnt. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Connect one line of CONFIG.xml for a few seconds, only listening, collect what its devices "
                + "announce (Sparkplug births: every metric of every edge node and device) and print <station> "
                + "and <tag> elements for them, to paste into the line. It uses its own client id and never acts "
                + "as the Sparkplug primary host, so it can run beside the host using the same file.")
final class DiscoverCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG.xml", description = "the configuration file")
    Path config;

    @Option(names = "--line", paramLabel = "NAME", description = "the line to listen on (needed when the file has "
            + "more than one)")
    String line;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "10",
            description = "how long to listen (default ${DEFAULT-VALUE}); edge nodes born earlier send their birth "
                    + "again when asked for a rebirth, after their next data")
    int seconds;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the fragment here instead of "
            + "standard output")
    Path output;

    @Option(names = "--plugins", paramLabel = "DIR", description = "folder of driver plugin jars")
    Path plugins;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "folder for the line's files (default: a "
            + "temporary folder, removed afterwards)")
    Path dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (seconds < 1 || seconds > 3600) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be 1 to 3600, got " + seconds);
        }
        try (DriverRegistry registry = DriverRegistry.load(DiscoverCommand.class.getClassLoader(), plugins)) {
            ScadaConfig cfg;
            try {
                cfg = ConfigFiles.load(config, registry.catalog());
            } catch (ConfigException e) {
                ProblemReport report = ProblemReport.of(e.problems());
                report.lines().forEach(err::println);
                err.println(report.summary(config.toString()));
                return ExitCodes.CONFIG_INVALID;
            }
            LineConfig chosen = choose(cfg);
            DriverProvider provider = registry.provider(chosen.protocol()).orElseThrow(() -> new HostException(
                    ExitCodes.STARTUP_FAILED, "no driver for protocol '" + chosen.protocol() + "' of line "
                    + chosen.name()));
            Path dir = dataDir != null ? dataDir : Files.createTempDirectory("scada-discover");
            err.println("listening on line " + chosen.name() + " for " + seconds + " s ...");
            List<DiscoveredPoint> found;
            try {
                found = DiscoveryRun.run(provider, chosen, Duration.ofSeconds(seconds), dir,
                        s -> err.println("line " + chosen.name() + ": " + s.state()
                                + (s.broker().isEmpty() ? "" : " " + s.broker())
                                + (s.reason().isEmpty() ? "" : " (" + s.reason() + ")")));
            } finally {
                if (dataDir == null) {
                    deleteQuietly(dir);
                }
            }
            String xml = DiscoveryFragment.xml("discovered by scada-host discover on line " + chosen.name() + " of "
                    + config.getFileName() + " in " + seconds + " s", found);
            if (output == null) {
                out.print(xml);
                out.flush();
            } else {
                Files.writeString(output, xml, StandardCharsets.UTF_8);
                err.println("wrote " + found.size() + " tag(s) to " + output);
            }
            if (found.isEmpty()) {
                err.println("nothing discovered: the line's payload profile may learn nothing from messages "
                        + "(only Sparkplug B does), or no device announced itself in " + seconds + " s");
            }
            return ExitCodes.OK;
        } catch (PluginException e) {
            throw new HostException(ExitCodes.STARTUP_FAILED, e.getMessage() + " [" + e.code() + "]", e);
        }
    }

    private LineConfig choose(ScadaConfig cfg) {
        List<String> names = cfg.lines().stream().map(LineConfig::name).toList();
        if (line == null) {
            if (cfg.lines().size() == 1) {
                return cfg.lines().get(0);
            }
            throw new CommandLine.ParameterException(spec.commandLine(), config + " has " + names.size()
                    + " lines " + names + ": choose one with --line");
        }
        return cfg.lines().stream().filter(l -> l.name().equals(line)).findFirst().orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(), config + " has no line '" + line
                        + "'; its lines are " + names));
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
