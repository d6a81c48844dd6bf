package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.mqtt.internal.Acknowledgement;

class AckSequencerTest {

    /** What the broker got: message ids, negative for the first connection's sender. */
    private final List<Integer> sent = new ArrayList<>();
    /** Handles used in vain: "id stale" or "id repeated". */
    private final List<String> ignored = new ArrayList<>();
    private final AckSequencer.IgnoredAck recordIgnored =
            (id, repeated) -> ignored.add(id + (repeated ? " repeated" : " stale"));

    private AckSequencer sequencer(boolean strict) {
        return new AckSequencer(strict, recordIgnored);
    }

    @Test
    void strictLineOrderAcknowledgesInArrivalOrder() {
        AckSequencer a = sequencer(true);
        long conn = a.newConnection((id, qos) -> sent.add(id));
        Acknowledgement m1 = a.arrived(conn, 101, 1);
        Acknowledgement m2 = a.arrived(conn, 102, 2);
        Acknowledgement m3 = a.arrived(conn, 103, 1);
        m3.acknowledge();
        m2.acknowledge();
        assertEquals(List.of(), sent, "101 is not acknowledged yet: nothing may leave");
        m1.acknowledge();
        assertEquals(List.of(101, 102, 103), sent);
        assertEquals(0, a.waiting());
        assertEquals(List.of(), ignored);
    }

    @Test
    void strictOrderIsNotReleasedByAHandleUsedTwice() {
        AckSequencer a = sequencer(true);
        long conn = a.newConnection((id, qos) -> sent.add(id));
        Acknowledgement m1 = a.arrived(conn, 101, 1);
        Acknowledgement m2 = a.arrived(conn, 102, 1);
        m2.acknowledge();
        m2.acknowledge();
        assertEquals(List.of(), sent, "101 still holds 102 back");
        assertEquals(2, a.waiting());
        m1.acknowledge();
        assertEquals(List.of(101, 102), sent);
        assertEquals(List.of("102 repeated"), ignored);
    }

    @Test
    void aHandleUsedTwiceAcknowledgesOnce() {
        AckSequencer a = sequencer(false);
        long conn = a.newConnection((id, qos) -> sent.add(id));
        Acknowledgement m = a.arrived(conn, 7, 2);
        m.acknowledge();
        m.acknowledge();
        m.acknowledge();
        assertEquals(List.of(7), sent);
        assertEquals(List.of("7 repeated", "7 repeated"), ignored);
    }

    @Test
    void aHandleOfAnEarlierConnectionDoesNothingAfterTheReconnect() {
        AckSequencer a = sequencer(false);
        long first = a.newConnection((id, qos) -> sent.add(-id));
        Acknowledgement old = a.arrived(first, 7, 1);
        a.connectionLost();
        long second = a.newConnection((id, qos) -> sent.add(id));
        Acknowledgement late = a.arrived(first, 8, 1); // late arrival from the old connection
        Acknowledgement redelivered = a.arrived(second, 7, 1); // the broker sends id 7 again
        old.acknowledge();
        late.acknowledge();
        assertEquals(List.of(), sent, "neither may ack id 7 or 8 on the new connection nor on the old one");
        assertEquals(1, a.waiting(), "the redelivered message still waits");
        redelivered.acknowledge();
        assertEquals(List.of(7), sent);
        assertEquals(List.of("7 stale", "8 stale"), ignored);
    }

    @Test
    void aStaleHandleDoesNotReleaseTheNewConnectionsStrictOrder() {
        AckSequencer a = sequencer(true);
        long first = a.newConnection((id, qos) -> sent.add(-id));
        Acknowledgement old = a.arrived(first, 1, 1);
        long second = a.newConnection((id, qos) -> sent.add(id));
        Acknowledgement m1 = a.arrived(second, 1, 1);
        Acknowledgement m2 = a.arrived(second, 2, 1);
        m2.acknowledge();
        old.acknowledge();
        assertEquals(List.of(), sent, "the old handle is not m1 although its id is the same");
        m1.acknowledge();
        assertEquals(List.of(1, 2), sent);
    }

    @Test
    void perStationOrderDoesNotHoldOthersBehindAWaitingMessage() {
        AckSequencer a = sequencer(false);
        long conn = a.newConnection((id, qos) -> sent.add(id));
        Acknowledgement held = a.arrived(conn, 101, 1); // held by a station waiting for its ACK_ID
        Acknowledgement m2 = a.arrived(conn, 102, 1);
        Acknowledgement m3 = a.arrived(conn, 103, 1);
        m2.acknowledge();
        m3.acknowledge();
        assertEquals(List.of(102, 103), sent, "other stations' acknowledgements leave at once");
        assertEquals(1, a.waiting());
        held.acknowledge();
        assertEquals(List.of(102, 103, 101), sent);
    }

    @Test
    void switchingToPerStationOrderReleasesWhatStrictOrderHeld() {
        AckSequencer a = sequencer(true);
        long conn = a.newConnection((id, qos) -> sent.add(id));
        a.arrived(conn, 101, 1);
        Acknowledgement m2 = a.arrived(conn, 102, 1);
        m2.acknowledge();
        assertEquals(List.of(), sent);
        a.strictOrder(false);
        assertEquals(List.of(102), sent);
    }

    @Test
    void aHandleAfterTheConnectionWasLostDoesNothing() {
        AckSequencer a = sequencer(false);
        long conn = a.newConnection((id, qos) -> sent.add(id));
        Acknowledgement m = a.arrived(conn, 5, 1);
        a.connectionLost();
        m.acknowledge();
        Acknowledgement afterLoss = a.arrived(conn, 6, 1); // Paho handed one over while closing
        afterLoss.acknowledge();
        assertEquals(List.of(), sent);
        assertEquals(List.of("5 stale", "6 stale"), ignored);
    }
}
