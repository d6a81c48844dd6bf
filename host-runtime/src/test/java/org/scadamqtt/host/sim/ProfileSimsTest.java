package org.scadamqtt.host.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The Gizwits app and WEGnology platform of the demo send what the profiles read. */
class ProfileSimsTest {

    @Test
    void gizwitsFramesAreTheDocumentsBytes() {
        // the public vectors (../shared/vectors/gizwits.md): app -> device 0x0093 SN 0, device ACK 0x0094 SN 4
        assertEquals("000000030a00009300000000111001", HexFormat.of().formatHex(
                GizwitsAppSim.frame(0x0093, 0, new byte[] {0x11, 0x10, 0x01})));
        assertEquals("000000030700009400000004", HexFormat.of().formatHex(GizwitsAppSim.frame(0x0094, 4, new byte[0])));
        assertEquals("00000003d901000091", HexFormat.of().formatHex(GizwitsAppSim.frame(0x0091, -1, new byte[214]), 0, 9),
                "length 217 takes two bytes");
        assertEquals("0000000302100005", HexFormat.of().formatHex(GizwitsAppSim.shortFrame(0x0210, new byte[] {0, 5})));
    }

    @Test
    void wegnologyCommandsCarryTheirTimeInTurnAsDateMillisAndSeconds() {
        Instant t = Instant.parse("2026-12-01T10:00:00.123Z");
        assertTrue(WegnologyPlatformSim.command(0, t).contains("\"time\":{\"$date\":\"2026-12-01T10:00:00.123Z\"}"));
        assertTrue(WegnologyPlatformSim.command(1, t).contains("\"time\":" + t.toEpochMilli() + "}"));
        assertTrue(WegnologyPlatformSim.command(2, t).contains("\"time\":" + t.getEpochSecond() + "}"));
        assertTrue(WegnologyPlatformSim.command(2, t).startsWith("{\"name\":\"set-temperature\",\"payload\":"
                + "{\"temperature\":19.0}"), WegnologyPlatformSim.command(2, t));
    }
}
