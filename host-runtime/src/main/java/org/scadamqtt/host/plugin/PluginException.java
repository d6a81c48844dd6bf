package org.scadamqtt.host.plugin;

/**
 * A driver could not be loaded, or two drivers claim one protocol code.
 * {@link #code()} is machine-readable ({@code DUPLICATE_PROTOCOL}, {@code BAD_PLUGIN},
 * {@code PLUGIN_DIR}); the message names the jars and protocol concerned.
 */
public class PluginException extends Exception {

    private final String code;

    public PluginException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public PluginException(String code, String message) {
        this(code, message, null);
    }

    /** Machine-readable code. */
    public String code() {
        return code;
    }
}
