package org.scadamqtt.mqtt.profile;

/** A compiled output address of a profile (e.g. a Wirepas send_data to one node). */
public non-sealed interface OutputAddress extends ProfileAddress {

    /**
     * Turns one write into a message. Runs on the station's lane.
     *
     * @throws WriteRefusedException when the value cannot be sent (a sentence says why)
     */
    Outgoing encode(WriteRequest request);
}
