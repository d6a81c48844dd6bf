package org.scadamqtt.bench.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and peak resident memory of this JVM, as the child subscribers report them. */
final class ChildStats {

    private ChildStats() {
    }

    /** CPU nanoseconds this process used so far (all threads, user + system). */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** VmHWM (peak resident set) in kB from /proc/self/status; -1 where there is no /proc. */
    static long peakRssKb() {
        return procStatusKb(Path.of("/proc/self/status"), "VmHWM:");
    }

    static long procStatusKb(Path status, String key) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
