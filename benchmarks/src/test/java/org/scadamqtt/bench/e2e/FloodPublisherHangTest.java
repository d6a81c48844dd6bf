package org.scadamqtt.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A publisher that read all its input but hangs instead of exiting is stopped; one still reading is not. */
class FloodPublisherHangTest {

    @TempDir
    Path dir;

    @Test
    void aProcessThatReadItsWholeInputAndHangsIsStoppedAfterTheGrace() throws Exception {
        Path file = dir.resolve("in.txt");
        Files.writeString(file, "a\nb\nc\n");
        Process p = new ProcessBuilder("sh", "-c", "cat >/dev/null; exec sleep 60").redirectInput(file.toFile()).start();
        FloodPublisher.Running r = new FloodPublisher.Running(new FloodPublisher.Chunk("t", file, 3), p);
        long start = System.nanoTime();
        boolean stopped = false;
        while (!stopped && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15)) {
            stopped = r.stopIfHungAfterItsInput();
            Thread.sleep(100);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(stopped, "not stopped within 15 s");
        assertTrue(seconds >= 5, "stopped after " + seconds + " s, before the grace");
        assertTrue(p.waitFor(5, TimeUnit.SECONDS), "the process still runs");
    }

    @Test
    void aProcessStillReadingItsInputIsLeftAlone() throws Exception {
        Path file = dir.resolve("in.txt");
        Files.writeString(file, "a\n".repeat(100_000));
        // reads one line, then waits: its input position stays short of the end
        Process p = new ProcessBuilder("sh", "-c", "read x; exec sleep 60").redirectInput(file.toFile()).start();
        try {
            FloodPublisher.Running r = new FloodPublisher.Running(new FloodPublisher.Chunk("t", file, 100_000), p);
            long start = System.nanoTime();
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(7)) {
                assertFalse(r.stopIfHungAfterItsInput(), "stopped although it had not read its input");
                Thread.sleep(200);
            }
            assertTrue(p.isAlive());
        } finally {
            p.destroyForcibly();
        }
    }
}
