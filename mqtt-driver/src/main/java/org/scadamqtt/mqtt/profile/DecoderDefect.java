package org.scadamqtt.mqtt.profile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A decoder's last line of defence: an exception a decoder did not expect is a bug of ours, not a
 * bad payload. The message still only fails (its tags go BAD, the line goes on), but the sentence
 * says so and one line is logged, so a fuzz test can tell such a bug from a payload that is simply
 * wrong ({@link #MARK}).
 */
public final class DecoderDefect {

    /** Words every defect sentence contains, and no sentence about a bad payload does. */
    public static final String MARK = "could not be read because of a defect in the driver";

    private static final Logger LOG = LoggerFactory.getLogger(DecoderDefect.class);

    private DecoderDefect() {
    }

    /**
     * Logs the defect (one line) and returns the sentence for the message's tags.
     *
     * @param what the message, e.g. "Gizwits frame of 12 bytes"
     * @param e    what the decoder threw
     */
    public static String sentence(String what, Throwable e) {
        StackTraceElement[] at = e.getStackTrace();
        LOG.warn("{} {}: {}{} (please report this with the payload)", what, MARK, e,
                at.length > 0 ? " at " + at[0] : "");
        return what + " " + MARK + " (please report it): " + e;
    }

    /** {@link #sentence} as a failed {@link Decoded}. */
    public static Decoded failure(String what, Throwable e) {
        return Decoded.failure(sentence(what, e));
    }

    /** Whether a decoded message failed because of a defect rather than its payload. */
    public static boolean isDefect(Decoded d) {
        return d != null && d.failed() && d.error().contains(MARK);
    }
}
