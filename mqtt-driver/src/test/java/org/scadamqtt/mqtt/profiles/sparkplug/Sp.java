package org.scadamqtt.mqtt.profiles.sparkplug;

import com.google.protobuf.ByteString;
import java.time.Instant;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.Metric;

/** Builders of Sparkplug payloads for tests, with our generated classes. */
final class Sp {

    static final long T0 = 1_700_000_000_000L;

    private Sp() {
    }

    static Metric.Builder metric(String name, long alias, int type) {
        Metric.Builder m = Metric.newBuilder().setTimestamp(T0).setDatatype(type);
        if (name != null) {
            m.setName(name);
        }
        if (alias >= 0) {
            m.setAlias(alias);
        }
        return m;
    }

    static Metric.Builder aliasOnly(long alias) {
        return Metric.newBuilder().setAlias(alias).setTimestamp(T0 + 1000);
    }

    static Metric bdSeq(long v) {
        return Metric.newBuilder().setName("bdSeq").setDatatype(DataTypes.INT64).setLongValue(v).setTimestamp(T0).build();
    }

    static Metric bytes(String name, int type, byte[] b) {
        return metric(name, -1, type).setBytesValue(ByteString.copyFrom(b)).build();
    }

    static Payload.Builder payload(long seq, Metric... metrics) {
        Payload.Builder p = Payload.newBuilder().setTimestamp(T0).setSeq(seq);
        for (Metric m : metrics) {
            p.addMetrics(m);
        }
        return p;
    }

    static InboundView view(String topic, byte[] payload) {
        return new InboundView(topic, payload, 0, false, false, Instant.ofEpochMilli(T0 + 5000));
    }

    static String topic(String type, String device) {
        return "spBv1.0/G1/" + type + "/E1" + (device.isEmpty() ? "" : "/" + device);
    }
}
