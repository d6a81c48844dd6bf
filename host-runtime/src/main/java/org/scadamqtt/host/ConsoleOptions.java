package org.scadamqtt.host;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by {@code run} and {@code demo}. */
final class ConsoleOptions {

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "8080", converter = PortOption.class,
            description = "web console and HTTP API port (default ${DEFAULT-VALUE}; 0 picks a free port)")
    int httpPort;

    @Option(names = "--http-bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "address the web console binds to (default ${DEFAULT-VALUE}: this machine only; "
                    + "0.0.0.0 for every interface)")
    String httpBind;

    @Option(names = "--http-host", paramLabel = "NAME", split = ",",
            description = "a host name operators use to reach the web console (repeatable); requests for any other "
                    + "name than localhost or an IP address are refused (DNS rebinding)")
    List<String> httpHosts;

    @Option(names = "--console", paramLabel = "web|tty|log|none",
            description = "web: web console only; tty: plus a live table in the terminal; log: plus one line per "
                    + "change on standard output; none: no console (logs only)")
    ConsoleKind console;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "data folder (host id, per-line persistence); default $SCADA_MQTT_DATA or ~/.scada-mqtt")
    Path dataDir;

    @Option(names = "--write-token", paramLabel = "TOKEN",
            description = "token HTTP writes must carry; default: --write-token-file, else $" + RunCommand.TOKEN_ENV
                    + "; none: writes are open to whoever reaches the console. A token on the command line is "
                    + "visible to other users of this machine (ps); prefer --write-token-file")
    String writeToken;

    List<String> httpHosts() {
        return httpHosts == null ? List.of() : httpHosts;
    }

    @Option(names = "--write-token-file", paramLabel = "FILE",
            description = "read the write token from the first line of FILE (keep it readable by the host's user "
                    + "only)")
    Path writeTokenFile;

    /**
     * The write token: {@code --write-token}, else the first line of {@code --write-token-file},
     * else the environment variable; null when none.
     *
     * @throws HostException (exit 2) when both options are given or the file gives no token
     */
    String writeToken() throws HostException {
        if (writeToken != null && !writeToken.isBlank()) {
            if (writeTokenFile != null) {
                throw new HostException(ExitCodes.USAGE, "give the write token once: --write-token or "
                        + "--write-token-file, not both");
            }
            return writeToken;
        }
        if (writeTokenFile != null) {
            return WriteTokenFile.read(writeTokenFile);
        }
        String env = System.getenv(RunCommand.TOKEN_ENV);
        return env == null || env.isBlank() ? null : env;
    }
}
