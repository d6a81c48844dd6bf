package org.scadamqtt.mqtt.profiles.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.testing.FakeProfileContext;

/** Downlink events of The Things Stack completing the writes that carry their correlation ids. */
class LorawanSessionTest {

    private final FakeProfileContext context = new FakeProfileContext(null);
    private final LorawanSession session = new LorawanSession(context, LorawanDownlinkTest.TTS);

    private void receive(String file) {
        session.inspect(new InboundView("v3/plant-sensors@ttn/devices/pump-7/down/x", LorawanCases.bytes(file), 0,
                false, false, Instant.EPOCH));
    }

    @Test
    void queuedCompletesAQueuedWriteAndNotASentOne() {
        context.waiting().add("scada-mqtt:queued:00112233aabbccdd");
        receive("tts-downlink-queued.json");
        assertTrue(context.answered().get("scada-mqtt:queued:00112233aabbccdd").ok());
        assertEquals(0, context.counted(LorawanSession.UNKNOWN_ANSWERS));

        receive("tts-downlink-queued.json"); // nobody waits any more
        assertEquals(1, context.counted(LorawanSession.UNKNOWN_ANSWERS));
    }

    @Test
    void sentAndAckCompleteWritesWaitingForThem() {
        context.waiting().add("scada-mqtt:sent:0123456789abcdef");
        context.waiting().add("scada-mqtt:ack:fedcba9876543210");
        receive("tts-downlink-sent.json");
        receive("tts-downlink-ack.json");
        assertTrue(context.answered().get("scada-mqtt:sent:0123456789abcdef").ok());
        assertTrue(context.answered().get("scada-mqtt:ack:fedcba9876543210").ok());
    }

    @Test
    void failedAndNackFailTheWriteWithTheServersReason() {
        context.waiting().add("scada-mqtt:queued:2222222222222222");
        context.waiting().add("scada-mqtt:ack:1111111111111111");
        receive("tts-downlink-failed.json");
        receive("tts-downlink-nack.json");
        WriteResult failed = context.answered().get("scada-mqtt:queued:2222222222222222");
        assertEquals(WriteFailure.REJECTED, failed.failure());
        assertEquals("The Things Stack could not send the downlink: device not found (device_not_found) (device pump-7)",
                failed.message());
        WriteResult nack = context.answered().get("scada-mqtt:ack:1111111111111111");
        assertFalse(nack.ok());
        assertTrue(nack.message().contains("did not acknowledge"), nack.message());
    }

    @Test
    void aFailureAfterTheWriteCompletedIsCounted() {
        receive("tts-downlink-failed.json");
        assertEquals(1, context.counted(LorawanSession.LATE_FAILURES));
        assertTrue(context.answered().isEmpty());
    }

    @Test
    void ourOwnDownlinkRequestIsDroppedAndCounted() {
        receive("tts-downlink-push.json");
        assertEquals(1, context.counted(LorawanSession.OWN_DOWNLINKS));
        assertTrue(context.answered().isEmpty(), "a request completes nothing");
    }
}
