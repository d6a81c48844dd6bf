package org.scadamqtt.config.xml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The schema ships twice: in this module (for the loader) and in sample-config/ (for editors). */
class SchemaCopiesTest {

    @Test
    void sampleConfigCopyIsIdenticalToTheLoadersSchema() throws Exception {
        byte[] shipped;
        try (InputStream in = ConfigLoader.class.getResourceAsStream(ConfigLoader.SCHEMA_RESOURCE)) {
            assertNotNull(in, ConfigLoader.SCHEMA_RESOURCE);
            shipped = in.readAllBytes();
        }
        Path copy = Path.of("..", "sample-config", "scada-config-1.xsd");
        assertTrue(Files.exists(copy), "missing " + copy.toAbsolutePath().normalize());
        assertArrayEquals(shipped, Files.readAllBytes(copy), "sample-config/scada-config-1.xsd differs from "
                + "tag-model/src/main/resources" + ConfigLoader.SCHEMA_RESOURCE + "; copy the resource over it");
    }
}
