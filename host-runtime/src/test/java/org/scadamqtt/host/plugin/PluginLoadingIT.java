package org.scadamqtt.host.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.xml.ConfigLoader;
import org.scadamqtt.driver.Driver;
import org.scadamqtt.driver.DriverProvider;
import org.scadamqtt.host.broker.EmbeddedBroker;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.host.tags.TagTable;

/**
 * The self-contained driver plugin (mqtt-driver-VERSION-plugin.jar, Paho/Jackson/commons-lang3
 * relocated) loads from a plugins folder in its own class loader, under a host class loader that
 * does not contain mqtt-driver, Paho or protobuf, and carries real messages: JSON, and Wirepas
 * and Sparkplug B protobuf through the relocated protobuf-java.
 */
@Timeout(120)
class PluginLoadingIT {

    @Test
    void thePluginJarLoadsInItsOwnClassLoaderAndCarriesMessages(@TempDir Path tmp) throws Exception {
        Path plugins = pluginsFolder(tmp);
        ClassLoader hostOnly = new HidingClassLoader(getClass().getClassLoader());
        assertThrows(ClassNotFoundException.class, () -> hostOnly.loadClass("org.scadamqtt.mqtt.MqttDriverProvider"),
                "the host loader of this test must not see mqtt-driver");

        try (DriverRegistry registry = DriverRegistry.load(hostOnly, plugins)) {
            DriverProvider mqtt = registry.provider("mqtt").orElseThrow();
            assertEquals("org.scadamqtt.mqtt.MqttDriverProvider", mqtt.getClass().getName());
            ClassLoader pluginLoader = mqtt.getClass().getClassLoader();
            assertNotSame(getClass().getClassLoader(), pluginLoader);
            assertTrue(pluginLoader.getName().startsWith("plugin:"), pluginLoader.getName());
            assertTrue(registry.drivers().get(0).source().endsWith(".jar"));
            // Paho travels inside the plugin, relocated; the original package is not there
            Class.forName("org.scadamqtt.mqtt.shaded.paho.client.mqttv3.MqttAsyncClient", false, pluginLoader);
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("org.eclipse.paho.client.mqttv3.MqttAsyncClient", false, pluginLoader));

            // and it works: a JSON message reaches the host's tag table through the plugin driver
            withLine(registry, PluginLoadingIT::configXml, tmp, (uri, table) -> publishUntil(uri, table, "plant/meter",
                    "{\"power\":12.5}".getBytes(StandardCharsets.UTF_8), "POWER", 12.5));
        }
    }

    /**
     * A Wirepas line from the plugin jar decodes the public PacketReceivedEvent vector
     * (shared/vectors/wirepas.md): the generated classes and protobuf-java, relocated, work from the
     * jar under a host that has no protobuf at all.
     */
    @Test
    void aWirepasLineFromThePluginJarDecodesAVectorWithTheRelocatedProtobuf(@TempDir Path tmp) throws Exception {
        Path plugins = pluginsFolder(tmp);
        ClassLoader hostOnly = new HidingClassLoader(getClass().getClassLoader());
        assertThrows(ClassNotFoundException.class, () -> hostOnly.loadClass("com.google.protobuf.CodedInputStream"),
                "the host loader of this test must not see protobuf");
        try (DriverRegistry registry = DriverRegistry.load(hostOnly, plugins)) {
            DriverProvider mqtt = registry.provider("mqtt").orElseThrow();
            ClassLoader pluginLoader = mqtt.getClass().getClassLoader();
            Class.forName("org.scadamqtt.mqtt.shaded.protobuf.CodedInputStream", false, pluginLoader);
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("com.google.protobuf.CodedInputStream", false, pluginLoader));
            withLine(registry, PluginLoadingIT::wirepasXml, tmp, (uri, table) -> {
                publishUntil(uri, table, "gw-event/received_data/gw1/sink0/1/10/11",
                        HexFormat.of().parseHex(PACKET_RECEIVED), "NODE42_SRC", 42L);
                TagEntry data = table.tag("NODE42_DATA").orElseThrow();
                assertTrue(data.value().isGood(), data.toString());
                assertEquals(0x0a0bL, data.value().value(), "BIN= reads the application payload 0a0b");
            });
        }
    }

    /** A SparkplugB line from the plugin jar reads an NBIRTH (protobuf Payload) with the protobuf-java inside the jar. */
    @Test
    void aSparkplugLineFromThePluginJarReadsABirthWithTheProtobufInsideTheJar(@TempDir Path tmp) throws Exception {
        Path plugins = pluginsFolder(tmp);
        ClassLoader hostOnly = new HidingClassLoader(getClass().getClassLoader());
        try (DriverRegistry registry = DriverRegistry.load(hostOnly, plugins)) {
            withLine(registry, PluginLoadingIT::sparkplugXml, tmp, (uri, table) -> publishUntil(uri, table,
                    "spBv1.0/G1/NBIRTH/E1", HexFormat.of().parseHex(NBIRTH), "E1_TEMP", 21.5));
        }
    }

    /** NBIRTH of G1/E1, seq 0: bdSeq 0 and metric Temp (alias 1, Double) = 21.5 (checked with protoc --decode_raw). */
    private static final String NBIRTH = "0880d095ffbc3112120a0562645365711880d095ffbc3120045800121a0a0454656d7010011880"
            + "d095ffbc31200a6900000000008035401800";

    /** PacketReceivedEvent of shared/vectors/wirepas.md: gw1/sink0, event 7, from node 42, payload 0a0b. */
    private static final String PACKET_RECEIVED = "0a3242300a0e0a03677731120573696e6b301807102a18ffffffff0f200a280b3032"
            + "3880d095ffbc3140014a020a0b580260b960";

    @Test
    void theSameProtocolOnTheClassPathAndInAPluginIsRefused(@TempDir Path tmp) throws Exception {
        Path plugins = pluginsFolder(tmp);
        PluginException e = assertThrows(PluginException.class,
                () -> DriverRegistry.load(getClass().getClassLoader(), plugins));
        assertEquals("DUPLICATE_PROTOCOL", e.code());
        assertTrue(e.getMessage().contains("protocol 'mqtt'"), e.getMessage());
        assertTrue(e.getMessage().contains("classpath"), e.getMessage());
        assertTrue(e.getMessage().contains(plugins.toString()), e.getMessage());
    }

    interface LineCheck {
        void check(String brokerUri, TagTable table) throws Exception;
    }

    /**
     * Runs the one line of {@code xml(brokerUri)} through the plugin's driver against an embedded
     * broker, with the host's tag table attached, and hands both to {@code check}.
     */
    private static void withLine(DriverRegistry registry, java.util.function.Function<String, String> xml, Path tmp,
            LineCheck check) throws Exception {
        DriverProvider mqtt = registry.provider("mqtt").orElseThrow();
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.freePort())) {
            ScadaConfig cfg = new ConfigLoader(registry.catalog()).load(xml.apply(broker.uri()), "plugin-it.xml");
            String line = cfg.lines().get(0).name();
            TagTable table = new TagTable(cfg);
            Driver driver = mqtt.create(cfg.lines().get(0), table.contextFor(line, tmp.resolve("data"), "it-host"));
            table.attach(line, driver);
            driver.start();
            try {
                check.check(broker.uri(), table);
            } finally {
                driver.stop();
            }
        }
    }

    private static void publishUntil(String uri, TagTable table, String topic, byte[] payload, String tag,
            Object expected) throws Exception {
        MqttAsyncClient pub = new MqttAsyncClient(uri, "plugin-it-pub", new MemoryPersistence());
        pub.connect().waitForCompletion(10_000);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // the driver subscribes in the background: publish until the value arrives
            while (System.nanoTime() < deadline) {
                pub.publish(topic, payload, 1, false).waitForCompletion(5_000);
                Thread.sleep(300);
                TagEntry entry = table.tag(tag).orElseThrow();
                if (entry.value().isGood()) {
                    assertEquals(expected, entry.value().value());
                    return;
                }
            }
            throw new AssertionError("no value reached tag " + tag + " through the plugin driver within 30 s: "
                    + table.tag(tag).orElseThrow() + "; line " + table.lines().get(0));
        } finally {
            pub.disconnect().waitForCompletion(5_000);
            pub.close();
        }
    }

    private static String configXml(String uri) {
        return """
                <scada xmlns="urn:scada-mqtt:config:1">
                  <line name="P" protocol="mqtt">
                    <host>%s</host>
                    <param name="payloadType">JSON</param>
                    <param name="cleanSession">YES</param>
                    <station name="METER" address="plant/meter">
                      <tag name="POWER" type="Ai" address="JA=power"/>
                    </station>
                  </line>
                </scada>
                """.formatted(uri);
    }

    private static String wirepasXml(String uri) {
        return """
                <scada xmlns="urn:scada-mqtt:config:1">
                  <line name="WP" protocol="mqtt">
                    <host>%s</host>
                    <param name="payloadType">Wirepas</param>
                    <param name="cleanSession">YES</param>
                    <param name="topicFilter">gw-event/#</param>
                    <station name="NODE42" address="wirepas/gw1/node/42">
                      <param name="wirepasNode">42</param>
                      <param name="wirepasGateway">gw1</param>
                      <param name="wirepasSink">sink0</param>
                      <tag name="NODE42_SRC" type="Ci" address="JA=wirepas.packet_received_event.source_address"/>
                      <tag name="NODE42_DATA" type="Ci" address="BIN=u16be@0"/>
                    </station>
                  </line>
                </scada>
                """.formatted(uri);
    }

    private static String sparkplugXml(String uri) {
        return """
                <scada xmlns="urn:scada-mqtt:config:1">
                  <line name="SP" protocol="mqtt">
                    <host>%s</host>
                    <param name="payloadType">SparkplugB</param>
                    <param name="cleanSession">YES</param>
                    <param name="topicFilter">spBv1.0/#</param>
                    <param name="sparkplugHostId">plugin-it</param>
                    <station name="E1" address="G1/E1">
                      <tag name="E1_TEMP" type="Ai" address="SP=Temp"/>
                    </station>
                  </line>
                </scada>
                """.formatted(uri);
    }

    /** A plugins folder holding a copy of the plugin jar built by mqtt-driver. */
    static Path pluginsFolder(Path tmp) throws IOException {
        Path jar = null;
        for (String prop : new String[] {"scada.pluginJar", "scada.pluginJarInRepo"}) {
            String p = System.getProperty(prop);
            if (p != null && Files.isRegularFile(Path.of(p))) {
                jar = Path.of(p);
                break;
            }
        }
        if (jar == null) {
            throw new AssertionError("the driver plugin jar is missing (looked at " + System.getProperty("scada.pluginJar")
                    + " and " + System.getProperty("scada.pluginJarInRepo") + "); build it first: "
                    + "mvn -pl mqtt-driver -am install -DskipTests");
        }
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(jar, plugins.resolve("mqtt-driver-plugin.jar"));
        return plugins;
    }

    /**
     * The test's class loader without mqtt-driver, Paho and protobuf: what a host that ships only
     * driver-api and tag-model offers a plugin.
     */
    static final class HidingClassLoader extends ClassLoader {
        private static final String SERVICE = "META-INF/services/" + DriverProvider.class.getName();

        HidingClassLoader(ClassLoader delegate) {
            super("host-without-mqtt-driver", delegate);
        }

        private static boolean hidden(String name) {
            String n = name.replace('/', '.');
            return n.startsWith("org.scadamqtt.mqtt.") || n.startsWith("org.eclipse.paho.")
                    || n.startsWith("com.google.protobuf.");
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (hidden(name)) {
                throw new ClassNotFoundException(name + " is hidden from plugins in this test");
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return name.equals(SERVICE) || hidden(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.equals(SERVICE) || hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
