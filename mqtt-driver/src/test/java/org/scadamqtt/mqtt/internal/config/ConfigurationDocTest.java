package org.scadamqtt.mqtt.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.mqtt.MqttParameters;

/**
 * docs/configuration.md is generated from the parameter table; this fails when the committed file
 * is stale. With {@code -Dscada.docs.write=true} it rewrites the file instead (see
 * {@link ReferenceDoc#REGENERATE}).
 */
class ConfigurationDocTest {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    void committedReferenceIsCurrent() throws Exception {
        String generated = ReferenceDoc.render();
        if (Boolean.getBoolean("scada.docs.write")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        String hint = DOC.toAbsolutePath().normalize() + " is missing or stale; regenerate it from the repository "
                + "root with:\n  " + ReferenceDoc.REGENERATE + "\nand commit the result";
        assertTrue(Files.exists(DOC), hint);
        String committed = Files.readString(DOC, StandardCharsets.UTF_8);
        assertEquals(generated, committed, hint);
    }

    @Test
    void everyParameterAndAddressIsInTheReference() {
        String doc = ReferenceDoc.render();
        for (ParameterDescriptor d : MqttParameters.LINE_PARAMETERS) {
            assertTrue(doc.contains("| `" + d.name() + "` |"), d.name());
        }
        for (ParameterDescriptor d : MqttParameters.STATION_PARAMETERS) {
            assertTrue(doc.contains("| `" + d.name() + "` |"), d.name());
        }
        for (TagRules.AddressRule r : TagRules.ADDRESSES) {
            assertTrue(doc.contains("| `" + r.address() + "` |"), r.address());
        }
        assertTrue(doc.contains(ReferenceDoc.REGENERATE), "the header tells how to regenerate");
        assertTrue(doc.contains("| `subscribeQos` | Subscribe QoS | QoS | `QoS_1` |"), "defaults from the table");
        assertTrue(doc.contains("`TEXT` (also \"text only\")"), "D2000 spellings of choices");
    }
}
