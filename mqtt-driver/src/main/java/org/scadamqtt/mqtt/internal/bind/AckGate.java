package org.scadamqtt.mqtt.internal.bind;

import org.scadamqtt.mqtt.internal.InboundMessage;

/**
 * The ACK_ID rule of one station: after a message's values are handed to the host, the next
 * message waits until the host writes that message's IN_ID value (0 for QoS 0) to ACK_ID.
 * Only the station worker changes it; {@link #isClosed()} may be read from any thread.
 */
public final class AckGate {

    /** The outcome of an ACK_ID write. */
    public enum Outcome {
        /** The value matched: the waiting message is confirmed and the gate is open again. */
        CONFIRMED,
        /** No message is waiting for a confirmation. */
        NOTHING_PENDING,
        /** The value is not the waiting message's IN_ID. */
        WRONG_VALUE
    }

    /**
     * What a confirmation did.
     *
     * @param outcome   confirmed, nothing pending or wrong value
     * @param message   the message that was waiting (confirmed, or still waiting); null when none
     */
    public record Confirmation(Outcome outcome, InboundMessage message) {
    }

    private final boolean enabled;
    private volatile InboundMessage pending;

    /** @param enabled whether the station has an ACK_ID tag; a disabled gate never closes */
    public AckGate(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether the next message must wait. */
    public boolean isClosed() {
        return pending != null;
    }

    /** The message waiting for its ACK_ID, or null. */
    public InboundMessage pending() {
        return pending;
    }

    /**
     * Records that a message's values reached the host. With ACK_ID the gate closes and the
     * message waits for its confirmation.
     *
     * @return true when the gate closed (the caller must not acknowledge the message yet)
     */
    public boolean delivered(InboundMessage message) {
        if (!enabled) {
            return false;
        }
        if (pending != null) {
            throw new IllegalStateException("a message is already waiting for ACK_ID");
        }
        pending = message;
        return true;
    }

    /** Applies an ACK_ID write; opens the gate when the value is the waiting message's IN_ID. */
    public Confirmation confirm(long value) {
        InboundMessage p = pending;
        if (p == null) {
            return new Confirmation(Outcome.NOTHING_PENDING, null);
        }
        if (p.messageId() != value) {
            return new Confirmation(Outcome.WRONG_VALUE, p);
        }
        pending = null;
        return new Confirmation(Outcome.CONFIRMED, p);
    }

    /** Opens the gate without a confirmation (station switched off); returns what was waiting. */
    public InboundMessage release() {
        InboundMessage p = pending;
        pending = null;
        return p;
    }
}
