package org.scadamqtt.host.plugin;

import java.util.Objects;
import org.scadamqtt.driver.DriverProvider;

/**
 * One driver the host found.
 *
 * @param provider the provider
 * @param source   where it came from: {@code classpath} or the plugin jar's path
 */
public record LoadedDriver(DriverProvider provider, String source) {
    public LoadedDriver {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(source, "source");
    }

    /** The provider's protocol code. */
    public String protocol() {
        return provider.protocol();
    }
}
