package org.scadamqtt.mqtt.profiles.wegnology;

import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.WriteRefusedException;
import org.scadamqtt.mqtt.profile.WriteRequest;

/**
 * An output tag {@code STATE=attribute}: its writes become one attribute of the device's next
 * state message. The line's session collects and sends them ({@link StateReporter}). Immutable.
 *
 * @param attribute the device attribute's name
 */
record StateAttribute(String attribute) implements OutputAddress {

    @Override
    public Outgoing encode(WriteRequest request) {
        throw new WriteRefusedException(WriteFailure.NOT_WRITABLE, "a STATE= tag is sent by its line's WEGnology "
                + "session");
    }
}
