package org.scadamqtt.host.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The host's data folder: one sub-folder per line (driver persistence, tag history in its
 * {@code history} folder) and the file
 * {@code host-id} that makes this host's identity stable across restarts.
 *
 * <p>Default: {@code ~/.scada-mqtt}, overridden by {@code --data-dir} or the environment
 * variable {@code SCADA_MQTT_DATA}. Not the working directory: a run from a source checkout
 * must not leave files in it.
 */
public final class DataDirectory {

    /** Environment variable that sets the data folder when {@code --data-dir} is not given. */
    public static final String ENV = "SCADA_MQTT_DATA";
    static final String HOST_ID_FILE = "host-id";

    private final Path root;
    private final String hostId;

    private DataDirectory(Path root, String hostId) {
        this.root = root;
        this.hostId = hostId;
    }

    /** The folder used when neither {@code --data-dir} nor {@value #ENV} is given. */
    public static Path defaultRoot() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".scada-mqtt");
    }

    /**
     * Opens (and creates) a data folder; the first open writes a random host id into it.
     *
     * @param root the folder, or null for {@link #defaultRoot()}
     * @throws IOException when it cannot be created or written, with the path in the message
     */
    public static DataDirectory open(Path root) throws IOException {
        Path dir = (root == null ? defaultRoot() : root).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            return new DataDirectory(dir, hostId(dir));
        } catch (IOException e) {
            throw new IOException("data folder " + dir + " cannot be created or written (" + e + "); "
                    + "choose another with --data-dir", e);
        }
    }

    /** The folder. */
    public Path root() {
        return root;
    }

    /**
     * {@code hostname-xxxxxxxx}: the machine name plus a random part kept in this folder, so two
     * hosts on one machine with different data folders differ, and one host keeps its id.
     */
    public String hostId() {
        return hostId;
    }

    /** The folder of one line ({@code <root>/<line name>}), created on demand. */
    public Path lineDirectory(String line) throws IOException {
        return Files.createDirectories(root.resolve(safeName(line)));
    }

    /** The folder of one line's tag history ({@code <root>/<line name>/history}), created on demand. */
    public Path historyDirectory(String line) throws IOException {
        return Files.createDirectories(lineDirectory(line).resolve("history"));
    }

    /** A line name as a folder name: letters, digits, '-', '_' and '.' kept, the rest '_'. */
    static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    private static String hostId(Path dir) throws IOException {
        Path file = dir.resolve(HOST_ID_FILE);
        if (Files.isRegularFile(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String id = machineName() + "-" + HexFormat.of().formatHex(random);
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        return id;
    }

    private static String machineName() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            name = System.getenv().getOrDefault("HOSTNAME", "host");
        }
        // client ids must stay short and portable: keep the first label, safe characters only
        name = name.split("\\.")[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        return name.isEmpty() ? "host" : name.substring(0, Math.min(name.length(), 20));
    }
}
