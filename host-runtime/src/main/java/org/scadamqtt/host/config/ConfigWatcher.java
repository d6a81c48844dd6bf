package org.scadamqtt.host.config;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --watch-config}: calls an action when the configuration file's content changes. Editors
 * save in bursts (truncate, write, rename), so the action runs once the file has been quiet for
 * {@link #QUIET}, and only when the bytes differ from the last ones seen. Runs on its own daemon
 * thread; the folder is watched, so a file replaced by rename is seen too.
 */
public final class ConfigWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
    /** How long the file must stay unchanged before it is read. */
    public static final Duration QUIET = Duration.ofMillis(500);

    private final Path file;
    private final Runnable action;
    private final WatchService watch;
    private final Thread thread;
    private byte[] lastDigest;

    private ConfigWatcher(Path file, Runnable action, WatchService watch) {
        this.file = file;
        this.action = action;
        this.watch = watch;
        this.lastDigest = digest();
        this.thread = new Thread(this::run, "config-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching.
     *
     * @throws IOException when the file's folder cannot be watched
     */
    public static ConfigWatcher start(Path file, Runnable action) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        WatchService watch = FileSystems.getDefault().newWatchService();
        try {
            absolute.getParent().register(watch, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_CREATE);
        } catch (IOException | RuntimeException e) {
            watch.close();
            throw e;
        }
        ConfigWatcher w = new ConfigWatcher(absolute, action, watch);
        w.thread.start();
        return w;
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watch.take();
                boolean ours = concernsFile(key);
                // let a burst of writes finish: wait until QUIET passes without another event
                WatchKey more;
                while ((more = watch.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    ours |= concernsFile(more);
                }
                if (ours) {
                    byte[] now = digest();
                    if (now != null && !Arrays.equals(now, lastDigest)) {
                        lastDigest = now;
                        LOG.info("configuration file {} changed: reloading", file);
                        runAction();
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the host stops
        }
    }

    private boolean concernsFile(WatchKey key) {
        boolean ours = key.pollEvents().stream()
                .anyMatch(e -> e.context() instanceof Path p && p.getFileName().equals(file.getFileName()));
        key.reset();
        return ours;
    }

    private void runAction() {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.error("reloading {} after a change failed", file, e);
        }
    }

    /** SHA-256 of the file, or null when it cannot be read right now (being replaced). */
    private byte[] digest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debug("closing the configuration watch failed: {}", e.toString());
        }
        thread.interrupt();
    }
}
