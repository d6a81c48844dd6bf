package org.scadamqtt.mqtt.profiles.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scadamqtt.tag.convert.IsoDateTime;

/**
 * A network server's {@code received_at} is read by the project's one ISO-8601 reader (issue 9),
 * so the normalised {@code lorawan.received_at} is the instant the ISO8601 time mask reads back.
 */
class MessageReaderTimeTest {

    @ParameterizedTest
    @CsvSource({
        "2024-05-01T10:00:00.123456789Z, 2024-05-01T10:00:00.123456789Z",
        "2024-05-01T12:00:00+02:00, 2024-05-01T10:00:00Z",
        // shapes ISO 8601 allows that java.time's RFC 3339 parser refused
        "2024-05-01T12:00:00+0200, 2024-05-01T10:00:00Z",
        "2024-05-01T10:00:00.1234567891Z, 2024-05-01T10:00:00.123456789Z",
        "2024-05-01 10:00:00Z, 2024-05-01T10:00:00Z",
    })
    void receivedAtIsReadLikeTheIso8601TimeMaskReadsIt(String text, String expected) {
        assertEquals(expected, MessageReader.rfc3339(text));
        assertEquals(IsoDateTime.parse(text, ZoneOffset.UTC).toString(), MessageReader.rfc3339(text));
    }

    @Test
    void whatIsNoTimeIsNull() {
        assertNull(MessageReader.rfc3339(null));
        assertNull(MessageReader.rfc3339(" "));
        assertNull(MessageReader.rfc3339("yesterday"));
        assertNull(MessageReader.rfc3339("2024-02-30T10:00:00Z"));
    }
}
