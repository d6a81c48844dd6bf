package org.scadamqtt.host.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.ProtocolCatalog;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.SourceLocation;

/**
 * Reads a configuration file through the XML loader of tag-model against the drivers the host
 * loaded. Every problem is collected (XSD, parameters, the drivers' own checks), each with
 * file:line:column.
 */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /**
     * @throws ConfigException with every problem found
     */
    public static ScadaConfig load(Path file, ProtocolCatalog catalog) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(List.of(new ConfigProblem(new SourceLocation(file.toString(), 0, 0),
                    "FILE_NOT_FOUND", "configuration file " + file.toAbsolutePath() + " does not exist or is not a file")));
        }
        return ConfigLoaderBridge.load(file, catalog);
    }
}
