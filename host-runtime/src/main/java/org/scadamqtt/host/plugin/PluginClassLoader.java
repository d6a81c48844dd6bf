package org.scadamqtt.host.plugin;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The class loader of one plugin jar. The host's contract (driver-api, tag-model with Jackson, SLF4J, the
 * JDK) comes from the host, so plugin and host agree on {@code DriverProvider}, {@code TagValue}
 * and so on; everything else is looked up in the jar first. That keeps a plugin's own libraries
 * from being replaced by the host's, and makes a driver that is both built into the host and
 * dropped into the plugins folder visible as two drivers (which the registry then refuses)
 * instead of the jar being silently shadowed.
 */
final class PluginClassLoader extends URLClassLoader {

    /** Package prefixes always taken from the host. */
    static final List<String> SHARED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.scadamqtt.driver.", "org.scadamqtt.config.", "org.scadamqtt.tag.", "org.slf4j.",
            "com.fasterxml.jackson.");

    PluginClassLoader(Path jar, URL url, ClassLoader host) {
        super("plugin:" + jar.getFileName(), new URL[] {url}, host);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (SHARED.stream().anyMatch(name::startsWith)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    c = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}
