package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckSequencerTest {

    private final List<Integer> sent = new ArrayList<>();

    @Test
    void strictLineOrderAcknowledgesInArrivalOrder() {
        AckSequencer a = new AckSequencer(true);
        long conn = a.newConnection((id, qos) -> sent.add(id));
        a.arrived(conn, 1, 101, 1);
        a.arrived(conn, 2, 102, 2);
        a.arrived(conn, 3, 103, 1);
        assertTrue(a.acknowledge(3));
        assertTrue(a.acknowledge(2));
        assertEquals(List.of(), sent, "101 is not acknowledged yet: nothing may leave");
        assertTrue(a.acknowledge(1));
        assertEquals(List.of(101, 102, 103), sent);
        assertEquals(0, a.waiting());
    }

    @Test
    void messagesOfAnEarlierConnectionAreIgnored() {
        AckSequencer a = new AckSequencer();
        long first = a.newConnection((id, qos) -> sent.add(-id));
        a.arrived(first, 1, 7, 1);
        a.connectionLost();
        long second = a.newConnection((id, qos) -> sent.add(id));
        a.arrived(first, 2, 8, 1); // late arrival from the old connection
        a.arrived(second, 3, 7, 1);
        assertFalse(a.acknowledge(1), "old message: the broker redelivers it");
        assertFalse(a.acknowledge(2));
        assertTrue(a.acknowledge(3));
        assertEquals(List.of(7), sent);
        assertFalse(a.acknowledge(3), "twice is once");
    }

    @Test
    void perStationOrderDoesNotHoldOthersBehindAWaitingMessage() {
        AckSequencer a = new AckSequencer();
        long conn = a.newConnection((id, qos) -> sent.add(id));
        a.arrived(conn, 1, 101, 1); // held by a station waiting for its ACK_ID
        a.arrived(conn, 2, 102, 1);
        a.arrived(conn, 3, 103, 1);
        assertTrue(a.acknowledge(2));
        assertTrue(a.acknowledge(3));
        assertEquals(List.of(102, 103), sent, "other stations' acknowledgements leave at once");
        assertEquals(1, a.waiting());
        assertTrue(a.acknowledge(1));
        assertEquals(List.of(102, 103, 101), sent);
        assertFalse(a.acknowledge(1), "twice is once");
    }

    @Test
    void switchingToPerStationOrderReleasesWhatStrictOrderHeld() {
        AckSequencer a = new AckSequencer(true);
        long conn = a.newConnection((id, qos) -> sent.add(id));
        a.arrived(conn, 1, 101, 1);
        a.arrived(conn, 2, 102, 1);
        assertTrue(a.acknowledge(2));
        assertEquals(List.of(), sent);
        a.strictOrder(false);
        assertEquals(List.of(102), sent);
    }
}
