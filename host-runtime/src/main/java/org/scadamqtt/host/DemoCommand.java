package org.scadamqtt.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: zero setup. Embedded broker, {@code sample-config/demo.xml}, the device
 * simulator, the web console and a terminal summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Zero-setup demo: embedded MQTT broker, sample-config/demo.xml, the device simulator, "
                + "the web console (http://127.0.0.1:8080) and a live table in the terminal.")
final class DemoCommand implements Callable<Integer> {

    /** Where the demo configuration is bundled in the jar (copied from sample-config/ at build time). */
    static final String BUNDLED_DEMO = "/org/scadamqtt/host/demo/demo.xml";

    @CommandLine.Mixin
    ConsoleOptions console = new ConsoleOptions();

    @Option(names = "--config", paramLabel = "FILE",
            description = "configuration to run instead of sample-config/demo.xml")
    Path config;

    @Option(names = "--broker-port", paramLabel = "PORT", defaultValue = "0", converter = PortOption.class,
            description = "embedded broker port (default: 1883, or a free port when 1883 is taken)")
    int brokerPort;

    @Option(names = "--rate", paramLabel = "N/s", defaultValue = "1/s",
            description = "simulator messages per second per device (default ${DEFAULT-VALUE})")
    String rate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        double perSecond = SimulateCommand.rateOption(rate);
        ConsoleKind kind = console.console != null ? console.console
                : System.console() != null ? ConsoleKind.tty : ConsoleKind.log;
        // the demo's default console port may be taken (another demo, a web server): then it takes a free
        // one and shows where; a port the operator chose must be free
        boolean portChosen = spec.commandLine().getParseResult().hasMatchedOption("--http-port");
        return RunCommand.runUntilStopped(options(demoConfig(config), console, brokerPort, perSecond, kind, !portChosen),
                false, spec.commandLine().getOut()::println);
    }

    /** The demo's options: embedded broker on, simulator on. */
    static HostOptions options(Path config, ConsoleOptions c, int brokerPort, double rate, ConsoleKind kind,
            boolean httpPortFallback) throws HostException {
        return new HostOptions(config, null, c.dataDir, brokerPort, c.httpBind, c.httpPort, c.writeToken(), kind, rate,
                httpPortFallback, c.httpHosts());
    }

    /**
     * {@code given} if set; else {@code sample-config/demo.xml} under the working folder; else the
     * copy bundled in the jar, written to a temporary folder.
     */
    static Path demoConfig(Path given) throws HostException {
        if (given != null) {
            return given;
        }
        Path local = Path.of("sample-config", "demo.xml");
        if (Files.isRegularFile(local)) {
            return local;
        }
        try (InputStream in = DemoCommand.class.getResourceAsStream(BUNDLED_DEMO)) {
            if (in == null) {
                throw new HostException(ExitCodes.STARTUP_FAILED, "no demo configuration: run from the project folder "
                        + "(sample-config/demo.xml) or give one with --config");
            }
            Path dir = Files.createTempDirectory("scada-demo-");
            Path file = dir.resolve("demo.xml");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new HostException(ExitCodes.STARTUP_FAILED, "the bundled demo configuration cannot be written to a "
                    + "temporary folder: " + e.getMessage(), e);
        }
    }
}
