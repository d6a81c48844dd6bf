package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SIGHUPs during the start are not lost and do not end the host: one reload once it has started. */
class HangupsTest {

    @Test
    void hangupsDuringTheStartReloadOnceAfterItThenEachReloads() {
        AtomicInteger reloads = new AtomicInteger();
        RunCommand.Hangups h = new RunCommand.Hangups(reloads::incrementAndGet);
        h.signal();
        h.signal();
        assertEquals(0, reloads.get(), "nothing to reload before the start is done");
        h.started();
        assertEquals(1, reloads.get(), "the file may have changed after the start read it: one reload");
        h.signal();
        assertEquals(2, reloads.get());
        RunCommand.Hangups quiet = new RunCommand.Hangups(reloads::incrementAndGet);
        quiet.started();
        assertEquals(2, reloads.get(), "no signal, no reload");
    }
}
