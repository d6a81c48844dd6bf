package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PacketBoundariesTest {

    private static boolean feed(PacketBoundaries p, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return p.feed(b, 0, b.length);
    }

    @Test
    void wholePacketsEndOnABoundary() {
        PacketBoundaries p = new PacketBoundaries();
        assertFalse(feed(p, 0x20, 0x02, 0x00, 0x00, 0xD0, 0x00)); // CONNACK + PINGRESP
    }

    @Test
    void firstBytesOfAPublishAreInsideAPacketUntilItsLastByte() {
        PacketBoundaries p = new PacketBoundaries();
        assertTrue(feed(p, 0x30));
        assertTrue(feed(p, 0x0A, 0x00, 0x03));
        assertTrue(feed(p, 't', '/', 'x', 'h', 'e', 'l', 'l'));
        assertFalse(feed(p, 'o'));
    }

    @Test
    void multiByteRemainingLengthIsFollowed() {
        PacketBoundaries p = new PacketBoundaries();
        assertTrue(feed(p, 0x30, 0x80)); // length continues
        assertTrue(feed(p, 0x01)); // 128 bytes follow
        byte[] body = new byte[127];
        assertTrue(p.feed(body, 0, body.length));
        assertFalse(p.feed(new byte[] {0x30, 0x00, 0x00}, 2, 1)); // the 128th byte, read from an offset
    }

    @Test
    void aPacketEndingAndTheNextStartingInOneReadIsInside() {
        PacketBoundaries p = new PacketBoundaries();
        assertTrue(feed(p, 0xD0, 0x00, 0x30, 0x05, 0x00));
    }

    @Test
    void aRemainingLengthOverFourBytesIsNotMqttAndGivesUp() {
        PacketBoundaries p = new PacketBoundaries();
        assertFalse(feed(p, 0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01));
        assertFalse(feed(p, 0x30, 0x05));
    }
}
