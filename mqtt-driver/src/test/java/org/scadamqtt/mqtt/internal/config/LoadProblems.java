package org.scadamqtt.mqtt.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.xml.ConfigLoader;

/** What loading a configuration that must be refused reports, for the config tests (file name m.xml). */
final class LoadProblems {

    private LoadProblems() {
    }

    /** Every problem loading {@code xml} reports; fails when it loads. */
    static List<ConfigProblem> of(ConfigLoader loader, String xml) {
        return assertThrows(ConfigException.class, () -> loader.load(xml, "m.xml")).errors();
    }

    /** The one problem loading {@code xml} reports: its code, its line and words of its message. */
    static ConfigProblem theOnly(ConfigLoader loader, String xml, String code, int line, String... words) {
        List<ConfigProblem> ps = of(loader, xml);
        assertEquals(1, ps.size(), ps::toString);
        ConfigProblem p = ps.get(0);
        assertEquals(code, p.code(), p::toString);
        assertEquals(line, p.location().line(), p::toString);
        for (String w : words) {
            assertTrue(p.message().contains(w), () -> "'" + w + "' missing from: " + p.message());
        }
        return p;
    }
}
