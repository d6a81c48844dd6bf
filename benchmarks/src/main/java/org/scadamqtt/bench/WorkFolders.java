package org.scadamqtt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The temporary folders the benchmark tools work in. */
public final class WorkFolders {

    private WorkFolders() {
    }

    /** Removes a folder and everything in it; best effort (a file still open stays). */
    public static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // leaving a temporary folder behind is harmless
        }
    }
}
