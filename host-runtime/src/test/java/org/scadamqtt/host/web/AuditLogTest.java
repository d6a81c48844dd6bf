package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;
import org.scadamqtt.testsupport.LogCapture;

/**
 * Issue 11, "audit trail in the host log": a write and a refused (401) request each leave one INFO
 * line under the logger {@code org.scadamqtt.host.audit} with the client address, the tag, the old
 * and new value and the result, logged when the host answered (the log's own time stamp).
 */
class AuditLogTest {

    @RegisterExtension
    final RunningConsole running = new RunningConsole("s3cret");
    @RegisterExtension
    final LogCapture audit = LogCapture.of("org.scadamqtt.host.audit");
    private final FakeHostApi host = running.host();
    private final ConsoleHttp http = running.http();

    @Test
    void aWriteIsLoggedWithClientTagOldAndNewValueAndResult() throws Exception {
        host.setTag("setpoint", "S1", TagType.Ao, TagValue.good(TagType.Ao, 5.5, FakeHostApi.T0, FakeHostApi.T0));
        Instant before = Instant.now();
        assertEquals(200, http.post("/api/tags/setpoint", "{\"value\": 7}", "application/json", "Bearer s3cret")
                .status());
        Instant after = Instant.now();

        ILoggingEvent line = onlyLine();
        assertEquals(Level.INFO, line.getLevel());
        assertEquals("audit write setpoint from 127.0.0.1: 5.5 -> 7 = OK", line.getFormattedMessage());
        assertLoggedBetween(before, after, line);
    }

    @Test
    void aRefusedRequestIsLoggedWithClientTargetAndResult() throws Exception {
        Instant before = Instant.now();
        assertEquals(401, http.post("/api/tags/setpoint", "{\"value\": 7}", "application/json", "Bearer wrong")
                .status());
        Instant after = Instant.now();

        ILoggingEvent line = onlyLine();
        assertEquals(Level.INFO, line.getLevel());
        // the body of a request without the token is never read: there is no new value to log
        assertEquals("audit refused POST /api/tags/setpoint from 127.0.0.1: null -> null = UNAUTHORIZED "
                + "(wrong write token)", line.getFormattedMessage());
        assertLoggedBetween(before, after, line);
        assertEquals(0, host.writes.size(), "a refused write never reaches the host");
    }

    private ILoggingEvent onlyLine() {
        List<ILoggingEvent> events = audit.events();
        assertEquals(1, events.size(), audit.lines().toString());
        return events.get(0);
    }

    private static void assertLoggedBetween(Instant before, Instant after, ILoggingEvent line) {
        Instant logged = Instant.ofEpochMilli(line.getTimeStamp());
        assertTrue(!logged.isBefore(before.minusMillis(1)) && !logged.isAfter(after.plusMillis(1)),
                "logged at " + logged + ", not while the request ran (" + before + " .. " + after + ")");
    }
}
