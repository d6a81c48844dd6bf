package org.scadamqtt.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.SourceLocation;

class EmbeddedHostsTest {

    private static LineConfig line(String name, String... hosts) {
        return new LineConfig(name, "mqtt", List.of(hosts), 1883, null, List.of(), new SourceLocation("demo.xml", 4, 3));
    }

    @Test
    void recognisesEmbeddedWithOrWithoutSchemeAndPort() {
        assertTrue(EmbeddedHosts.isEmbedded("embedded"));
        assertTrue(EmbeddedHosts.isEmbedded(" Embedded "));
        assertTrue(EmbeddedHosts.isEmbedded("tcp://embedded:1883"));
        assertFalse(EmbeddedHosts.isEmbedded("embedded.example.com"));
        assertFalse(EmbeddedHosts.isEmbedded("tcp://broker"));
    }

    @Test
    void pointsOnlyEmbeddedHostsAtTheBroker() {
        ScadaConfig cfg = new ScadaConfig("demo.xml", List.of(line("A", "embedded", "tcp://backup:1883"),
                line("B", "tcp://real:1883")));
        ScadaConfig pointed = EmbeddedHosts.pointAt(cfg, "tcp://127.0.0.1:5555");
        assertEquals(List.of("tcp://127.0.0.1:5555", "tcp://backup:1883"), pointed.lines().get(0).hosts());
        assertEquals(List.of("tcp://real:1883"), pointed.lines().get(1).hosts());
    }

    @Test
    void withoutBrokerEachEmbeddedLineIsAProblemAtItsLocation() {
        ScadaConfig cfg = new ScadaConfig("demo.xml", List.of(line("A", "embedded"), line("B", "tcp://real")));
        List<ConfigProblem> problems = EmbeddedHosts.problemsWithoutBroker(cfg);
        assertEquals(1, problems.size());
        assertEquals("EMBEDDED_BROKER_OFF", problems.get(0).code());
        assertTrue(problems.get(0).toString().startsWith("demo.xml:4:3: line 'A'"), problems.get(0).toString());
        assertTrue(problems.get(0).message().contains("--embedded-broker"));
    }
}
