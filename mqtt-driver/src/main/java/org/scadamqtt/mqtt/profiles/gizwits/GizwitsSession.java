package org.scadamqtt.mqtt.profiles.gizwits;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profile.WriteRequest;

/**
 * The Gizwits profile's state for one line (one device). {@link #inspect} decodes each frame once:
 * <ul>
 *   <li>an incoming 0x0093 is acknowledged at once with 0x0094 carrying its SN, on the reply topic
 *       of the app that sent it (gizwitsAutoAck), then goes to the stations like any frame;</li>
 *   <li>a 0x0094 completes the GZ=0093 write waiting for its SN and ends there (unless it carries
 *       P0); one nobody waits for goes to the stations and is counted;</li>
 *   <li>the AppClientId of the last app request is kept for ${AppClientId} in topics of writes.</li>
 * </ul>
 */
final class GizwitsSession implements ProfileSession {

    static final String UNDECODABLE = "gizwits undecodable frames";
    static final String ACKS_SENT = "gizwits ACKs sent";
    static final String ACK_FAILED = "gizwits ACKs not sent";
    static final String UNKNOWN_ACKS = "gizwits ACKs nobody waits for";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProfileContext context;
    private final AtomicLong sn = new AtomicLong(RANDOM.nextInt() & 0xffff_ffffL);
    private volatile String lastApp;

    GizwitsSession(ProfileContext context) {
        this.context = context;
    }

    static String correlation(long sn) {
        return "gizwits-sn:" + sn;
    }

    private GizwitsLine line() {
        return GizwitsLine.of(context == null ? null : context.line());
    }

    @Override
    public Decoded decode(InboundView message) {
        Decoded d = GizwitsCodec.decode(message.payload());
        String app = GizwitsLine.appClientId(message.topic());
        if (!d.failed() && app != null) {
            ((ObjectNode) d.document()).put("appClientId", app);
        }
        return d;
    }

    @Override
    public Inspection inspect(InboundView message) {
        Decoded d = decode(message);
        if (d.failed()) {
            count(UNDECODABLE);
            return Inspection.byTopic(d);
        }
        GizwitsFrame f = (GizwitsFrame) d.body();
        String app = GizwitsLine.appClientId(message.topic());
        if (app != null && GizwitsLine.fromApp(message.topic())) {
            lastApp = app;
        }
        if (f.command() == GizwitsCommands.BUSINESS_ACK_REQUEST && GizwitsLine.fromApp(message.topic())) {
            acknowledge(f, app);
        } else if (f.command() == GizwitsCommands.ACK && context != null) {
            boolean answered = context.completeReply(correlation(f.sn()), WriteResult.success());
            if (!answered) {
                count(UNKNOWN_ACKS);
            } else if (f.data().length == 0) {
                return Inspection.handled();
            }
        }
        return Inspection.byTopic(d);
    }

    /** Answers an app's 0x0093 with 0x0094 and the same SN. */
    private void acknowledge(GizwitsFrame f, String app) {
        GizwitsLine line = line();
        if (context == null || !line.autoAck()) {
            return;
        }
        String topic = line.topic(line.replyTopic(), app);
        if (topic == null) {
            topic = line.topic(line.reportTopic(), null); // no AppClientId in the request topic: to all apps
        }
        if (topic == null) {
            count(ACK_FAILED);
            return;
        }
        byte[] ack = GizwitsCodec.frame(GizwitsCommands.ACK, f.sn(), new byte[0]);
        context.publish(topic, ack, 0, false).whenComplete((v, e) -> count(e == null ? ACKS_SENT : ACK_FAILED));
    }

    @Override
    public Outgoing encode(OutputAddress address, WriteRequest request) {
        if (address instanceof GizwitsCommand c) {
            long next = c.command() == GizwitsCommands.BUSINESS_ACK_REQUEST ? sn.getAndIncrement() & 0xffff_ffffL : -1;
            return c.encode(request, line(), lastApp, next);
        }
        return address.encode(request);
    }

    private void count(String counter) {
        if (context != null) {
            context.count(counter);
        }
    }
}
