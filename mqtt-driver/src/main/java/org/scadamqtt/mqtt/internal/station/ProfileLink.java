package org.scadamqtt.mqtt.internal.station;

import java.time.Duration;
import org.scadamqtt.mqtt.internal.profile.PendingReplies;
import org.scadamqtt.mqtt.profile.ProfileSession;

/**
 * What a station's writes need of the line's payload profile.
 *
 * @param session      the line's profile session (encodes profile writes)
 * @param replies      writes waiting for the device's answer
 * @param replyTimeout how long they wait for the device's answer (not for the broker's
 *                     confirmation of the publish: that is writeTimeout, in the session)
 * @param replyTimeoutParameter the line parameter that set {@code replyTimeout}, named in the
 *                     TIMEOUT text: replyTimeout, or writeTimeout when Reply Timeout is 0
 */
public record ProfileLink(ProfileSession session, PendingReplies replies, Duration replyTimeout,
        String replyTimeoutParameter) {
}
