package org.scadamqtt.host.config;

import java.nio.file.Path;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ProtocolCatalog;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.xml.ConfigLoader;

/** The one place the host calls tag-model's XML loader. */
final class ConfigLoaderBridge {

    private ConfigLoaderBridge() {
    }

    static ScadaConfig load(Path file, ProtocolCatalog catalog) throws ConfigException {
        return new ConfigLoader(catalog).load(file);
    }
}
