package org.scadamqtt.host.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ProtocolCatalog;
import org.scadamqtt.config.ProtocolRules;
import org.scadamqtt.driver.DriverProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drivers this host can run, by protocol code. Drivers come from the host's own class path
 * (found with {@link ServiceLoader}) and from every {@code *.jar} in a plugins folder, each jar in
 * its own class loader ({@link PluginClassLoader}: driver-api and tag-model from the host, the rest
 * from the jar first), so plugins do not see each other's classes. Two drivers with one protocol
 * code are refused: which one would run would
 * depend on class path order.
 */
public final class DriverRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DriverRegistry.class);
    /** {@link LoadedDriver#source()} of drivers found on the host's class path. */
    public static final String CLASSPATH = "classpath";

    private final Map<String, LoadedDriver> drivers;
    private final List<URLClassLoader> pluginLoaders;

    private DriverRegistry(Map<String, LoadedDriver> drivers, List<URLClassLoader> pluginLoaders) {
        this.drivers = drivers;
        this.pluginLoaders = pluginLoaders;
    }

    /**
     * Loads the drivers on {@code hostLoader}'s class path and in {@code pluginsDir}.
     *
     * @param hostLoader the host's class loader; also the parent of each plugin's loader
     * @param pluginsDir folder of plugin jars; null for none
     * @throws PluginException when a plugin cannot be read or two drivers share a protocol code
     */
    public static DriverRegistry load(ClassLoader hostLoader, Path pluginsDir) throws PluginException {
        List<LoadedDriver> found = new ArrayList<>();
        try {
            ServiceLoader.load(DriverProvider.class, hostLoader)
                    .forEach(p -> found.add(new LoadedDriver(p, CLASSPATH)));
        } catch (ServiceConfigurationError e) {
            throw new PluginException("BAD_PLUGIN", "a driver on the host's class path cannot be loaded: "
                    + e.getMessage(), e);
        }
        List<URLClassLoader> loaders = new ArrayList<>();
        try {
            for (Path jar : pluginJars(pluginsDir)) {
                URLClassLoader loader = new PluginClassLoader(jar, toUrl(jar), hostLoader);
                loaders.add(loader);
                found.addAll(providersIn(jar, loader));
            }
            return new DriverRegistry(index(found), loaders);
        } catch (PluginException | RuntimeException e) {
            loaders.forEach(DriverRegistry::closeQuietly);
            throw e;
        }
    }

    /**
     * A registry of the given drivers (tests, embedding hosts).
     *
     * @throws PluginException when two share a protocol code
     */
    public static DriverRegistry of(Collection<LoadedDriver> drivers) throws PluginException {
        return new DriverRegistry(index(drivers), List.of());
    }

    /** The driver for a protocol code (exact, as configured). */
    public Optional<DriverProvider> provider(String protocol) {
        return Optional.ofNullable(protocol == null ? null : drivers.get(key(protocol))).map(LoadedDriver::provider);
    }

    /**
     * What the configuration loader needs of every driver: parameter tables and the driver's own
     * checks. A driver whose check throws yields a problem instead of stopping the loader.
     */
    public ProtocolCatalog catalog() {
        List<ProtocolRules> rules = new ArrayList<>();
        for (LoadedDriver d : drivers.values()) {
            DriverProvider p = d.provider();
            rules.add(new ProtocolRules(p.protocol(), p.lineParameters(), p.stationParameters(),
                    line -> checkedValidate(p, line)));
        }
        return ProtocolCatalog.of(rules);
    }

    private static List<ConfigProblem> checkedValidate(DriverProvider p, LineConfig line) {
        try {
            List<ConfigProblem> problems = p.validate(line);
            return problems == null ? List.of() : problems;
        } catch (RuntimeException e) {
            LOG.warn("driver '{}' failed while checking line '{}'", p.protocol(), line.name(), e);
            return List.of(new ConfigProblem(line.location(), "DRIVER_CHECK_FAILED", "the '" + p.protocol()
                    + "' driver failed while checking line '" + line.name() + "': " + e));
        }
    }

    /** Every driver, in the order found. */
    public List<LoadedDriver> drivers() {
        return List.copyOf(drivers.values());
    }

    /** Protocol code to provider, in the order found. */
    public Map<String, DriverProvider> providers() {
        Map<String, DriverProvider> m = new LinkedHashMap<>();
        drivers.forEach((k, v) -> m.put(v.protocol(), v.provider()));
        return m;
    }

    /** The protocol codes, comma separated, for messages. */
    public String protocolList() {
        return drivers.isEmpty() ? "(none)"
                : drivers.values().stream().map(LoadedDriver::protocol).collect(Collectors.joining(", "));
    }

    /** Closes the plugin class loaders; call after every driver has stopped. */
    @Override
    public void close() {
        pluginLoaders.forEach(DriverRegistry::closeQuietly);
    }

    private static List<LoadedDriver> providersIn(Path jar, URLClassLoader loader) throws PluginException {
        try {
            // the loader also sees the host's providers through its parent: keep only the jar's own
            List<LoadedDriver> own = ServiceLoader.load(DriverProvider.class, loader).stream()
                    .filter(p -> p.type().getClassLoader() == loader)
                    .map(p -> new LoadedDriver(p.get(), jar.toString()))
                    .toList();
            if (own.isEmpty()) {
                LOG.warn("plugin jar {} holds no driver (no META-INF/services/{} entry); it is ignored",
                        jar, DriverProvider.class.getName());
            }
            return own;
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new PluginException("BAD_PLUGIN", "plugin jar " + jar + " cannot be loaded: " + e.getMessage()
                    + " (is it built for this host's driver-api?)", e);
        }
    }

    private static Map<String, LoadedDriver> index(Collection<LoadedDriver> found) throws PluginException {
        Map<String, List<LoadedDriver>> byCode = found.stream()
                .collect(Collectors.groupingBy(d -> key(d.protocol()), LinkedHashMap::new, Collectors.toList()));
        List<String> clashes = new ArrayList<>();
        byCode.forEach((code, list) -> {
            if (list.size() > 1) {
                clashes.add("protocol '" + code + "' is provided by " + list.stream()
                        .map(d -> d.provider().getClass().getName() + " (" + d.source() + ")")
                        .collect(Collectors.joining(" and ")));
            }
        });
        if (!clashes.isEmpty()) {
            throw new PluginException("DUPLICATE_PROTOCOL", "two drivers claim one protocol code: "
                    + String.join("; ", clashes) + ". Remove one of them (from the plugins folder or the class path).");
        }
        Map<String, LoadedDriver> result = new LinkedHashMap<>();
        byCode.forEach((code, list) -> result.put(code, list.get(0)));
        return result;
    }

    /** Protocol codes compare ignoring case and surrounding blanks, as in the configuration. */
    private static String key(String code) {
        return code.trim().toLowerCase(Locale.ROOT);
    }

    private static List<Path> pluginJars(Path dir) throws PluginException {
        if (dir == null) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            throw new PluginException("PLUGIN_DIR", "plugins folder " + dir.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new PluginException("PLUGIN_DIR", "plugins folder " + dir.toAbsolutePath()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static URL toUrl(Path jar) throws PluginException {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new PluginException("BAD_PLUGIN", "plugin jar path " + jar + " is not usable: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed: {}", loader.getName(), e.getMessage());
        }
    }
}
