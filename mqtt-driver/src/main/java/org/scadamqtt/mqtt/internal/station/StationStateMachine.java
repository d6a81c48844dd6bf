package org.scadamqtt.mqtt.internal.station;

import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationState;

/**
 * The D2000 station state as a pure function of what happened: the host's wish (ON, OFF, SIMUL),
 * the line (up, down, down longer than the time filter), a station will, and a fault signalled by
 * the payload profile. Mutable, used only on the station's lane.
 */
final class StationStateMachine {

    private StationControl control;
    private boolean lineUp;
    private boolean lineDownExpired;
    private long downEpoch;
    private boolean willActive;
    private String profileFault;

    StationStateMachine(StationControl initial) {
        this.control = initial;
    }

    StationState state() {
        return switch (control) {
            case OFF -> StationState.StOFF;
            case SIMUL -> StationState.StSIMUL;
            case ON -> willActive || profileFault != null || (!lineUp && lineDownExpired) ? StationState.StHARDERR
                    : lineUp ? StationState.StON : StationState.StCOMERR;
        };
    }

    StationControl control() {
        return control;
    }

    void control(StationControl c) {
        control = c;
    }

    boolean lineUp() {
        return lineUp;
    }

    /** The line went up or down; false when nothing changed. A new down period starts a new epoch. */
    boolean line(boolean up) {
        if (up == lineUp) {
            return false;
        }
        lineUp = up;
        lineDownExpired = false;
        downEpoch++;
        return true;
    }

    long downEpoch() {
        return downEpoch;
    }

    /** The time filter of the down period {@code epoch} ran out; false when the line came back meanwhile. */
    boolean downExpired(long epoch) {
        if (epoch != downEpoch || lineUp) {
            return false;
        }
        lineDownExpired = true;
        return true;
    }

    void will(boolean active) {
        willActive = active;
    }

    boolean willActive() {
        return willActive;
    }

    /** Why the profile says the device is gone; null to clear. */
    void profileFault(String reason) {
        profileFault = reason;
    }

    String profileFault() {
        return profileFault;
    }
}
