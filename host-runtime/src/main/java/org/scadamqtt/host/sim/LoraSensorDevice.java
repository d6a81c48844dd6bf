package org.scadamqtt.host.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * A LoRaWAN sensor seen through a network server: each uplink arrives in the envelope of
 * The Things Stack v3 on {@code v3/demo-app@ttn/devices/<device>/up}, with the raw frame
 * ({@code frm_payload}, base64), the decoded payload (temperature, humidity), the radio metadata
 * and {@code uplink_message.received_at} (ISO 8601).
 */
public final class LoraSensorDevice implements SimulatedDevice {

    private final ObjectMapper json = new ObjectMapper();
    private final String deviceId;
    private final String devEui;
    private final Random random;
    private long frameCounter;
    private double temperature = 18;
    private double humidity = 45;

    /**
     * @param deviceId device id (last-but-one topic level)
     * @param devEui   16 hex digits
     * @param seed     random seed
     */
    public LoraSensorDevice(String deviceId, String devEui, long seed) {
        this.deviceId = deviceId;
        this.devEui = devEui;
        this.random = new Random(seed);
    }

    @Override
    public String name() {
        return deviceId;
    }

    @Override
    public List<SimMessage> tick(Instant now) {
        frameCounter++;
        temperature = clamp(temperature + random.nextGaussian() * 0.2, -10, 45);
        humidity = clamp(humidity + random.nextGaussian() * 0.5, 0, 100);
        double battery = Math.round((3.6 - frameCounter * 0.00001) * 1000) / 1000.0;
        // the device's own 6-byte frame: temperature*100 (int16), humidity*10 (uint16), battery mV (uint16)
        byte[] frame = ByteBuffer.allocate(6).putShort((short) Math.round(temperature * 100))
                .putShort((short) Math.round(humidity * 10)).putShort((short) Math.round(battery * 1000)).array();

        ObjectNode root = json.createObjectNode();
        ObjectNode ids = root.putObject("end_device_ids");
        ids.put("device_id", deviceId);
        ids.putObject("application_ids").put("application_id", "demo-app");
        ids.put("dev_eui", devEui);
        root.put("received_at", now.toString());
        ObjectNode up = root.putObject("uplink_message");
        up.put("f_port", 1);
        up.put("f_cnt", frameCounter);
        up.put("frm_payload", Base64.getEncoder().encodeToString(frame));
        ObjectNode decoded = up.putObject("decoded_payload");
        decoded.put("temperature", Math.round(temperature * 100) / 100.0);
        decoded.put("humidity", Math.round(humidity * 10) / 10.0);
        decoded.put("battery", battery);
        ObjectNode rx = up.putArray("rx_metadata").addObject();
        rx.putObject("gateway_ids").put("gateway_id", "gw-1");
        rx.put("rssi", -70 - random.nextInt(40));
        rx.put("snr", Math.round((5 + random.nextGaussian() * 2) * 10) / 10.0);
        ObjectNode settings = up.putObject("settings");
        ObjectNode lora = settings.putObject("data_rate").putObject("lora");
        lora.put("bandwidth", 125000);
        lora.put("spreading_factor", 7);
        settings.put("frequency", "868100000");
        up.put("received_at", now.toString());
        return List.of(SimMessage.text(DemoTopics.LORA_PREFIX + deviceId + "/up", root.toString(), 0, false));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
