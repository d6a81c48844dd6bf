package org.scadamqtt.host.sim;

import java.util.Optional;

/**
 * The topics of {@code sample-config/demo.xml} (see its header comment), which the simulator
 * feeds. Keep both in step.
 */
public final class DemoTopics {

    private DemoTopics() {
    }

    /** JSON meters publish on {@code plant/line1/<meter>}. */
    public static final String METERS = "plant/line1/";
    /** Sensors of line 2 publish on {@code plant/line2/<sensor>} (a regex station). */
    public static final String LINE2 = "plant/line2/";
    /** The gateway's status topic; also its will topic. */
    public static final String GATEWAY_STATUS = "plant/line1/gateway/status";
    /** The gateway's will payload: the broker publishes it when the gateway drops. */
    public static final String GATEWAY_WILL = "{\"online\":false}";
    /** LoRaWAN uplinks in The Things Stack v3 shape: {@code v3/<app>@ttn/devices/<device>/up}. */
    public static final String LORA_PREFIX = "v3/demo-app@ttn/devices/";
    /** The id of the simulated Wirepas gateway (line WIREPAS of demo.xml). */
    public static final String WIREPAS_GATEWAY = "demo-gw";

    /** The DID of line GIZWITS of demo.xml (the line is the device; the simulator its app and server). */
    public static final String GIZWITS_DID = "demoGizwitsDid00000001";
    /** The device id of line WEGNOLOGY of demo.xml (the simulator is the platform). */
    public static final String WEGNOLOGY_DEVICE = "demo-wn-device";

    /** A Wirepas gateway's status topic; its will (state OFF) goes there too. */
    public static String wirepasStatus(String gateway) {
        return "gw-event/status/" + gateway;
    }

    /** Commands arrive under {@code cmd/}; devices subscribe to this filter. */
    public static final String COMMANDS = "cmd/#";

    /**
     * Where a device acknowledges a command: {@code cmd/line1/meter1} → {@code plant/line1/meter1/ack}
     * (station OTHER of demo.xml shows it).
     */
    public static String ackTopic(String commandTopic) {
        return "plant/" + commandTopic.substring(commandTopic.indexOf('/') + 1) + "/ack";
    }

    /** The meter a command topic addresses ({@code cmd/line1/meter1} → {@code meter1}), if any. */
    public static Optional<String> commandTarget(String commandTopic) {
        String prefix = "cmd/line1/";
        return commandTopic.startsWith(prefix) && commandTopic.length() > prefix.length()
                ? Optional.of(commandTopic.substring(prefix.length())) : Optional.empty();
    }
}
