package org.scadamqtt.mqtt;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;

/**
 * A host for tests that care only about how the driver calls {@code publish}: each batch goes to
 * the test's own code, on the driver's thread; station states and line statuses are dropped.
 */
public final class PublishingHost implements DriverContext {

    private final Path dataDirectory;
    private final String hostId;
    private final BiConsumer<String, List<TagUpdate>> publish;

    /** @param publish called with the station and the batch, as {@link DriverContext#publish} is */
    public PublishingHost(Path dataDirectory, String hostId, BiConsumer<String, List<TagUpdate>> publish) {
        this.dataDirectory = dataDirectory;
        this.hostId = hostId;
        this.publish = publish;
    }

    @Override
    public void publish(String station, List<TagUpdate> batch) {
        publish.accept(station, batch);
    }

    @Override
    public void stationState(String station, StationState state, String reason) {
    }

    @Override
    public void lineStatus(LineStatus status) {
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public String hostId() {
        return hostId;
    }
}
