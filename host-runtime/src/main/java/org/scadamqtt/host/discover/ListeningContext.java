package org.scadamqtt.host.discover;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;

/**
 * The driver context of a line run outside the host's tag table (discovery): values go to
 * {@code values} (discovery drops them), line status to {@code status}, station states nowhere.
 */
public record ListeningContext(Path dataDirectory, String hostId, BiConsumer<String, List<TagUpdate>> values,
        Consumer<LineStatus> status) implements DriverContext {

    @Override
    public void publish(String station, List<TagUpdate> batch) {
        values.accept(station, batch);
    }

    @Override
    public void stationState(String station, StationState state, String reason) {
        // nobody shows station states here
    }

    @Override
    public void lineStatus(LineStatus s) {
        status.accept(s);
    }
}
