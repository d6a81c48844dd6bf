package org.scadamqtt.host.sim;

/**
 * The topics of {@code sample-config/demo.xml}, which the simulator feeds. Keep both in step: the
 * header comment of demo.xml lists the same topics and payloads.
 */
public final class DemoTopics {

    private DemoTopics() {
    }

    /** JSON meters publish on {@code demo/meters/<id>}. */
    public static final String METERS = "demo/meters/";
    /** Status (birth "online" / will "offline") of the simulated gateway, retained. */
    public static final String STATUS = "demo/status/gateway";
    /** Status payload while the gateway runs. */
    public static final String ONLINE = "online";
    /** Will payload the broker publishes when the gateway drops. */
    public static final String OFFLINE = "offline";
    /** LoRaWAN uplinks in The Things Stack v3 shape. */
    public static final String LORA_UP = "v3/demo-app@ttn/devices/";
    /** Commands to the valve controller: {@code demo/valve/cmd}. */
    public static final String VALVE_CMD = "demo/valve/cmd";
    /** Where the valve controller acknowledges (echoes) commands. */
    public static final String VALVE_REPLY = "demo/valve/reply";
}
