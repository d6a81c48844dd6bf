package org.scadamqtt.mqtt.internal.client;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive hold on a line's persistence folder. Paho's own lock failure is swallowed, so two
 * clients could silently share (and corrupt) one folder; a second running line on the same
 * folder is refused here instead, in this JVM or another process.
 */
final class PersistenceLock implements AutoCloseable {

    static final String FILE = "line.lock";

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private PersistenceLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the folder when needed and locks it.
     *
     * @throws IllegalStateException with a sentence naming the folder when another line holds it
     *                               or it cannot be created
     */
    static PersistenceLock acquire(Path folder, String lineName) {
        FileChannel ch = null;
        try {
            Files.createDirectories(folder);
            ch = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                throw new IllegalStateException("line '" + lineName + "': the persistence folder " + folder
                        + " is already used by another running line or process; two lines must not share one "
                        + "session store (give each line its own data directory or client id)");
            }
            return new PersistenceLock(folder, ch, l);
        } catch (IOException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // best effort
                }
            }
            throw new IllegalStateException("line '" + lineName + "': cannot use persistence folder " + folder
                    + ": " + e.getMessage(), e);
        }
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel close below releases it anyway
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
