package org.scadamqtt.mqtt.profiles.gizwits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.profile.ReconnectDelay;

class GizwitsRulesTest {

    private static final GizwitsProfile PROFILE = new GizwitsProfile();

    private static LineConfig line(String... pairs) {
        Map<String, String> p = params("payloadType", "Gizwits");
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return TestConfigs.line("G", List.of("localhost"), p);
    }

    private static String errors(LineConfig line) {
        return PROFILE.validate(line).stream().filter(ConfigProblem::isError).map(ConfigProblem::message).toList()
                .toString();
    }

    @Test
    void aDeviceLoginAsGizwitsWantsItPasses() {
        List<ConfigProblem> problems = PROFILE.validate(line("clientId", "did1", "userName", "did1", "password", "pc",
                "keepAlive", "600"));
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void clientIdUserNamePasswordAndKeepAliveAreChecked() {
        assertTrue(errors(line("userName", "x", "password", "pc", "keepAlive", "120")).contains("set clientId to the "
                + "device's DID"));
        assertTrue(errors(line("clientId", "did1", "userName", "other", "password", "pc", "keepAlive", "120"))
                .contains("userName must be the DID like clientId ('did1'), found 'other'"));
        assertTrue(errors(line("clientId", "did1", "userName", "did1", "keepAlive", "120")).contains("passcode"));
        String tooLong = errors(line("clientId", "did1", "userName", "did1", "password", "pc", "keepAlive", "601"));
        assertTrue(tooLong.contains("keepAlive 601 s is more than the 600 s"), tooLong);
        List<ConfigProblem> none = PROFILE.validate(line("clientId", "did1", "userName", "did1", "password", "pc"));
        assertEquals(1, none.size(), none.toString());
        assertTrue(!none.get(0).isError() && none.get(0).message().contains("keepAlive is 0"), none.toString());
        assertTrue(errors(line("clientId", "did1", "userName", "did1", "password", "pc", "keepAlive", "120",
                "gizwitsReportTopic", "dev2app/${ProductKey}/#")).contains("may not contain + or #"));
        assertTrue(errors(line("clientId", "did1", "userName", "did1", "password", "pc", "keepAlive", "120",
                "gizwitsReportTopic", "dev2app/${ProductKey}")).contains("set gizwitsProductKey"));
    }

    @Test
    void reconnectingWaitsTenSecondsMoreAfterEachFailedAttempt() {
        LineConfig l = line();
        assertTrue(PROFILE.reconnectDelay(l, 0, "lost").isEmpty(), "after losing a working connection: the line's");
        for (int n = 1; n <= 5; n++) {
            ReconnectDelay d = PROFILE.reconnectDelay(l, n, "refused").orElseThrow();
            assertEquals(Duration.ofSeconds(10L * n), d.delay());
            assertTrue(d.note().contains("Gizwits rule"), d.note());
        }
        assertEquals(Duration.ofHours(1), PROFILE.reconnectDelay(l, 100_000, "refused").orElseThrow().delay());
    }
}
