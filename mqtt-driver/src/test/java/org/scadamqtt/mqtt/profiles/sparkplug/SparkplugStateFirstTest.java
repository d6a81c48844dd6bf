package org.scadamqtt.mqtt.profiles.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.ActionResult;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.profile.testing.FakeProfileContext;

/**
 * The primary host's STATE birth is the first message of each session (Sparkplug 3.0): Rebirth
 * requests that data arriving before {@code connected()} asks for wait for it, and go out after
 * the birth.
 */
class SparkplugStateFirstTest {

    private final LineConfig line = TestConfigs.line("SPS", List.of("h"), params("payloadType", "SparkplugB",
            "sparkplugHostId", "scada1", "sparkplugRebirthInterval", "60"));
    private final FakeProfileContext ctx = new FakeProfileContext(line,
            Clock.fixed(Instant.ofEpochMilli(Sp.T0), ZoneOffset.UTC));
    private final SparkplugSession session = (SparkplugSession) new SparkplugProfile().open(ctx);

    private void data(String node, long seq) {
        session.inspect(Sp.view("spBv1.0/G1/NDATA/" + node, Sp.payload(seq, Sp.aliasOnly(2).setDoubleValue(1).build())
                .build().toByteArray()));
    }

    private List<String> topics() {
        return ctx.published().stream().map(FakeProfileContext.Published::topic).toList();
    }

    @Test
    void rebirthRequestsOfDataArrivingWhileSubscribingFollowTheStateBirth() {
        data("E1", 4);
        data("E2", 9);
        assertEquals(List.of(), topics(), "nothing before the STATE birth");
        session.connected();
        assertEquals(List.of("spBv1.0/STATE/scada1", "spBv1.0/G1/NCMD/E1", "spBv1.0/G1/NCMD/E2"), topics());
        assertEquals(2, ctx.counted(SparkplugSession.REBIRTHS));
    }

    @Test
    void afterALostConnectionTheNextSessionStartsWithItsStateBirthToo() {
        session.connected();
        session.disconnected();
        data("E3", 1);
        assertEquals(List.of("spBv1.0/STATE/scada1"), topics());
        session.connected();
        assertEquals(List.of("spBv1.0/STATE/scada1", "spBv1.0/STATE/scada1", "spBv1.0/G1/NCMD/E3"), topics());
        data("E4", 1); // online: at once
        assertEquals("spBv1.0/G1/NCMD/E4", topics().get(3));
    }

    @Test
    void aBirthArrivingWhileSubscribingCancelsTheHeldRequest() {
        data("E1", 4);
        session.inspect(Sp.view("spBv1.0/G1/NBIRTH/E1", Sp.payload(0, Sp.bdSeq(1),
                Sp.metric("Speed", 2, DataTypes.DOUBLE).setDoubleValue(1.5).build()).build().toByteArray()));
        session.connected();
        assertEquals(List.of("spBv1.0/STATE/scada1"), topics(), "the birth came anyway: no rebirth needed");
    }

    @Test
    void theOperatorsRebirthIsRefusedUntilTheLineIsOnline() throws Exception {
        ActionResult r = session.action(TestConfigs.station("E1", "G1/E1", params()), "rebirth")
                .toCompletableFuture().get();
        assertFalse(r.ok());
        assertTrue(r.message().contains("not connected and subscribed"), r.message());
        assertEquals(List.of(), topics());
    }
}
