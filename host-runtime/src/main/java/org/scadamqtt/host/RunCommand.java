package org.scadamqtt.host;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run CONFIG.xml}: starts every line of a configuration and serves the consoles until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start every line of CONFIG.xml and serve the operator console until Ctrl-C or SIGTERM.")
final class RunCommand implements Callable<Integer> {

    /** Environment variable holding the HTTP write token when --write-token is not given. */
    static final String TOKEN_ENV = "SCADA_MQTT_WRITE_TOKEN";

    @Parameters(index = "0", paramLabel = "CONFIG.xml", description = "the configuration file")
    Path config;

    @CommandLine.Mixin
    ConsoleOptions console = new ConsoleOptions();

    @Option(names = "--embedded-broker", arity = "0..1", paramLabel = "PORT",
            parameterConsumer = OptionalPortConsumer.class,
            description = "start the embedded MQTT broker (HiveMQ CE) on 127.0.0.1 (PORT, else 1883, else a free "
                    + "port) and point lines whose host is 'embedded' at it")
    Integer embeddedBroker;

    @Option(names = "--plugins", paramLabel = "DIR", description = "folder of driver plugin jars, each loaded in its own class loader")
    Path plugins;

    @Option(names = "--watch-config", description = "apply CONFIG.xml again whenever it changes (as SIGHUP and "
            + "POST /api/reload do); a changed file with errors is refused and the running configuration stays")
    boolean watchConfig;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        HostOptions options = new HostOptions(config, plugins, console.dataDir, embeddedBroker, console.httpBind,
                console.httpPort, console.writeToken(), console.console == null ? ConsoleKind.web : console.console, 0,
                false, console.httpHosts());
        return runUntilStopped(options, watchConfig, spec.commandLine().getOut()::println);
    }

    /**
     * Starts the runtime, prints where it is, and waits for a signal. The shutdown hook is in place
     * before anything starts, so a signal during the start still stops every started line cleanly.
     */
    static int runUntilStopped(HostOptions options, boolean watchConfig, java.util.function.Consumer<String> say)
            throws Exception {
        if (options.console() == ConsoleKind.tty) {
            Logs.quietForTerminal();
        }
        HostRuntime rt = HostRuntime.unstarted();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            rt.close();
            if (options.console() != ConsoleKind.log) {
                // standard output of --console log carries only changes (LINE ... DISCONNECTED already says it)
                say.accept("scada-host stopped: every line disconnected");
            }
            stopped.countDown();
        }, "scada-host-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        // SIGHUP's handler too is in place before anything starts: without it the JVM's default
        // action ends the process, so a reload asked for during a slow start killed the host. A
        // SIGHUP during the start reloads once the start is done (the file may have changed after
        // it was read).
        Hangups hangups = new Hangups(rt::reload);
        HangupSignal.install(hangups::signal);
        try {
            rt.begin(options, System.out);
        } catch (HostException | RuntimeException e) {
            removeHook(hook); // the start failed and cleaned up: exit with its code, no "stopped" line
            throw e;
        }
        if (rt.isClosed()) {
            stopped.await(); // a signal came during the start
            return ExitCodes.OK;
        }
        hangups.started();
        if (watchConfig) {
            rt.watchConfigFile();
        }
        if (options.console() != ConsoleKind.tty && options.console() != ConsoleKind.log) {
            say.accept("scada-host running " + rt.config().lines().size() + " line(s) from " + options.config()
                    + (rt.webUrl().isEmpty() ? "" : "; web console " + rt.webUrl()) + "; Ctrl-C stops");
        }
        stopped.await();
        return ExitCodes.OK;
    }

    /** SIGHUPs before the start is done are remembered and applied once, after it. */
    static final class Hangups {
        private final Runnable reload;
        private boolean started;
        private boolean pending;

        Hangups(Runnable reload) {
            this.reload = reload;
        }

        void signal() {
            synchronized (this) {
                if (!started) {
                    pending = true;
                    return;
                }
            }
            reload.run();
        }

        void started() {
            boolean now;
            synchronized (this) {
                started = true;
                now = pending;
                pending = false;
            }
            if (now) {
                reload.run();
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (a signal during the start); the hook has run or runs now
        }
    }
}
