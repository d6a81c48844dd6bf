package org.scadamqtt.mqtt.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** Every optional attribute the schema allows on {@code <tag>} is named in the reference's Tags section. */
    @Test
    void everyOptionalTagAttributeOfTheSchemaIsInTheTagsSection() throws Exception {
        String xsd;
        try (InputStream in = ConfigurationDocTest.class.getResourceAsStream("/org/scadamqtt/config/xml/scada-config-1.xsd")) {
            assertNotNull(in, "the schema is on the class path");
            xsd = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher tagType = Pattern.compile("<xs:complexType name=\"tagType\">(.*?)</xs:complexType>", Pattern.DOTALL)
                .matcher(xsd);
        assertTrue(tagType.find(), "the schema has a tagType");
        Matcher optional = Pattern.compile("<xs:attribute name=\"(\\w+)\"[^>]*use=\"optional\"").matcher(tagType.group(1));
        List<String> attributes = new ArrayList<>();
        while (optional.find()) {
            attributes.add(optional.group(1));
        }
        assertTrue(attributes.contains("default"), attributes::toString);
        String doc = ReferenceDoc.render();
        String tags = doc.substring(doc.indexOf("## Tags\n"), doc.indexOf("\n## ", doc.indexOf("## Tags\n")));
        for (String a : attributes) {
            assertTrue(tags.contains("`" + a + "`"), "the Tags section does not name attribute '" + a + "'");
        }
        assertTrue(tags.contains("(stations-and-tags.md#default-value-of-an-output-tag)"), "links the default's page");
    }
}
