package org.scadamqtt.host;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.DriverProvider;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.host.broker.BrokerException;
import org.scadamqtt.host.broker.EmbeddedBroker;
import org.scadamqtt.host.config.ConfigChange;
import org.scadamqtt.host.config.ConfigFiles;
import org.scadamqtt.host.config.ConfigWatcher;
import org.scadamqtt.host.config.DataDirectory;
import org.scadamqtt.host.config.EmbeddedHosts;
import org.scadamqtt.host.config.ProblemReport;
import org.scadamqtt.host.history.HistoryStore;
import org.scadamqtt.host.plugin.DriverRegistry;
import org.scadamqtt.host.plugin.PluginException;
import org.scadamqtt.host.sim.Simulator;
import org.scadamqtt.host.sim.SimulatorException;
import org.scadamqtt.host.tags.ReloadResult;
import org.scadamqtt.host.tags.TagTable;
import org.scadamqtt.host.tty.LogConsole;
import org.scadamqtt.host.tty.TtyConsole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running host: drivers loaded, configuration read, embedded broker (if asked), one driver per
 * line feeding the tag table, consoles, and (for the demo) the simulator. {@link #close()} stops
 * everything in reverse order: consoles, simulator, drivers (DISCONNECT, persistence flushed),
 * broker, plugin class loaders.
 */
public final class HostRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostRuntime.class);

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private final Map<String, Driver> drivers = new LinkedHashMap<>();
    private TagTable table;
    private EmbeddedBroker broker;
    private WebConsoleHandle web;
    private Simulator simulator;
    private ScadaConfig config;
    private HostOptions options;
    private DriverRegistry registry;
    private DataDirectory data;
    private HistoryStore history;
    private boolean closed;

    private HostRuntime() {
    }

    /**
     * Starts a host.
     *
     * @param out where terminal consoles print (standard output)
     * @throws HostException with exit code {@link ExitCodes#CONFIG_INVALID} and every problem, or
     *                       {@link ExitCodes#STARTUP_FAILED} and the reason
     */
    public static HostRuntime start(HostOptions options, PrintStream out) throws HostException {
        HostRuntime rt = new HostRuntime();
        rt.begin(options, out);
        return rt;
    }

    /**
     * A runtime not started yet. The command line registers its {@link #close()} as the shutdown
     * hook first and then calls {@link #begin}, so SIGTERM or Ctrl-C during the start still ends
     * with every started line disconnected: the hook waits for the start to finish, then stops.
     */
    static HostRuntime unstarted() {
        return new HostRuntime();
    }

    /**
     * Starts everything (see {@link #start}); does nothing when {@link #close()} came first (a
     * signal before the start began).
     */
    synchronized void begin(HostOptions options, PrintStream out) throws HostException {
        if (closed) {
            return;
        }
        try {
            startAll(options, out);
        } catch (HostException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Whether {@link #close()} has run (or is running). */
    synchronized boolean isClosed() {
        return closed;
    }

    private void startAll(HostOptions o, PrintStream out) throws HostException {
        options = o;
        // a taken console port is found before anything connects, not after every line has started
        int httpPort = o.console().servesHttp() ? WebConsoleHandle.choosePort(o.httpBind(), o.httpPort(),
                o.httpPortFallback()) : o.httpPort();
        registry = loadDrivers(o);
        toClose.push(registry);
        ScadaConfig loaded;
        try {
            loaded = readConfig(o, registry, null);
        } catch (ConfigException e) {
            throw configInvalid(e.problems());
        }
        loaded.warnings().forEach(w -> LOG.warn("{}", w));

        try {
            data = DataDirectory.open(o.dataDir());
        } catch (IOException e) {
            throw new HostException(ExitCodes.STARTUP_FAILED, e.getMessage(), e);
        }
        if (o.embeddedBroker() != null) {
            try {
                broker = EmbeddedBroker.start(o.embeddedBroker());
            } catch (BrokerException e) {
                throw new HostException(ExitCodes.STARTUP_FAILED, e.getMessage(), e);
            }
            toClose.push(broker);
            loaded = EmbeddedHosts.pointAt(loaded, broker.uri());
        }
        config = loaded;
        table = new TagTable(config);
        // before the lines start, closed after they stop: every value is recorded
        history = HistoryStore.open(HistoryStore.configuredPoints(System.getenv(HistoryStore.POINTS_ENV)),
                data::historyDirectory, table::tags);
        toClose.push(history);
        toClose.push(table.subscribe(history));
        if (o.console() == ConsoleKind.log) {
            // before the lines start and stopped after them: the log shows lines connecting and disconnecting
            toClose.push(LogConsole.start(table, out));
        }
        LOG.info("host id {}, data folder {}", data.hostId(), data.root());
        for (LineConfig line : config.lines()) {
            startLine(line);
        }
        toClose.push(this::stopDrivers);

        if (o.simulatorRate() > 0) {
            if (broker == null) {
                throw new HostException(ExitCodes.STARTUP_FAILED, "the simulator needs the embedded broker");
            }
            try {
                simulator = Simulator.start(broker.uri(), o.simulatorRate());
            } catch (SimulatorException e) {
                throw new HostException(ExitCodes.STARTUP_FAILED, e.getMessage(), e);
            }
            toClose.push(simulator);
        }
        if (o.console().servesHttp()) {
            web = WebConsoleHandle.start(new ReloadableApi(table, this::reload, history), o.httpBind(), httpPort,
                    o.writeToken(), o.httpHosts());
            toClose.push(web);
        }
        String moved = web != null && web.port() != o.httpPort() && o.httpPort() != 0
                ? " (port " + o.httpPort() + " busy)" : "";
        String banner = web == null ? "" : "web console: " + webUrl() + moved;
        if (o.console() == ConsoleKind.tty) {
            TtyConsole tty = TtyConsole.start(table, out, banner);
            toClose.push(() -> {
                tty.close();
                // the table no longer redraws: let the operator see the lines stop
                Logs.restoreAfterTerminal();
                out.println();
                out.println("stopping: lines disconnect from their brokers, persistence is flushed ...");
            });
        }
        if (web != null) {
            LOG.info("web console and HTTP API on {}{}", webUrl(), moved);
        }
    }

    private static DriverRegistry loadDrivers(HostOptions o) throws HostException {
        try {
            DriverRegistry registry = DriverRegistry.load(HostRuntime.class.getClassLoader(), o.pluginsDir());
            registry.drivers().forEach(d -> LOG.info("driver '{}' ({}) from {}", d.protocol(),
                    d.provider().displayName(), d.source()));
            return registry;
        } catch (PluginException e) {
            throw new HostException(ExitCodes.STARTUP_FAILED, e.getMessage() + " [" + e.code() + "]", e);
        }
    }

    /**
     * Reads and checks the file as {@code validate} does, plus the host's own check (host
     * {@code embedded} needs the embedded broker), and points {@code embedded} hosts at
     * {@code brokerUri} when given.
     *
     * @throws ConfigException with every error and warning when it has errors
     */
    private static ScadaConfig readConfig(HostOptions o, DriverRegistry registry, String brokerUri)
            throws ConfigException {
        ScadaConfig loaded = ConfigFiles.load(o.config(), registry.catalog());
        if (o.embeddedBroker() == null) {
            List<ConfigProblem> problems = EmbeddedHosts.problemsWithoutBroker(loaded);
            if (!problems.isEmpty()) {
                List<ConfigProblem> all = new ArrayList<>(problems);
                all.addAll(loaded.warnings());
                throw new ConfigException(all);
            }
        }
        return brokerUri == null ? loaded : EmbeddedHosts.pointAt(loaded, brokerUri);
    }

    static HostException configInvalid(List<ConfigProblem> problems) {
        return new HostException(ExitCodes.CONFIG_INVALID, ProblemReport.of(problems).text("the configuration"));
    }

    /**
     * Reads the configuration file again and applies it: unchanged lines are left alone, changed
     * ones get {@link Driver#reconfigure}, new ones start, removed ones stop. A file with errors
     * is refused whole (the same messages as {@code validate}) and the running configuration
     * stays. Called from the HTTP API, SIGHUP and the file watcher; one reload at a time.
     */
    public synchronized ReloadResult reload() {
        if (closed || config == null) {
            return ReloadResult.refused("the host is not running", List.of(), List.of());
        }
        String file = options.config().toString();
        ScadaConfig next;
        try {
            next = readConfig(options, registry, broker == null ? null : broker.uri());
        } catch (ConfigException e) {
            ProblemReport report = ProblemReport.of(e.problems());
            String message = "the changed configuration " + file + " was refused, the running one stays: "
                    + report.summary(file);
            LOG.warn("{}\n{}", message, String.join("\n", report.lines()));
            return ReloadResult.refused(message, lines(report.errors()), lines(report.warnings()));
        }
        next.warnings().forEach(w -> LOG.warn("{}", w));
        ConfigChange change = ConfigChange.between(config, next);
        List<String> failures = new ArrayList<>();
        table.reconfigure(change.running(), () -> apply(change, failures));
        config = change.running();
        String message = change.isEmpty() ? "configuration " + file + " reloaded: nothing changed"
                : "configuration " + file + " reloaded: " + change.describe();
        if (!failures.isEmpty()) {
            message += "; " + String.join("; ", failures);
        }
        LOG.info("{}", message);
        return new ReloadResult(true, message, List.of(), lines(next.warnings()),
                change.started().stream().map(LineConfig::name).toList(),
                change.reconfigured().stream().map(LineConfig::name).toList(), change.stopped(), change.unchanged());
    }

    /**
     * Reloads whenever the configuration file changes ({@code --watch-config}); stopped with the host.
     *
     * @throws HostException when the file's folder cannot be watched
     */
    synchronized void watchConfigFile() throws HostException {
        if (closed) {
            return;
        }
        try {
            toClose.push(ConfigWatcher.start(options.config(), this::reload));
        } catch (IOException e) {
            throw new HostException(ExitCodes.STARTUP_FAILED, "--watch-config: the folder of " + options.config()
                    + " cannot be watched (" + e.getMessage() + ")", e);
        }
        LOG.info("watching {} for changes", options.config());
    }

    /** Hands the change to the drivers: removed lines stop first, so a new line can take their client id. */
    private void apply(ConfigChange change, List<String> failures) {
        for (String name : change.stopped()) {
            stopLine(name);
        }
        for (LineConfig line : change.reconfigured()) {
            Driver driver = drivers.get(line.name());
            try {
                if (driver == null) {
                    startLine(line); // it failed to start before: try with the new configuration
                } else {
                    driver.reconfigure(line);
                    LOG.info("line '{}' reconfigured", line.name());
                }
            } catch (HostException | RuntimeException e) {
                LOG.error("line '{}' could not take its new configuration: {}", line.name(), e.toString(), e);
                failures.add("line '" + line.name() + "' could not take its new configuration: " + e.getMessage());
            }
        }
        for (LineConfig line : change.started()) {
            try {
                startLine(line);
            } catch (HostException e) {
                failures.add(e.getMessage());
            }
        }
    }

    private static List<String> lines(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::toString).toList();
    }

    private void startLine(LineConfig line) throws HostException {
        DriverProvider provider = registry.provider(line.protocol()).orElseThrow(() -> new HostException(
                ExitCodes.CONFIG_INVALID, line.location() + ": line '" + line.name() + "' uses protocol '"
                + line.protocol() + "', but this host has drivers for: " + registry.protocolList()));
        DriverContext context;
        try {
            context = table.contextFor(line.name(), data.lineDirectory(line.name()), data.hostId());
        } catch (IOException e) {
            throw new HostException(ExitCodes.STARTUP_FAILED, "the data folder of line '" + line.name()
                    + "' cannot be created: " + e.getMessage(), e);
        }
        try {
            Driver driver = provider.create(line, context);
            table.attach(line.name(), driver);
            drivers.put(line.name(), driver);
            driver.start();
            LOG.info("line '{}' started ({} stations, hosts {})", line.name(), line.stations().size(), line.hosts());
        } catch (RuntimeException e) {
            // one broken line must not keep the others down: report it on the line and go on
            LOG.error("line '{}' could not start: {}", line.name(), e.toString(), e);
            context.lineStatus(new LineStatus(line.name(), LineState.DISCONNECTED, "",
                    "the driver failed to start: " + e.getMessage(), Instant.now(), null));
        }
    }

    /** How long the host waits for its lines to stop (each driver bounds its own stop to a few seconds). */
    static final java.time.Duration STOP_BOUND = java.time.Duration.ofSeconds(10);

    private void stopDrivers() {
        java.util.Map<String, Driver> all = new java.util.LinkedHashMap<>();
        for (String name : new ArrayList<>(drivers.keySet())) {
            table.detach(name);
            Driver d = drivers.remove(name);
            if (d != null) {
                all.put(name, d);
            }
        }
        LineStopper.stopAll(all, STOP_BOUND);
    }

    private void stopLine(String name) {
        table.detach(name);
        Driver driver = drivers.remove(name);
        if (driver == null) {
            return;
        }
        try {
            driver.stop();
            LOG.info("line '{}' stopped", name);
        } catch (RuntimeException ex) {
            LOG.warn("line '{}' did not stop cleanly: {}", name, ex.toString());
        }
    }

    /** The tag table (the {@link org.scadamqtt.host.tags.HostApi} consoles use). */
    public TagTable table() {
        return table;
    }

    /** The configuration as running (embedded hosts replaced; the last one reloaded). */
    public synchronized ScadaConfig config() {
        return config;
    }

    /** The embedded broker, or null when none runs. */
    public EmbeddedBroker broker() {
        return broker;
    }

    /** The simulator, or null when none runs. */
    public Simulator simulator() {
        return simulator;
    }

    /** The web console's address, or empty when it does not run. */
    public String webUrl() {
        return web == null ? "" : "http://" + hostForUrl(web.bindAddress()) + ":" + web.port() + "/";
    }

    private static String hostForUrl(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::")) {
            return "127.0.0.1";
        }
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }

    /** Stops everything; safe to call more than once and from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!toClose.isEmpty()) {
            AutoCloseable c = toClose.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", c, e.toString());
            }
        }
    }
}
