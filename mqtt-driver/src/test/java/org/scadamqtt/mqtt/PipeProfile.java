package org.scadamqtt.mqtt;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.profile.AddressException;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.InputAddress;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.mqtt.profile.ProfileAddress;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profile.Reading;
import org.scadamqtt.mqtt.profile.StationSignal;
import org.scadamqtt.mqtt.profile.WriteRefusedException;

/**
 * A tiny profile that exercises every part of the seam (test scope). Payload {@code node|value|state}:
 * routed by key to the station named like the node ({@code N1+N2} to both); state OFF is a station fault, ON clears it;
 * {@code PIPE=value} reads the value stamped at epoch 1000 ms, {@code PIPE=uncertain} marks it
 * uncertain; {@code PIPE-SET} publishes {@code id|value} on {@code pipe/set/<station>} and completes
 * when {@code pipe/reply} brings {@code id|OK} or {@code id|ERR reason}; payloads starting with
 * {@code dup} are dropped by the profile; {@code boom} makes inspect throw.
 */
final class PipeProfile implements PayloadProfile {

    static final Instant VALUE_TIME = Instant.ofEpochMilli(1000);

    @Override
    public String code() {
        return "PIPE";
    }

    @Override
    public String description() {
        return "test profile";
    }

    @Override
    public List<String> stationKeys(StationConfig station) {
        return station.name().startsWith("N") ? List.of(station.name()) : List.of();
    }

    @Override
    public Optional<ProfileAddress> compile(TagConfig tag, StationConfig station) {
        String a = tag.address();
        if (a.equals("PIPE=value")) {
            return Optional.of((InputAddress) (m, d) -> Reading.of(d.document().get("value"), VALUE_TIME));
        }
        if (a.equals("PIPE=uncertain")) {
            return Optional.of((InputAddress) (m, d) -> Reading.of(d.document().get("value")).uncertain("gap"));
        }
        if (a.equals("PIPE=none")) {
            return Optional.of((InputAddress) (m, d) -> Reading.unchanged());
        }
        if (a.equals("PIPE-SET")) {
            return Optional.of((OutputAddress) r -> {
                throw new IllegalStateException("the session encodes");
            });
        }
        if (a.startsWith("PIPE")) {
            throw new AddressException("PIPE knows value, uncertain, none and PIPE-SET");
        }
        return Optional.empty();
    }

    @Override
    public ProfileSession open(ProfileContext context) {
        return new Session(context);
    }

    private static final class Session implements ProfileSession {
        private final ProfileContext context;
        private final AtomicLong ids = new AtomicLong();

        Session(ProfileContext context) {
            this.context = context;
        }

        @Override
        public Inspection inspect(InboundView m) {
            String text = new String(m.payload(), StandardCharsets.UTF_8);
            if (text.equals("boom")) {
                throw new IllegalStateException("boom");
            }
            if (text.startsWith("dup")) {
                context.count("pipe duplicates");
                return Inspection.handled();
            }
            if (m.topic().equals("pipe/reply")) {
                String[] f = text.split("\\|", 2);
                WriteResult r = f[1].equals("OK") ? WriteResult.success()
                        : WriteResult.failed(WriteFailure.REJECTED, "device says " + f[1]);
                if (!context.completeReply(f[0], r)) {
                    context.count("pipe unknown replies");
                }
                return Inspection.handled();
            }
            Decoded d = decode(m);
            return d.failed() ? Inspection.byTopic(d)
                    : Inspection.routeByKeys(d, List.of(d.document().get("node").asText().split("\\+")));
        }

        @Override
        public Decoded decode(InboundView m) {
            String[] f = new String(m.payload(), StandardCharsets.UTF_8).split("\\|", -1);
            if (f.length != 3) {
                return Decoded.failure("expected node|value|state, found " + f.length + " field(s)");
            }
            ObjectNode doc = JsonNodeFactory.instance.objectNode().put("node", f[0]).put("value", f[1])
                    .put("state", f[2]);
            StationSignal s = switch (f[2]) {
                case "OFF" -> StationSignal.fault("node " + f[0] + " is OFF");
                case "ON" -> StationSignal.clear("node " + f[0] + " is ON", true);
                default -> StationSignal.none();
            };
            return Decoded.of(doc).withBinary(f[1].getBytes(StandardCharsets.US_ASCII)).withSignal(s);
        }

        @Override
        public Outgoing encode(OutputAddress address, org.scadamqtt.mqtt.profile.WriteRequest request) {
            if ("refuse".equals(request.value())) {
                throw new WriteRefusedException(WriteFailure.WRONG_VALUE, "refused by the profile");
            }
            String id = "r" + ids.incrementAndGet();
            return Outgoing.of("pipe/set/" + request.station().name(),
                    (id + "|" + request.value()).getBytes(StandardCharsets.UTF_8)).withQos(1).correlated(id);
        }
    }
}
