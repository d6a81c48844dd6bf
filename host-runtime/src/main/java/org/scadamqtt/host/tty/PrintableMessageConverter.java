package org.scadamqtt.host.tty;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with every control character escaped ({@link TerminalText#printable}).
 * Log lines quote what came from outside (topics, payloads with {@code fullDebug=YES}, broker
 * messages, HTTP headers); escaped here once, no log statement can forget it. Used by the host's
 * logback.xml as {@code %pmsg}.
 */
public final class PrintableMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return TerminalText.printable(event.getFormattedMessage());
    }
}
