package org.scadamqtt.mqtt.internal.client;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends QoS 1/2 acknowledgements in arrival order (MQTT 3.1.1 §4.6: PUBACK/PUBREC in the order
 * the PUBLISHes were received; Paho does not reorder manual acks). Stations acknowledge in any
 * order; an acknowledgement waits here until every earlier message of the same connection is
 * acknowledged too. A new connection starts a new sequence: acknowledgements of messages from an
 * earlier connection are ignored (the broker redelivers those). Thread-safe.
 */
final class AckSequencer {

    /** Sends one acknowledgement on the connection the message came from. */
    @FunctionalInterface
    interface AckSender {
        void ack(int messageId, int qos);
    }

    private static final class Pending {
        final long sequence;
        final int messageId;
        final int qos;
        boolean done;

        Pending(long sequence, int messageId, int qos) {
            this.sequence = sequence;
            this.messageId = messageId;
            this.qos = qos;
        }
    }

    private final ArrayDeque<Pending> order = new ArrayDeque<>();
    private final Map<Long, Pending> bySequence = new HashMap<>();
    private AckSender sender;
    private long connection;

    /** Starts a new connection's sequence; pending acknowledgements of the old one are dropped. */
    synchronized long newConnection(AckSender newSender) {
        order.clear();
        bySequence.clear();
        sender = newSender;
        return ++connection;
    }

    /** The connection is gone: nothing more can be acknowledged on it. */
    synchronized void connectionLost() {
        order.clear();
        bySequence.clear();
        sender = null;
    }

    /** A QoS 1/2 message arrived on connection {@code conn} (ignored when that is not the current one). */
    synchronized void arrived(long conn, long sequence, int messageId, int qos) {
        if (conn != connection || sender == null) {
            return;
        }
        Pending p = new Pending(sequence, messageId, qos);
        order.addLast(p);
        bySequence.put(sequence, p);
    }

    /**
     * The host has the message's values.
     *
     * @return false when the message is unknown (earlier connection or already acknowledged)
     */
    synchronized boolean acknowledge(long sequence) {
        Pending p = bySequence.remove(sequence);
        if (p == null) {
            return false;
        }
        p.done = true;
        while (!order.isEmpty() && order.peekFirst().done) {
            Pending head = order.removeFirst();
            sender.ack(head.messageId, head.qos);
        }
        return true;
    }

    /** Messages received but not yet acknowledged to the broker. */
    synchronized int waiting() {
        return order.size();
    }
}
