package org.scadamqtt.bench.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small helpers for external programs. */
final class Tools {

    private Tools() {
    }

    /** Whether an executable of this name is on the PATH. */
    static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
