package org.scadamqtt.host;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationDiagnostics;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.host.history.HistoryStore;
import org.scadamqtt.host.tags.HistoryPoint;
import org.scadamqtt.host.tags.HostApi;
import org.scadamqtt.host.tags.HostListener;
import org.scadamqtt.host.tags.LineEntry;
import org.scadamqtt.host.tags.ReloadResult;
import org.scadamqtt.host.tags.StationEntry;
import org.scadamqtt.host.tags.TagEntry;

/**
 * The tag table as consoles see it, plus the runtime's reload (the table alone has no file to
 * read) and the history store.
 */
final class ReloadableApi implements HostApi {

    private final HostApi table;
    private final Supplier<ReloadResult> reload;
    private final HistoryStore history;

    ReloadableApi(HostApi table, Supplier<ReloadResult> reload, HistoryStore history) {
        this.table = table;
        this.reload = reload;
        this.history = history;
    }

    @Override
    public List<TagEntry> tags() {
        return table.tags();
    }

    @Override
    public Optional<TagEntry> tag(String name) {
        return table.tag(name);
    }

    @Override
    public List<StationEntry> stations() {
        return table.stations();
    }

    @Override
    public List<LineEntry> lines() {
        return table.lines();
    }

    @Override
    public Optional<StationDiagnostics> diagnostics(String station) {
        return table.diagnostics(station);
    }

    @Override
    public CompletionStage<WriteResult> write(String tag, Object value) {
        return table.write(tag, value);
    }

    @Override
    public void control(String station, StationControl control) {
        table.control(station, control);
    }

    @Override
    public AutoCloseable subscribe(HostListener listener) {
        return table.subscribe(listener);
    }

    @Override
    public List<HistoryPoint> history(String tag, Instant from, Instant to, int last) {
        return history.points(tag, from, to, last);
    }

    @Override
    public ReloadResult reload() {
        return reload.get();
    }
}
