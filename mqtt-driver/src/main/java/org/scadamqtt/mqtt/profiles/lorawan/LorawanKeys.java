package org.scadamqtt.mqtt.profiles.lorawan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.scadamqtt.config.StationConfig;

/**
 * The routing keys of device stations. A message names its device by device id (The Things
 * Stack) and DevEUI (both servers); a station's {@code lorawanDevice} is either, so a value of 16
 * hex digits answers to the DevEUI as well as to a device id of that spelling.
 */
final class LorawanKeys {

    private static final Pattern EUI = Pattern.compile("[0-9A-Fa-f]{16}");

    private LorawanKeys() {
    }

    static String device(String deviceId) {
        return "device:" + deviceId;
    }

    static String eui(String devEui) {
        return "eui:" + devEui;
    }

    /** A DevEUI as 16 upper-case hex digits; null when the text is not one (separators - and : are dropped). */
    static String normaliseEui(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace("-", "").replace(":", "");
        return EUI.matcher(t).matches() ? t.toUpperCase(Locale.ROOT) : null;
    }

    /** The device a station stands for; "" when it has no lorawanDevice. */
    static String deviceOf(StationConfig station) {
        return station.parameters().text(LorawanProfile.DEVICE).strip();
    }

    static List<String> of(StationConfig station) {
        String device = deviceOf(station);
        if (device.isEmpty()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(2);
        keys.add(device(device));
        String eui = normaliseEui(device);
        if (eui != null) {
            keys.add(eui(eui));
        }
        return keys;
    }
}
