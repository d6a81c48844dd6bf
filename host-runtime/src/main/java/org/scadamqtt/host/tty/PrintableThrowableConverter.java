package org.scadamqtt.host.tty;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's stack trace ({@code %ex}) with control characters escaped but its lines kept: an
 * exception message may quote a payload (a parse error, a broker's reason). Used by the host's
 * logback.xml as {@code %pex}.
 */
public final class PrintableThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return TerminalText.printableLines(super.convert(event));
    }
}
