package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.xml.ConfigLoader;
import org.scadamqtt.mqtt.internal.config.MqttProtocolRules;

/**
 * Every whole configuration shown in docs/*.md (an {@code ```xml} block containing {@code <scada})
 * loads with the MQTT rules without a single problem, so an engineer can copy it as it is.
 * Snippets that are deliberately partial must not contain {@code <scada}.
 */
class DocsExamplesTest {

    private static final ConfigLoader LOADER = new ConfigLoader(MqttProtocolRules.catalog());

    @TestFactory
    Stream<DynamicTest> everyWholeConfigurationInTheDocsLoadsWithoutProblems() throws IOException {
        List<DocsExamples.Example> all = new ArrayList<>();
        for (Path md : DocsExamples.markdownFiles()) {
            all.addAll(DocsExamples.examples(md));
        }
        assertFalse(all.isEmpty(), "no whole <scada> example found in " + DocsExamples.DOCS.toAbsolutePath());
        return all.stream().map(e -> DynamicTest.dynamicTest(e.where(), () -> {
            try {
                ScadaConfig c = LOADER.load(e.xml(), e.where());
                assertFalse(c.lines().isEmpty(), e.where() + " has no line");
                assertEquals(List.of(), c.warnings(), e.where() + " loads with warnings");
            } catch (ConfigException ex) {
                fail(e.where() + " does not load:\n" + ex.getMessage() + "\n--- example ---\n" + e.xml());
            }
        }));
    }

    @Test
    void theStationAndRoutingPagesHaveWholeExamples() throws IOException {
        assertTrue(DocsExamples.examples("stations-and-tags.md").size() >= 1,
                "docs/stations-and-tags.md needs a whole <scada> example an engineer can copy");
        assertTrue(DocsExamples.examples("routing-and-addresses.md").size() >= 1,
                "docs/routing-and-addresses.md needs a whole <scada> example an engineer can copy");
    }

    /** The collector and the loader together do catch a wrong example (the test above can fail). */
    @Test
    void aBrokenCopyOfAnExampleIsReported() throws IOException {
        DocsExamples.Example e = DocsExamples.example("stations-and-tags.md", "name=\"PUMP1\"");
        // JA= tags on a TEXT line are a configuration error (stations-and-tags.md, "Payload Type Text only")
        String text = e.xml().replace("<param name=\"payloadType\">JSON</param>", "");
        assertFalse(text.equals(e.xml()), "the example sets payloadType JSON");
        ConfigException ex = assertThrows(ConfigException.class, () -> LOADER.load(text, e.where()));
        // JA_NEEDS_JSON for the JA= tags; TIME_FIELD_NEEDS_JSON for the time field
        assertEquals(List.of("TIME_FIELD_NEEDS_JSON", "JA_NEEDS_JSON"),
                ex.errors().stream().map(ConfigProblem::code).toList(), ex.getMessage());
    }
}
