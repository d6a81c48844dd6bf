package org.scadamqtt.host.tags;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;

/** What one line's driver reports through: feeds the {@link TagTable}. Thread-safe. */
final class LineContext implements DriverContext {

    private final String line;
    private final TagTable table;
    private final Path dataDirectory;
    private final String hostId;
    private final Clock clock;

    LineContext(String line, TagTable table, Path dataDirectory, String hostId, Clock clock) {
        this.line = line;
        this.table = table;
        this.dataDirectory = dataDirectory;
        this.hostId = hostId;
        this.clock = clock;
    }

    @Override
    public void publish(String station, List<TagUpdate> batch) {
        table.publish(line, station, batch);
    }

    @Override
    public void stationState(String station, StationState state, String reason) {
        table.stationState(line, station, state, reason);
    }

    @Override
    public void lineStatus(LineStatus status) {
        table.lineStatus(line, status);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public String hostId() {
        return hostId;
    }

    @Override
    public String toString() {
        return "LineContext[" + line + "]";
    }
}
