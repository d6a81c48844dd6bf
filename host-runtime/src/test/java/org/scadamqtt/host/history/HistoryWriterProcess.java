package org.scadamqtt.host.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * A process for {@link HistoryKillIT}: records {@code count} values of tag TEMP in a history store on
 * the folder given, says {@code recorded N}, then waits to be killed without closing anything.
 */
public final class HistoryWriterProcess {

    private HistoryWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        TagEntry temp = new TagEntry("TEMP", "PLANT", "S1", TagType.Ai, "JA=t", null);
        HistoryStore store = HistoryStore.open(1000, line -> Files.createDirectories(data.resolve(line)),
                () -> List.of(temp));
        Instant t0 = Instant.now();
        for (int i = 1; i <= count; i++) {
            Instant at = t0.plusMillis(i);
            store.tagChanged(temp.with(TagValue.good(TagType.Ai, (double) i, at, at), true));
        }
        System.out.println("recorded " + count);
        System.out.flush();
        Thread.sleep(120_000); // killed long before
        store.close();
    }
}
