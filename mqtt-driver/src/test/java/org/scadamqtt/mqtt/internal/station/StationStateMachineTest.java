package org.scadamqtt.mqtt.internal.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationState;

/** The D2000 station state as a pure function of what happened, without threads, timers or a host. */
class StationStateMachineTest {

    @Test
    void anOnStationIsComErrUntilTheLineIsUpAndHardErrOnceTheTimeFilterOfThatOutageRanOut() {
        StationStateMachine s = new StationStateMachine(StationControl.ON);
        assertEquals(StationState.StCOMERR, s.state(), "line not up yet");
        assertTrue(s.line(true));
        assertFalse(s.line(true), "no change, nothing to report");
        assertEquals(StationState.StON, s.state());
        assertTrue(s.line(false));
        long outage = s.downEpoch();
        assertEquals(StationState.StCOMERR, s.state(), "within the time filter");
        assertTrue(s.downExpired(outage));
        assertEquals(StationState.StHARDERR, s.state());
        assertTrue(s.line(true));
        assertEquals(StationState.StON, s.state());
    }

    @Test
    void theTimeFilterOfAnEarlierOutageDoesNotExpireALaterOne() {
        StationStateMachine s = new StationStateMachine(StationControl.ON);
        s.line(true);
        s.line(false);
        long first = s.downEpoch();
        s.line(true);
        s.line(false);
        assertFalse(s.downExpired(first), "a timer of the first outage fired late");
        assertEquals(StationState.StCOMERR, s.state());
        assertTrue(s.downExpired(s.downEpoch()));
        assertEquals(StationState.StHARDERR, s.state());
    }

    @Test
    void aWillOrAProfileFaultIsHardErrWhileTheLineIsUpAndTheHostsWishWins() {
        StationStateMachine s = new StationStateMachine(StationControl.ON);
        s.line(true);
        s.will(true);
        assertEquals(StationState.StHARDERR, s.state());
        s.will(false);
        s.profileFault("node 7 is OFF");
        assertEquals(StationState.StHARDERR, s.state());
        s.control(StationControl.SIMUL);
        assertEquals(StationState.StSIMUL, s.state());
        s.control(StationControl.OFF);
        assertEquals(StationState.StOFF, s.state());
        s.control(StationControl.ON);
        s.profileFault(null);
        assertEquals(StationState.StON, s.state());
    }
}
