package org.scadamqtt.mqtt.profiles.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.tahu.protobuf.SparkplugBProto;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.DataSet;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertySet;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertySetList;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertyValue;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Template;
import org.junit.jupiter.api.Test;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB;

/**
 * Our re-declared sparkplug_b.proto checked against an independent one: the classes Eclipse Tahu
 * (test scope only, version pinned in the parent POM) generated from the public sparkplug_b.proto.
 * The descriptors must agree field by field; what we encode Tahu decodes to the intended fields;
 * what Tahu encodes, every data type included, we decode to the intended values.
 */
class SparkplugTahuTest {

    private static final long T0 = Sp.T0;

    @Test
    void everyMessageFieldAndDataTypeNumberMatchesThePublicProto() {
        List<String> differences = new ArrayList<>();
        compare(SparkplugB.Payload.getDescriptor(), Payload.getDescriptor(), differences);
        compare(SparkplugB.DataType.getDescriptor(), SparkplugBProto.DataType.getDescriptor(), differences);
        assertEquals(List.of(), differences);
        // the walk did reach the nested messages (a vacuous comparison would also find no difference)
        assertEquals(19, Payload.Metric.getDescriptor().getFields().size());
        assertEquals(35, SparkplugBProto.DataType.getDescriptor().getValues().size());
    }

    @Test
    void tahuDecodesOurCommandsAndRebirthRequest() throws Exception {
        Instant now = Instant.ofEpochMilli(T0);
        Payload ncmd = Payload.parseFrom(Commands.write("Motor/Speed", 7L, DataTypes.INT16, -3L, now));
        assertEquals(T0, ncmd.getTimestamp());
        assertFalse(ncmd.hasSeq(), "commands carry no seq");
        Metric m = ncmd.getMetrics(0);
        assertEquals("Motor/Speed", m.getName());
        assertEquals(7, m.getAlias());
        assertEquals(SparkplugBProto.DataType.Int16_VALUE, m.getDatatype());
        assertEquals(Metric.ValueCase.INT_VALUE, m.getValueCase());
        assertEquals(-3, (short) m.getIntValue(), "Int16 -3 travels sign-extended in the uint32 int_value");

        Payload dcmd = Payload.parseFrom(Commands.write("Valve/Open", null, DataTypes.BOOLEAN, true, now));
        assertFalse(dcmd.getMetrics(0).hasAlias());
        assertEquals(SparkplugBProto.DataType.Boolean_VALUE, dcmd.getMetrics(0).getDatatype());
        assertTrue(dcmd.getMetrics(0).getBooleanValue());

        Payload wide = Payload.parseFrom(Commands.write("Total", 9L, DataTypes.UINT64, 5_000_000_000L, now));
        assertEquals(5_000_000_000L, wide.getMetrics(0).getLongValue());
        Payload text = Payload.parseFrom(Commands.write("Recipe", null, DataTypes.STRING, "A-7", now));
        assertEquals("A-7", text.getMetrics(0).getStringValue());
        Payload real = Payload.parseFrom(Commands.write("Setpoint", null, DataTypes.DOUBLE, 2.5, now));
        assertEquals(2.5, real.getMetrics(0).getDoubleValue());

        Payload rebirth = Payload.parseFrom(Commands.rebirth(now));
        assertEquals(1, rebirth.getMetricsCount());
        assertEquals("Node Control/Rebirth", rebirth.getMetrics(0).getName());
        assertEquals(SparkplugBProto.DataType.Boolean_VALUE, rebirth.getMetrics(0).getDatatype());
        assertTrue(rebirth.getMetrics(0).getBooleanValue());
        assertFalse(rebirth.hasSeq());
    }

    @Test
    void weDecodeEveryDataTypeTahuEncodes() {
        List<Metric> metrics = new ArrayList<>(List.of(
                metric("i8", 1).setIntValue(-5 & 0xFF).build(),
                metric("i16", 2).setIntValue(-300 & 0xFFFF).build(),
                metric("i32", 3).setIntValue(-70000).build(),
                metric("i64", 4).setLongValue(-5_000_000_000L).build(),
                metric("u8", 5).setIntValue(250).build(),
                metric("u16", 6).setIntValue(65000).build(),
                metric("u32", 7).setIntValue(0xFFFF_FFFE).build(),
                metric("u64", 8).setLongValue(-2).build(),
                metric("f", 9).setFloatValue(0.25f).build(),
                metric("d", 10).setDoubleValue(-1.5).build(),
                metric("b", 11).setBooleanValue(true).build(),
                metric("s", 12).setStringValue("hi").build(),
                metric("t", 13).setLongValue(T0).build(),
                metric("txt", 14).setStringValue("long").build(),
                metric("id", 15).setStringValue("1b4e28ba-2fa1-11d2-883f-0016d3cca427").build(),
                metric("bytes", 17).setBytesValue(bytes("00ff")).build(),
                metric("file", 18).setBytesValue(bytes("cafe")).build(),
                metric("i8a", 22).setBytesValue(bytes("E97B")).build(),
                metric("i16a", 23).setBytesValue(bytes("FEFF0102")).build(),
                metric("i32a", 24).setBytesValue(bytes("15CD5B07B168DE3A")).build(),
                metric("i64a", 25).setBytesValue(bytes("FFFFFFFFFFFFFFFF")).build(),
                metric("u8a", 26).setBytesValue(bytes("FF01")).build(),
                metric("u16a", 27).setBytesValue(bytes("FFFF")).build(),
                metric("u32a", 28).setBytesValue(bytes("FFFFFFFF")).build(),
                metric("u64a", 29).setBytesValue(bytes("FFFFFFFFFFFFFFFF")).build(),
                metric("fa", 30).setBytesValue(bytes("0000C03F")).build(),
                metric("da", 31).setBytesValue(bytes("0000000000000440")).build(),
                metric("ba", 32).setBytesValue(bytes("03000000A0")).build(),
                metric("sa", 33).setBytesValue(bytes("41424300686900")).build(),
                metric("ta", 34).setBytesValue(bytes("0068E5CF8B010000")).build()));
        metrics.add(metric("table", 16).setDatasetValue(DataSet.newBuilder().setNumOfColumns(3)
                .addColumns("n").addColumns("name").addColumns("on")
                .addTypes(3).addTypes(12).addTypes(11)
                .addRows(DataSet.Row.newBuilder()
                        .addElements(DataSet.DataSetValue.newBuilder().setIntValue(-1))
                        .addElements(DataSet.DataSetValue.newBuilder().setStringValue("a"))
                        .addElements(DataSet.DataSetValue.newBuilder().setBooleanValue(true))))
                .build());
        metrics.add(metric("Motor1", 19).setTemplateValue(Template.newBuilder().setTemplateRef("Motor")
                .setIsDefinition(false)
                .addParameters(Template.Parameter.newBuilder().setName("max").setType(3).setIntValue(9))
                .addMetrics(metric("Speed", 10).setDoubleValue(3.5)))
                .build());
        PropertySet inner = PropertySet.newBuilder().addKeys("low")
                .addValues(PropertyValue.newBuilder().setType(10).setDoubleValue(-1.5)).build();
        metrics.add(metric("q", 3).setIntValue(4).setProperties(PropertySet.newBuilder()
                .addKeys("engUnit").addValues(PropertyValue.newBuilder().setType(12).setStringValue("rpm"))
                .addKeys("limits").addValues(PropertyValue.newBuilder().setType(20).setPropertysetValue(inner))
                .addKeys("history").addValues(PropertyValue.newBuilder().setType(21)
                        .setPropertysetsValue(PropertySetList.newBuilder().addPropertyset(inner)))
                .addKeys("Quality").addValues(PropertyValue.newBuilder().setType(3).setIntValue(500)))
                .build());
        Payload tahu = Payload.newBuilder().setTimestamp(T0).setSeq(4).addAllMetrics(metrics).build();

        SparkplugCodec.Parsed parsed = SparkplugCodec.parse(tahu.toByteArray());
        assertNull(parsed.error());
        assertEquals(4, parsed.payload().getSeq());
        Map<String, MetricValue> v = SparkplugCodec.values(SparkplugCodec.byOwnNames(parsed.payload()), null);
        Map<String, String> expected = Map.ofEntries(
                Map.entry("i8", "-5"), Map.entry("i16", "-300"), Map.entry("i32", "-70000"),
                Map.entry("i64", "-5000000000"), Map.entry("u8", "250"), Map.entry("u16", "65000"),
                Map.entry("u32", "4294967294"), Map.entry("u64", "18446744073709551614"), Map.entry("f", "0.25"),
                Map.entry("d", "-1.5"), Map.entry("b", "true"), Map.entry("s", "\"hi\""),
                Map.entry("t", "\"2023-11-14T22:13:20Z\""), Map.entry("txt", "\"long\""),
                Map.entry("id", "\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\""), Map.entry("bytes", "\"00ff\""),
                Map.entry("file", "\"cafe\""), Map.entry("i8a", "[-23,123]"), Map.entry("i16a", "[-2,513]"),
                Map.entry("i32a", "[123456789,987654321]"), Map.entry("i64a", "[-1]"), Map.entry("u8a", "[255,1]"),
                Map.entry("u16a", "[65535]"), Map.entry("u32a", "[4294967295]"),
                Map.entry("u64a", "[18446744073709551615]"), Map.entry("fa", "[1.5]"), Map.entry("da", "[2.5]"),
                Map.entry("ba", "[true,false,true]"), Map.entry("sa", "[\"ABC\",\"hi\"]"),
                Map.entry("ta", "[\"2023-11-14T22:13:20Z\"]"),
                Map.entry("table", "{\"columns\":[\"n\",\"name\",\"on\"],\"types\":[\"Int32\",\"String\",\"Boolean\"],"
                        + "\"rows\":[[-1,\"a\",true]]}"),
                Map.entry("Motor1", "{\"template_ref\":\"Motor\",\"is_definition\":false,\"parameters\":{\"max\":9},"
                        + "\"metrics\":{\"Speed\":3.5}}"),
                Map.entry("Motor1/Speed", "3.5"), Map.entry("q", "4"));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            MetricValue m = v.get(e.getKey());
            assertNull(m.problem(), e.getKey() + ": " + m.problem());
            assertEquals(e.getValue(), m.value().toString(), e.getKey());
            assertEquals(Instant.ofEpochMilli(T0), m.time(), e.getKey());
        }
        assertEquals(expected.size(), v.size(), "every metric decoded, nothing extra: " + v.keySet());
        assertEquals(500, v.get("q").quality());
        assertEquals("{\"engUnit\":\"rpm\",\"limits\":{\"low\":-1.5},\"history\":[{\"low\":-1.5}],\"Quality\":500}",
                SparkplugCodec.document(parsed.payload(), SparkplugCodec.byOwnNames(parsed.payload()))
                        .at("/metrics/" + (metrics.size() - 1) + "/properties").toString());
    }

    private static Metric.Builder metric(String name, int type) {
        return Metric.newBuilder().setName(name).setTimestamp(T0).setDatatype(type);
    }

    private static ByteString bytes(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }

    private static void compare(Descriptor ours, Descriptor theirs, List<String> out) {
        String where = theirs.getName();
        for (FieldDescriptor t : theirs.getFields()) {
            FieldDescriptor o = ours.findFieldByNumber(t.getNumber());
            if (o == null) {
                out.add(where + ": we lack field " + t.getNumber() + " (" + t.getName() + ")");
                continue;
            }
            String ot = o.getName() + " " + o.getType() + (o.isRepeated() ? " repeated" : "")
                    + (o.getRealContainingOneof() != null ? " oneof " + o.getRealContainingOneof().getName() : "");
            String tt = t.getName() + " " + t.getType() + (t.isRepeated() ? " repeated" : "")
                    + (t.getRealContainingOneof() != null ? " oneof " + t.getRealContainingOneof().getName() : "");
            if (!ot.equals(tt)) {
                out.add(where + " field " + t.getNumber() + ": ours is " + ot + ", the public proto's is " + tt);
            } else if (t.getType() == FieldDescriptor.Type.MESSAGE
                    && !t.getMessageType().getName().equals(o.getMessageType().getName())) {
                out.add(where + " field " + t.getNumber() + ": ours holds " + o.getMessageType().getName()
                        + ", the public proto's holds " + t.getMessageType().getName());
            }
        }
        for (FieldDescriptor o : ours.getFields()) {
            if (theirs.findFieldByNumber(o.getNumber()) == null) {
                out.add(where + ": the public proto has no field " + o.getNumber() + " (our " + o.getName() + ")");
            }
        }
        if (!ranges(ours).equals(ranges(theirs))) {
            out.add(where + ": extension ranges " + ranges(ours) + " vs the public proto's " + ranges(theirs));
        }
        for (Descriptor t : theirs.getNestedTypes()) {
            Descriptor o = ours.findNestedTypeByName(t.getName());
            if (o == null) {
                out.add(where + ": we lack message " + t.getName());
            } else {
                compare(o, t, out);
            }
        }
        for (Descriptor o : ours.getNestedTypes()) {
            if (theirs.findNestedTypeByName(o.getName()) == null) {
                out.add(where + ": the public proto has no message " + o.getName());
            }
        }
    }

    private static void compare(EnumDescriptor ours, EnumDescriptor theirs, List<String> out) {
        for (EnumValueDescriptor t : theirs.getValues()) {
            EnumValueDescriptor o = ours.findValueByNumber(t.getNumber());
            if (o == null || !o.getName().equals(t.getName())) {
                out.add("DataType " + t.getNumber() + ": ours is " + (o == null ? "missing" : o.getName())
                        + ", the public proto's is " + t.getName());
            }
        }
        if (ours.getValues().size() != theirs.getValues().size()) {
            out.add("DataType: we declare " + ours.getValues().size() + " values, the public proto "
                    + theirs.getValues().size());
        }
    }

    private static List<String> ranges(Descriptor d) {
        return d.toProto().getExtensionRangeList().stream().map(r -> r.getStart() + "-" + r.getEnd()).toList();
    }
}
