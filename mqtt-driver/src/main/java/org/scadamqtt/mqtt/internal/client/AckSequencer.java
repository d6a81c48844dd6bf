package org.scadamqtt.mqtt.internal.client;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Sends QoS 1/2 acknowledgements. Each station acknowledges its own messages in arrival order
 * (its worker is sequential). Across stations there are two modes:
 * <ul>
 * <li>strict (line parameter {@code ackOrder} = LINE): MQTT 3.1.1 §4.6 to the letter, PUBACK/PUBREC
 * in the order the PUBLISHes arrived on the connection; an acknowledgement waits here until every
 * earlier message is acknowledged too. A message held for ACK_ID then holds back the whole line's
 * acknowledgements, the broker's in-flight window fills and it stops delivering QoS 1/2 to every
 * station until the host confirms.</li>
 * <li>per station (STATION, the default): an acknowledgement leaves as soon as its message is
 * done, so one station waiting for its ACK_ID never stalls the others. Nothing can be lost by
 * it: a message not yet acknowledged is delivered again by the broker after a reconnect.
 * Mosquitto and HiveMQ accept acknowledgements in any order.</li>
 * </ul>
 * A new connection starts a new sequence: acknowledgements of messages from an earlier connection
 * are ignored (the broker redelivers those). Thread-safe.
 */
final class AckSequencer {

    /** Sends one acknowledgement on the connection the message came from. */
    @FunctionalInterface
    interface AckSender {
        void ack(int messageId, int qos);
    }

    private static final class Pending {
        final int messageId;
        final int qos;
        boolean done;

        Pending(int messageId, int qos) {
            this.messageId = messageId;
            this.qos = qos;
        }
    }

    /** Unacknowledged messages of the current connection by sequence, in arrival order. */
    private final LinkedHashMap<Long, Pending> pending = new LinkedHashMap<>();
    private AckSender sender;
    private long connection;
    private boolean strict;

    AckSequencer() {
        this(false);
    }

    AckSequencer(boolean strict) {
        this.strict = strict;
    }

    /** Switches between strict line order (true) and per-station order (false). */
    synchronized void strictOrder(boolean strictLineOrder) {
        this.strict = strictLineOrder;
        if (!strictLineOrder) {
            release();
        }
    }

    /** Starts a new connection's sequence; pending acknowledgements of the old one are dropped. */
    synchronized long newConnection(AckSender newSender) {
        pending.clear();
        sender = newSender;
        return ++connection;
    }

    /** The connection is gone: nothing more can be acknowledged on it. */
    synchronized void connectionLost() {
        pending.clear();
        sender = null;
    }

    /** A QoS 1/2 message arrived on connection {@code conn} (ignored when that is not the current one). */
    synchronized void arrived(long conn, long sequence, int messageId, int qos) {
        if (conn != connection || sender == null) {
            return;
        }
        pending.put(sequence, new Pending(messageId, qos));
    }

    /**
     * The host has the message's values.
     *
     * @return false when the message is unknown (earlier connection or already acknowledged)
     */
    synchronized boolean acknowledge(long sequence) {
        Pending p = pending.get(sequence);
        if (p == null || p.done) {
            return false;
        }
        p.done = true;
        if (strict) {
            release();
        } else {
            pending.remove(sequence);
            sender.ack(p.messageId, p.qos);
        }
        return true;
    }

    /** Sends every done acknowledgement that no earlier pending message holds back. */
    private void release() {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending head = it.next();
            if (!head.done && strict) {
                return;
            }
            if (head.done) {
                it.remove();
                sender.ack(head.messageId, head.qos);
            }
        }
    }

    /** Messages received but not yet acknowledged to the broker. */
    synchronized int waiting() {
        return pending.size();
    }
}
