package org.scadamqtt.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @Test
    void hostIdIsStableInOneFolderAndDiffersBetweenFolders(@TempDir Path tmp) throws Exception {
        DataDirectory a = DataDirectory.open(tmp.resolve("a"));
        DataDirectory again = DataDirectory.open(tmp.resolve("a"));
        DataDirectory b = DataDirectory.open(tmp.resolve("b"));
        assertEquals(a.hostId(), again.hostId());
        assertNotEquals(a.hostId(), b.hostId());
        assertTrue(a.hostId().matches("[a-z0-9-]+-[0-9a-f]{8}"), a.hostId());
        assertTrue(Files.isRegularFile(tmp.resolve("a").resolve(DataDirectory.HOST_ID_FILE)));
    }

    @Test
    void lineFoldersAreCreatedWithSafeNames(@TempDir Path tmp) throws Exception {
        DataDirectory d = DataDirectory.open(tmp);
        Path line = d.lineDirectory("Plant A/B");
        assertTrue(Files.isDirectory(line));
        assertEquals(tmp.toAbsolutePath().normalize().resolve("Plant_A_B"), line);
        assertEquals("_..", DataDirectory.safeName(".."));
    }
}
