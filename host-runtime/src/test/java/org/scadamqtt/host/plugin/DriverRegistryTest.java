package org.scadamqtt.host.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.DriverProvider;

class DriverRegistryTest {

    @Test
    void twoProvidersWithOneProtocolCodeAreRefused() {
        PluginException e = assertThrows(PluginException.class, () -> DriverRegistry.of(List.of(
                new LoadedDriver(new FakeProvider("modbus"), "classpath"),
                new LoadedDriver(new FakeProvider("MODBUS"), "/opt/plugins/modbus2.jar"))));
        assertEquals("DUPLICATE_PROTOCOL", e.code());
        assertTrue(e.getMessage().contains("protocol 'modbus'"), e.getMessage());
        assertTrue(e.getMessage().contains("/opt/plugins/modbus2.jar"), e.getMessage());
    }

    @Test
    void providersAreFoundIgnoringCaseAndTheCatalogCarriesTheirRules() throws Exception {
        DriverRegistry r = DriverRegistry.of(List.of(new LoadedDriver(new FakeProvider("modbus"), "classpath"),
                new LoadedDriver(new FakeProvider("opc"), "classpath")));
        assertTrue(r.provider("Modbus").isPresent());
        assertTrue(r.provider("mqtt").isEmpty());
        assertEquals("modbus, opc", r.protocolList());
        assertEquals(List.of("modbus", "opc"), r.catalog().protocols());
    }

    @Test
    void aDriverWhoseCheckThrowsGivesAProblemNotACrash() throws Exception {
        FakeProvider broken = new FakeProvider("modbus") {
            @Override
            public List<ConfigProblem> validate(LineConfig line) {
                throw new IllegalStateException("driver bug");
            }
        };
        DriverRegistry r = DriverRegistry.of(List.of(new LoadedDriver(broken, "classpath")));
        LineConfig line = new LineConfig("L1", "modbus", List.of("x"), 502, null, List.of(), null);
        List<ConfigProblem> problems = r.catalog().find("modbus").orElseThrow().validator().apply(line);
        assertEquals(1, problems.size());
        assertEquals("DRIVER_CHECK_FAILED", problems.get(0).code());
    }

    @Test
    void aMissingPluginsFolderIsNamed(@TempDir Path tmp) {
        Path missing = tmp.resolve("nope");
        PluginException e = assertThrows(PluginException.class,
                () -> DriverRegistry.load(getClass().getClassLoader(), missing));
        assertEquals("PLUGIN_DIR", e.code());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void aJarWithoutDriverIsIgnoredAndABrokenJarIsNamed(@TempDir Path tmp) throws Exception {
        Files.write(tmp.resolve("notes.txt"), List.of("not a jar"));
        try (DriverRegistry r = DriverRegistry.load(ClassLoader.getPlatformClassLoader(), tmp)) {
            assertTrue(r.drivers().isEmpty(), "the platform loader holds no driver and the folder no jar");
        }
        Files.write(tmp.resolve("broken.jar"), new byte[] {1, 2, 3});
        try (DriverRegistry r = DriverRegistry.load(ClassLoader.getPlatformClassLoader(), tmp)) {
            assertTrue(r.drivers().isEmpty(), "a jar that is not a zip holds no service entry");
        }
    }

    /** A provider double with a given protocol code. */
    static class FakeProvider implements DriverProvider {
        private final String code;

        FakeProvider(String code) {
            this.code = code;
        }

        @Override
        public String protocol() {
            return code;
        }

        @Override
        public String displayName() {
            return "fake " + code;
        }

        @Override
        public List<ParameterDescriptor> lineParameters() {
            return List.of();
        }

        @Override
        public List<ParameterDescriptor> stationParameters() {
            return List.of();
        }

        @Override
        public List<ConfigProblem> validate(LineConfig line) {
            return List.of();
        }

        @Override
        public Driver create(LineConfig line, DriverContext context) {
            throw new UnsupportedOperationException("not used by these tests");
        }
    }
}
