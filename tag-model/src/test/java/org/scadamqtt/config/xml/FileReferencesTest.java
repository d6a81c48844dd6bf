package org.scadamqtt.config.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.ConfigProblem;

/**
 * {@code ${file:…}} reads only regular files, and at most 64 KB of them: a device never ends (the
 * audit's /dev/zero ended in an OutOfMemoryError) and a FIFO blocks until written (validate hung).
 */
class FileReferencesTest {

    /** Far beyond what a bounded read needs, far below a hang or an OOM. */
    private static final Duration QUICK = Duration.ofSeconds(10);
    private final ConfigLoader loader = new ConfigLoader(TestProtocol.CATALOG, Map.<String, String>of()::get);
    @TempDir
    Path tmp;

    private ConfigProblem onlyProblem(String reference) throws Exception {
        Path config = tmp.resolve("plant.xml");
        Files.writeString(config, "<scada xmlns='urn:scada-mqtt:config:1'>\n"
                + "  <line name='A' protocol='test'><host>h</host>\n"
                + "    <param name='password'>${file:" + reference + "}</param></line></scada>\n");
        List<ConfigProblem> ps = assertTimeoutPreemptively(QUICK, () -> ConfigLoaderTest.problems(loader, config))
                .stream().filter(ConfigProblem::isError).toList(); // a line without stations is also a warning
        assertEquals(1, ps.size(), ps::toString);
        ConfigProblem p = ps.get(0);
        assertEquals("UNRESOLVED_REFERENCE", p.code());
        assertEquals(config.toString(), p.location().file());
        assertEquals(3, p.location().line(), "located at the <param>");
        assertTrue(p.location().column() > 0, p::toString);
        return p;
    }

    @Test
    void aDeviceThatNeverEndsIsRefusedAtOnce() throws Exception {
        for (String device : List.of("/dev/zero", "/dev/urandom")) {
            assumeTrue(Files.exists(Path.of(device)), device + " exists on this system");
            ConfigProblem p = onlyProblem(device);
            assertTrue(p.message().contains("not a regular file") && p.message().contains(device), p.message());
        }
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = tmp.resolve("secret.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assumeTrue(mk.waitFor() == 0 && Files.exists(fifo), "mkfifo works here");
        long start = System.nanoTime();
        ConfigProblem p = onlyProblem("secret.fifo");
        assertTrue(p.message().contains("not a regular file"), p.message());
        assertTrue(System.nanoTime() - start < QUICK.toNanos());
    }

    @Test
    void aFolderIsRefused() throws Exception {
        Files.createDirectory(tmp.resolve("secrets"));
        assertTrue(onlyProblem("secrets").message().contains("a folder"));
    }

    @Test
    void aFileLargerThan64KbIsRefusedWithoutItsContent() throws Exception {
        Files.writeString(tmp.resolve("big.txt"), "s3cret".repeat(11_000));
        ConfigProblem p = onlyProblem("big.txt");
        assertTrue(p.message().contains("larger than 65536 bytes"), p.message());
        assertFalse(p.message().contains("s3cret"), "the content never appears in a message");
    }

    @Test
    void aFileOfExactly64KbIsRead() throws Exception {
        Files.writeString(tmp.resolve("edge.txt"), "x".repeat(64 * 1024));
        Path config = tmp.resolve("ok.xml");
        Files.writeString(config, "<scada xmlns='urn:scada-mqtt:config:1'><line name='A' protocol='test'><host>h</host>"
                + "<param name='password'>${file:edge.txt}</param></line></scada>");
        assertEquals(64 * 1024, loader.load(config).lines().get(0).parameters().text("password").length());
    }
}
