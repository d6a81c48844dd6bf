package org.scadamqtt.example.kv;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profile.WriteRefusedException;
import org.scadamqtt.mqtt.profile.WriteRequest;

/** One line's KV state: the command counter, and the acks that complete commands. */
final class KvSession implements ProfileSession {

    private final ProfileContext context;
    private final AtomicLong ids = new AtomicLong();

    KvSession(ProfileContext context) {
        this.context = context;
    }

    @Override
    public Inspection inspect(InboundView message) {
        if (!message.topic().endsWith("/ack")) {
            return Inspection.byTopic();
        }
        Decoded d = decode(message);
        if (d.failed() || !d.document().has("id")) {
            context.count("kv acks unreadable");
            return Inspection.handled();
        }
        String id = d.document().get("id").asText();
        WriteResult r = "1".equals(d.document().path("ok").asText()) ? WriteResult.success()
                : WriteResult.failed(WriteFailure.REJECTED, "the device refused it: " + d.document().path("err")
                        .asText("no reason given"));
        if (!context.completeReply(id, r)) {
            context.count("kv acks nobody waited for");
        }
        return Inspection.handled();
    }

    @Override
    public Decoded decode(InboundView message) {
        String text = new String(message.payload(), StandardCharsets.UTF_8);
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        int at = 0;
        for (String pair : text.split(";", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return Decoded.failure("pair '" + pair + "' at character " + (at + 1) + " is not key=value");
            }
            doc.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            at += pair.length() + 1;
        }
        return Decoded.of(doc);
    }

    @Override
    public Outgoing encode(OutputAddress address, WriteRequest request) {
        KvCommand cmd = (KvCommand) address;
        String value = String.valueOf(request.value());
        if (value.contains(";") || value.contains("=")) {
            throw new WriteRefusedException(WriteFailure.WRONG_VALUE, "a KV value may not contain ';' or '='");
        }
        String id = Long.toString(ids.incrementAndGet());
        byte[] payload = (cmd.key() + "=" + value + ";id=" + id).getBytes(StandardCharsets.UTF_8);
        return Outgoing.of(cmd.topic(), payload).withQos(1).correlated(id);
    }
}
