package org.scadamqtt.mqtt.profiles.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scadamqtt.mqtt.profile.Reading;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.DataSet;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.Metric;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.PropertySet;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.PropertyValue;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.Template;
import org.scadamqtt.tag.Reason;

/** Every Sparkplug 3.0 data type, from bytes our generated classes wrote, through the profile's decoder. */
class SparkplugCodecTest {

    private static String json(Metric m) {
        MetricValues.Converted c = MetricValues.value(m, m.getDatatype());
        assertNull(c.problem(), c.problem());
        return c.value().toString();
    }

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    @Test
    void scalarTypesKeepTheirSignRangeAndDecimals() {
        assertEquals("-1", json(Sp.metric("a", -1, DataTypes.INT8).setIntValue(0xFFFFFFFF).build()));
        assertEquals("-2", json(Sp.metric("a", -1, DataTypes.INT16).setIntValue(0xFFFE).build()));
        assertEquals("-3", json(Sp.metric("a", -1, DataTypes.INT32).setIntValue(-3).build()));
        assertEquals("-4", json(Sp.metric("a", -1, DataTypes.INT64).setLongValue(-4).build()));
        assertEquals("255", json(Sp.metric("a", -1, DataTypes.UINT8).setIntValue(255).build()));
        assertEquals("65535", json(Sp.metric("a", -1, DataTypes.UINT16).setIntValue(65535).build()));
        assertEquals("4294967295", json(Sp.metric("a", -1, DataTypes.UINT32).setIntValue(-1).build()));
        assertEquals("18446744073709551615", json(Sp.metric("a", -1, DataTypes.UINT64).setLongValue(-1).build()));
        assertEquals("1.1", json(Sp.metric("a", -1, DataTypes.FLOAT).setFloatValue(1.1f).build()));
        assertEquals("2.25", json(Sp.metric("a", -1, DataTypes.DOUBLE).setDoubleValue(2.25).build()));
        assertEquals("true", json(Sp.metric("a", -1, DataTypes.BOOLEAN).setBooleanValue(true).build()));
        assertEquals("\"x\"", json(Sp.metric("a", -1, DataTypes.STRING).setStringValue("x").build()));
        assertEquals("\"long text\"", json(Sp.metric("a", -1, DataTypes.TEXT).setStringValue("long text").build()));
        assertEquals("\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\"", json(Sp.metric("a", -1, DataTypes.UUID)
                .setStringValue("1b4e28ba-2fa1-11d2-883f-0016d3cca427").build()));
        assertEquals("\"2023-11-14T22:13:20Z\"", json(Sp.metric("a", -1, DataTypes.DATETIME).setLongValue(Sp.T0).build()));
        assertEquals("\"00ff10\"", json(Sp.bytes("a", DataTypes.BYTES, hex("00ff10"))));
        assertEquals("\"cafe\"", json(Sp.bytes("a", DataTypes.FILE, hex("cafe"))));
    }

    @Test
    void arraysFollowTheSpecificationsExamples() {
        // the examples of Sparkplug 3.0 section 6.4.17
        assertEquals("[-23,123]", json(Sp.bytes("a", 22, hex("E9 7B"))));
        assertEquals("[123456789,987654321]", json(Sp.bytes("a", 24, hex("15CD5B07 B168DE3A"))));
        assertEquals("[false,false,true,true,false,true,false,false,true,true,false,true]",
                json(Sp.bytes("a", DataTypes.BOOLEAN_ARRAY, hex("0C000000 34 D0"))));
        assertEquals("[\"ABC\",\"hello\"]", json(Sp.bytes("a", DataTypes.STRING_ARRAY, hex("41424300 68656c6c6f00"))));
        assertEquals("[-2,513]", json(Sp.bytes("a", 23, hex("FEFF 0102"))));
        assertEquals("[-1]", json(Sp.bytes("a", 25, hex("FFFFFFFFFFFFFFFF"))));
        assertEquals("[255,1]", json(Sp.bytes("a", 26, hex("FF01"))));
        assertEquals("[65535]", json(Sp.bytes("a", 27, hex("FFFF"))));
        assertEquals("[4294967295]", json(Sp.bytes("a", 28, hex("FFFFFFFF"))));
        assertEquals("[18446744073709551615]", json(Sp.bytes("a", 29, hex("FFFFFFFFFFFFFFFF"))));
        assertEquals("[1.5]", json(Sp.bytes("a", 30, hex("0000C03F"))));
        assertEquals("[2.5]", json(Sp.bytes("a", 31, hex("0000000000000440"))));
        assertEquals("[\"2023-11-14T22:13:20Z\"]", json(Sp.bytes("a", 34, hex("0068E5CF8B010000"))));
    }

    @Test
    void dataSetTemplateAndPropertiesBecomeJson() {
        DataSet ds = DataSet.newBuilder().setNumOfColumns(2).addColumns("id").addColumns("name")
                .addTypes(DataTypes.INT32).addTypes(DataTypes.STRING)
                .addRows(DataSet.Row.newBuilder().addElements(DataSet.DataSetValue.newBuilder().setIntValue(-1))
                        .addElements(DataSet.DataSetValue.newBuilder().setStringValue("a")))
                .build();
        assertEquals("{\"columns\":[\"id\",\"name\"],\"types\":[\"Int32\",\"String\"],\"rows\":[[-1,\"a\"]]}",
                json(Sp.metric("d", -1, DataTypes.DATASET).setDatasetValue(ds).build()));

        Template t = Template.newBuilder().setTemplateRef("Motor").setIsDefinition(false)
                .addParameters(Template.Parameter.newBuilder().setName("max").setType(DataTypes.INT32).setIntValue(9))
                .addMetrics(Sp.metric("Speed", -1, DataTypes.DOUBLE).setDoubleValue(3.5))
                .build();
        Metric motor = Sp.metric("Motor1", 7, DataTypes.TEMPLATE).setTemplateValue(t).build();
        assertEquals("{\"template_ref\":\"Motor\",\"is_definition\":false,\"parameters\":{\"max\":9},"
                + "\"metrics\":{\"Speed\":3.5}}", json(motor));
        // template members are also metrics of their own, named template/member
        Map<String, MetricValue> values = SparkplugCodec.values(SparkplugCodec.byOwnNames(Sp.payload(0, motor).build()),
                null);
        assertEquals(3.5, values.get("Motor1/Speed").value().asDouble());

        PropertySet props = PropertySet.newBuilder().addKeys("engUnit").addValues(PropertyValue.newBuilder()
                .setType(DataTypes.STRING).setStringValue("rpm")).addKeys("Quality").addValues(PropertyValue.newBuilder()
                .setType(DataTypes.INT32).setIntValue(500)).build();
        Metric withProps = Sp.metric("s", 1, DataTypes.INT32).setIntValue(4).setProperties(props).build();
        JsonNode doc = SparkplugCodec.document(Sp.payload(3, withProps).build(),
                SparkplugCodec.byOwnNames(Sp.payload(3, withProps).build()));
        assertEquals("rpm", doc.at("/metrics/0/properties/engUnit").asText());
        assertEquals("Int32", doc.at("/metrics/0/datatype").asText());
        assertEquals(3, doc.at("/seq").asInt());
        assertEquals(500, SparkplugCodec.quality(withProps));
        Map<String, MetricValue> v = SparkplugCodec.values(SparkplugCodec.byOwnNames(Sp.payload(3, withProps).build()),
                null);
        assertTrue(v.get("s").reading(null).uncertain(), "quality 500 (STALE) makes the value uncertain");
    }

    @Test
    void qualityZeroMakesTheValueBadWhateverElseIsSaid() {
        PropertySet bad = PropertySet.newBuilder().addKeys("Quality").addValues(PropertyValue.newBuilder()
                .setType(DataTypes.INT32).setIntValue(0)).build();
        Metric m = Sp.metric("s", 1, DataTypes.INT32).setIntValue(4).setProperties(bad).build();
        assertEquals(0, SparkplugCodec.quality(m));
        MetricValue v = SparkplugCodec.values(SparkplugCodec.byOwnNames(Sp.payload(3, m).build()), null).get("s");
        for (Reading r : List.of(v.reading(null), v.reading("a seq gap"))) {
            assertEquals(Reason.STATION_ERROR, r.reason(), r::toString);
            assertNull(r.value(), r::toString);
            assertFalse(r.uncertain(), r::toString);
            assertTrue(r.detail().contains("metric 's'") && r.detail().contains("quality as BAD (0)"), r.detail());
        }
        Metric good = Sp.metric("s", 1, DataTypes.INT32).setIntValue(4).build();
        Reading r = SparkplugCodec.values(SparkplugCodec.byOwnNames(Sp.payload(3, good).build()), null).get("s")
                .reading(null);
        assertEquals(Reason.NONE, r.reason(), "no Quality property: GOOD (192)");
        assertEquals(4, r.value().asInt());
    }

    @Test
    void dataSetColumnsOfEveryValueKindAndNestedPropertySetsAndLists() {
        DataSet ds = DataSet.newBuilder().setNumOfColumns(6).addColumns("i8").addColumns("u64").addColumns("t")
                .addColumns("f").addColumns("d").addColumns("b")
                .addTypes(DataTypes.INT8).addTypes(DataTypes.UINT64).addTypes(DataTypes.DATETIME)
                .addTypes(DataTypes.FLOAT).addTypes(DataTypes.DOUBLE).addTypes(DataTypes.BOOLEAN)
                .addRows(DataSet.Row.newBuilder()
                        .addElements(DataSet.DataSetValue.newBuilder().setIntValue(0xFF))
                        .addElements(DataSet.DataSetValue.newBuilder().setLongValue(-1))
                        .addElements(DataSet.DataSetValue.newBuilder().setLongValue(Sp.T0))
                        .addElements(DataSet.DataSetValue.newBuilder().setFloatValue(0.5f))
                        .addElements(DataSet.DataSetValue.newBuilder().setDoubleValue(-2.5))
                        .addElements(DataSet.DataSetValue.newBuilder().setBooleanValue(true)))
                .build();
        assertEquals("{\"columns\":[\"i8\",\"u64\",\"t\",\"f\",\"d\",\"b\"],\"types\":[\"Int8\",\"UInt64\","
                + "\"DateTime\",\"Float\",\"Double\",\"Boolean\"],\"rows\":[[-1,18446744073709551615,"
                + "\"2023-11-14T22:13:20Z\",0.5,-2.5,true]]}",
                json(Sp.metric("d", -1, DataTypes.DATASET).setDatasetValue(ds).build()));

        // 64-bit template parameters follow their type as metrics do: a DateTime is a time, not a number
        Template t = Template.newBuilder().setTemplateRef("T")
                .addParameters(Template.Parameter.newBuilder().setName("since").setType(DataTypes.DATETIME)
                        .setLongValue(Sp.T0))
                .addParameters(Template.Parameter.newBuilder().setName("max").setType(DataTypes.UINT64).setLongValue(-1))
                .build();
        assertEquals("{\"template_ref\":\"T\",\"is_definition\":false,\"parameters\":{\"since\":"
                + "\"2023-11-14T22:13:20Z\",\"max\":18446744073709551615},\"metrics\":{}}",
                json(Sp.metric("t", -1, DataTypes.TEMPLATE).setTemplateValue(t).build()));

        // property values of type PropertySet and PropertySetList (Sparkplug 3.0, 6.4.9-6.4.11)
        PropertySet inner = PropertySet.newBuilder().addKeys("low").addValues(PropertyValue.newBuilder()
                .setType(DataTypes.DOUBLE).setDoubleValue(-1.5)).build();
        PropertySet props = PropertySet.newBuilder()
                .addKeys("limits").addValues(PropertyValue.newBuilder().setType(DataTypes.PROPERTYSET)
                        .setPropertysetValue(inner))
                .addKeys("history").addValues(PropertyValue.newBuilder().setType(DataTypes.PROPERTYSETLIST)
                        .setPropertysetsValue(Payload.PropertySetList.newBuilder().addPropertyset(inner)
                                .addPropertyset(PropertySet.newBuilder().addKeys("on").addValues(PropertyValue
                                        .newBuilder().setType(DataTypes.BOOLEAN).setBooleanValue(false)))))
                .addKeys("none").addValues(PropertyValue.newBuilder().setType(DataTypes.STRING).setIsNull(true))
                .build();
        Metric m = Sp.metric("s", 1, DataTypes.INT32).setIntValue(4).setProperties(props).build();
        JsonNode doc = SparkplugCodec.document(Sp.payload(1, m).build(), SparkplugCodec.byOwnNames(Sp.payload(1, m)
                .build()));
        assertEquals("{\"limits\":{\"low\":-1.5},\"history\":[{\"low\":-1.5},{\"on\":false}],\"none\":null}",
                doc.at("/metrics/0/properties").toString());

        // PropertySet and PropertySetList are property types only: a metric of that type is reported
        for (int type : new int[] {DataTypes.PROPERTYSET, DataTypes.PROPERTYSETLIST}) {
            MetricValues.Converted c = MetricValues.value(Sp.metric("p", -1, type).setIntValue(1).build(), type);
            assertNotNull(c.problem());
            assertTrue(c.problem().contains("only for property values"), c.problem());
        }
    }

    @Test
    void unknownTypesNullsAndMismatchesAreReportedNotFatal() {
        Metric future = Sp.metric("future", -1, 40).setIntValue(1).build();
        Metric nul = Sp.metric("n", -1, DataTypes.INT32).setIsNull(true).build();
        Metric wrong = Sp.metric("w", -1, DataTypes.INT32).setStringValue("x").build();
        Metric ok = Sp.metric("ok", -1, DataTypes.INT32).setIntValue(5).build();
        Payload p = Sp.payload(1, future, nul, wrong, ok).build();
        Map<String, MetricValue> v = SparkplugCodec.values(SparkplugCodec.byOwnNames(
                SparkplugCodec.parse(p.toByteArray()).payload()), null);
        assertTrue(v.get("future").problem().contains("data type number 40, which Sparkplug 3.0 does not define"),
                v.get("future").problem());
        assertEquals(Reason.MISSING_IN_PAYLOAD, v.get("n").reading(null).reason());
        assertTrue(v.get("w").problem().contains("is Int32 but carries a string_value"), v.get("w").problem());
        assertEquals(5, v.get("ok").value().asInt());
        assertTrue(MetricValues.value(Sp.bytes("a", DataTypes.BOOLEAN_ARRAY, hex("09000000 FF")), 32).problem()
                .contains("holds 9 values"));
        assertTrue(MetricValues.value(Sp.bytes("a", 24, hex("010203")), 24).problem().contains("not a multiple of 4"));
    }

    @Test
    void aBrokenPayloadNamesTheByteOffset() {
        byte[] good = Sp.payload(1, Sp.metric("a", -1, DataTypes.STRING).setStringValue("hello").build()).build()
                .toByteArray();
        byte[] cut = Arrays.copyOf(good, good.length - 3);
        SparkplugCodec.Parsed p = SparkplugCodec.parse(cut);
        assertNull(p.payload());
        assertNotNull(p.error());
        assertTrue(p.error().contains("at byte") && p.error().contains("not a Sparkplug B payload"), p.error());
    }
}
