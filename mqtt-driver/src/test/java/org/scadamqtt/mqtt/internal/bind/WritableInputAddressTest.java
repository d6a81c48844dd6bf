package org.scadamqtt.mqtt.internal.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scadamqtt.config.SourceLocation;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.config.TagDisplay;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.profiles.json.JsonProfile;
import org.scadamqtt.mqtt.profiles.sparkplug.SparkplugProfile;
import org.scadamqtt.tag.TagType;

/** An input tag marked writable: accepted where the line's profile can send its address, refused elsewhere. */
class WritableInputAddressTest {

    private static TagConfig writable(String address) {
        return new TagConfig("T", TagType.Ai, address, new SourceLocation("plant.xml", 12, 5), TagDisplay.NONE, null,
                true);
    }

    private final StationConfig edge = TestConfigs.station("E1", "G1/E1", TestConfigs.params());

    @Test
    void aSparkplugMetricMarkedWritableIsReadAndWritten() {
        CompiledTag c = AddressCompiler.compile(writable("SP=Speed"), edge, new SparkplugProfile());
        assertTrue(c.ok(), c.error());
        assertTrue(c.isInput(), "it still reads the metric");
        assertTrue(c.isWritable(), "and the host may write it");
        CompiledTag plain = AddressCompiler.compile(TestConfigs.tag("T", "Ai", "SP=Speed"), edge,
                new SparkplugProfile());
        assertFalse(plain.isWritable(), "an input not marked writable stays read-only");
    }

    @Test
    void anAddressTheProfileCanOnlyReadIsAConfigurationError() {
        for (String address : new String[] {"JA=speed", "IN_DATA", "TL=2"}) {
            CompiledTag c = AddressCompiler.compile(writable(address), edge, new JsonProfile());
            assertFalse(c.ok(), address);
            assertEquals("NOT_WRITABLE", c.errorCode(), address);
            assertTrue(c.error().startsWith("address '" + address + "' marked writable, but payload type JSON can only "
                    + "read it"), c.error());
        }
    }
}
