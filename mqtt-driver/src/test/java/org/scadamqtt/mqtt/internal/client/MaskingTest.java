package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void secretsAreMaskedButAbsenceStaysVisible() {
        assertEquals("****", Secrets.mask("hunter2"));
        assertEquals("", Secrets.mask(""));
        assertEquals("", Secrets.mask(null));
        assertEquals("login failed for ****", Secrets.scrub("login failed for hunter2", "hunter2", ""));
    }

    @Test
    void settingsNeverPrintPasswords() {
        var line = TestLines.line("L", List.of("b"), 1883, Map.of(USER_NAME, "operator", PASSWORD, "s3cr3t-pw",
                TRUST_STORE_PASSWORD, "ts-pw-123", KEY_STORE_PASSWORD, "ks-pw-456"));
        String text = SessionSettings.of(line, "h").toString();
        assertTrue(text.contains("operator"), text);
        assertTrue(text.contains("****"), text);
        assertFalse(text.contains("s3cr3t-pw"), text);
        assertFalse(text.contains("ts-pw-123"), text);
        assertFalse(text.contains("ks-pw-456"), text);
    }

    @Test
    void payloadPreviewEscapesControlCharactersAndShortens() {
        assertEquals("a\\x0ab", LineLog.preview("a\nb".getBytes(StandardCharsets.UTF_8)));
        String big = LineLog.preview("x".repeat(1000).getBytes(StandardCharsets.UTF_8));
        assertTrue(big.length() < 230, big);
        assertTrue(big.endsWith("(1000 bytes)"), big);
    }
}
