package org.scadamqtt.host.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.host.tags.HistoryPoint;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.TagType;

/**
 * The history survives {@code kill -9}: a process records values and is killed (SIGKILL, no
 * shutdown hook, nothing closed) a little more than the writer's period later; a new store on the
 * same folder reads every value back.
 */
@Timeout(60)
class HistoryKillIT {

    @TempDir
    Path data;

    @Test
    void valuesRecordedMoreThanASecondBeforeKillMinus9AreReadBack() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HistoryWriterProcess.class.getName(), data.toString(), "250").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("recorded 250"));
            assertEquals("recorded 250", line, "the writer process ended early");
            Thread.sleep(HistoryStore.FLUSH_MILLIS + 500);
        } finally {
            child.destroyForcibly(); // SIGKILL
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        TagEntry temp = new TagEntry("TEMP", "PLANT", "S1", TagType.Ai, "JA=t", null);
        try (HistoryStore store = HistoryStore.open(1000, line -> Files.createDirectories(data.resolve(line)),
                () -> List.of(temp))) {
            List<HistoryPoint> points = store.points("TEMP", null, null, Integer.MAX_VALUE);
            assertEquals(250, points.size());
            assertEquals(1.0, points.get(0).value());
            assertEquals(250.0, points.get(249).value());
        }
    }
}
