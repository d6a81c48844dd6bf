package org.scadamqtt.host;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar scada-host.jar <command>}: the reference SCADA host. Commands: {@code run},
 * {@code validate}, {@code demo}, {@code simulate}; {@code --help} on each. Exit codes are in
 * {@link ExitCodes}.
 */
@Command(name = "scada-host", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Reference SCADA host for the scada-mqtt driver: runs lines from an XML configuration, "
                + "shows their values in a web and terminal console.",
        subcommands = {RunCommand.class, ValidateCommand.class, DiscoverCommand.class, DemoCommand.class,
                SimulateCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (validate: no problems)",
            "1:the configuration has problems (each printed as file:line:column)",
            "2:wrong command line",
            "3:the host could not start (plugins, port in use, broker, data folder)",
            "4:internal error",
            "130/143:stopped by Ctrl-C / SIGTERM after a clean shutdown"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // no command given: show what there is
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        StrayThreadErrors.install();
        int code = execute(args, System.out, System.err);
        System.exit(code);
    }

    /** Runs a command line and returns its exit code (for tests and embedding). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof HostException he) {
                cmd.getErr().println(he.getMessage());
                return he.exitCode();
            }
            cmd.getErr().println("internal error: " + ex);
            ex.printStackTrace(cmd.getErr());
            return ExitCodes.INTERNAL_ERROR;
        });
        return cl.execute(args);
    }

    /**
     * The project version: filled into {@code version.properties} by Maven at build time (so it is
     * right in the jar, in tests and in an IDE build alike), else the jar manifest's
     * Implementation-Version.
     */
    static final class Version implements CommandLine.IVersionProvider {
        static final String RESOURCE = "/org/scadamqtt/host/version.properties";

        @Override
        public String[] getVersion() {
            return new String[] {"scada-host " + version()};
        }

        static String version() {
            try (java.io.InputStream in = Main.class.getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    java.util.Properties p = new java.util.Properties();
                    p.load(in);
                    String v = p.getProperty("version", "");
                    if (!v.isBlank() && !v.contains("${")) {
                        return v.strip();
                    }
                }
            } catch (java.io.IOException e) {
                // fall back to the manifest
            }
            String v = Main.class.getPackage().getImplementationVersion();
            return v == null ? "(development build: version unknown)" : v;
        }
    }
}
