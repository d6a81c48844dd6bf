package org.scadamqtt.mqtt.internal.client;

import java.util.Iterator;
import java.util.LinkedHashSet;
import org.scadamqtt.mqtt.internal.Acknowledgement;

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
 * Each message gets a handle ({@link #arrived}) bound to its connection. A new connection drops
 * what the old one left pending, so a handle of an earlier connection, or one used a second
 * time, does nothing but report itself as ignored (the broker redelivers those messages).
 * Thread-safe.
 */
final class AckSequencer {

    /** Sends one acknowledgement on the connection the message came from. */
    @FunctionalInterface
    interface AckSender {
        void ack(int messageId, int qos);
    }

    /** Hears of an acknowledgement that was not sent: {@code repeated} true when it was sent already. */
    @FunctionalInterface
    interface IgnoredAck {
        void ignored(int messageId, boolean repeated);
    }

    /** One QoS 1/2 message's handle; its fields are guarded by the sequencer's lock. */
    private final class Handle implements Acknowledgement {
        final int messageId;
        final int qos;
        /** acknowledge() was called (in strict order it may still wait for earlier messages) */
        boolean done;

        Handle(int messageId, int qos) {
            this.messageId = messageId;
            this.qos = qos;
        }

        @Override
        public void acknowledge() {
            AckSequencer.this.acknowledge(this);
        }
    }

    private final IgnoredAck ignored;
    /** Unacknowledged messages of the current connection, in arrival order (identity: no equals). */
    private final LinkedHashSet<Handle> pending = new LinkedHashSet<>();
    private AckSender sender;
    private long connection;
    private boolean strict;

    AckSequencer(IgnoredAck ignored) {
        this(false, ignored);
    }

    AckSequencer(boolean strict, IgnoredAck ignored) {
        this.strict = strict;
        this.ignored = ignored;
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

    /**
     * A QoS 1/2 message arrived on connection {@code conn}; returns its handle. When {@code conn} is
     * no longer the current connection the handle is stale from the start.
     */
    synchronized Acknowledgement arrived(long conn, int messageId, int qos) {
        Handle h = new Handle(messageId, qos);
        if (conn == connection && sender != null) {
            pending.add(h);
        }
        return h;
    }

    private void acknowledge(Handle h) {
        boolean repeated;
        synchronized (this) {
            repeated = h.done;
            if (!repeated && pending.contains(h)) {
                h.done = true;
                if (strict) {
                    release();
                } else {
                    pending.remove(h);
                    sender.ack(h.messageId, h.qos);
                }
                return;
            }
            h.done = true;
        }
        ignored.ignored(h.messageId, repeated);
    }

    /** Sends every done acknowledgement that no earlier pending message holds back. */
    private void release() {
        Iterator<Handle> it = pending.iterator();
        while (it.hasNext()) {
            Handle head = it.next();
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
