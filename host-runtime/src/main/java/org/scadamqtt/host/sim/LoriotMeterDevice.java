package org.scadamqtt.host.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A LoRaWAN water meter seen through LORIOT, for line LORIOT of demo.xml: each uplink is a
 * LORIOT {@code {"cmd":"rx",…}} message on {@link #UPLINKS} (one topic for all devices, as a
 * LORIOT MQTT output publishes), with {@code ts} in epoch ms and the device's 4-byte frame as hex
 * in {@code data}: flow in l/h (u16 big-endian), then the valve state (byte 2, bit 0) and the
 * battery in percent (byte 3).
 */
public final class LoriotMeterDevice implements SimulatedDevice {

    /** Where the simulated LORIOT output publishes uplinks (and LORIOT's answers to downlinks). */
    public static final String UPLINKS = "loriot/demo/up";
    /** Where it takes downlinks ({"cmd":"tx",…}). */
    public static final String DOWNLINKS = "loriot/demo/down";
    /** The meter's DevEUI. */
    public static final String EUI = "BE7A000000001465";

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private long frameCounter;
    private double flow = 850;

    public LoriotMeterDevice(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public String name() {
        return "loriot-" + EUI;
    }

    @Override
    public List<SimMessage> tick(Instant now) {
        frameCounter++;
        flow = Math.max(0, Math.min(2000, flow + random.nextGaussian() * 20));
        int f = (int) Math.round(flow);
        byte[] frame = {(byte) (f >> 8), (byte) f, 1, (byte) (100 - frameCounter / 10_000 % 100)};
        ObjectNode m = json.createObjectNode();
        m.put("cmd", "rx");
        m.put("seqno", frameCounter);
        m.put("EUI", EUI);
        m.put("ts", now.toEpochMilli());
        m.put("fcnt", frameCounter);
        m.put("port", 1);
        m.put("freq", 868500000);
        m.put("rssi", -90 - random.nextInt(30));
        m.put("snr", Math.round((2 + random.nextGaussian() * 3) * 10) / 10.0);
        m.put("toa", 185);
        m.put("dr", "SF9 BW125 4/5");
        m.put("ack", false);
        m.put("bat", 254);
        m.put("data", HexFormat.of().formatHex(frame));
        return List.of(SimMessage.text(UPLINKS, m.toString(), 0, false));
    }
}
