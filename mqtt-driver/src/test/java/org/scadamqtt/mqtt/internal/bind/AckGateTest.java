package org.scadamqtt.mqtt.internal.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.scadamqtt.mqtt.internal.Acknowledgement;
import org.scadamqtt.mqtt.internal.InboundMessage;

class AckGateTest {

    private static InboundMessage msg(int qos, int id) {
        return new InboundMessage("t", new byte[0], qos, id, false, false, Instant.EPOCH, Acknowledgement.NONE);
    }

    @Test
    void closesOnDeliveryAndOpensOnlyForTheRightId() {
        AckGate g = new AckGate(true);
        InboundMessage m = msg(1, 17);
        assertTrue(g.delivered(m));
        assertTrue(g.isClosed());
        AckGate.Confirmation wrong = g.confirm(18);
        assertEquals(AckGate.Outcome.WRONG_VALUE, wrong.outcome());
        assertSame(m, wrong.message());
        assertTrue(g.isClosed());
        AckGate.Confirmation ok = g.confirm(17);
        assertEquals(AckGate.Outcome.CONFIRMED, ok.outcome());
        assertSame(m, ok.message());
        assertFalse(g.isClosed());
        assertEquals(AckGate.Outcome.NOTHING_PENDING, g.confirm(17).outcome());
    }

    @Test
    void qos0IsConfirmedWithZero() {
        AckGate g = new AckGate(true);
        g.delivered(msg(0, 0));
        assertEquals(AckGate.Outcome.CONFIRMED, g.confirm(0).outcome());
    }

    @Test
    void aDisabledGateNeverCloses() {
        AckGate g = new AckGate(false);
        assertFalse(g.delivered(msg(1, 1)));
        assertFalse(g.isClosed());
    }

    @Test
    void releaseOpensAndReturnsTheWaitingMessage() {
        AckGate g = new AckGate(true);
        InboundMessage m = msg(2, 3);
        g.delivered(m);
        assertSame(m, g.release());
        assertFalse(g.isClosed());
        assertNull(g.release());
    }
}
