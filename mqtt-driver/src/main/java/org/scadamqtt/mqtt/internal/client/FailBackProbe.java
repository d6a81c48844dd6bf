package org.scadamqtt.mqtt.internal.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Whether the primary broker answers again: a plain TCP connect, plus the TLS handshake for
 * ssl:// and wss:// (a listening port with a broken certificate is not "back"). No MQTT traffic,
 * so the probe never disturbs a session.
 */
final class FailBackProbe {

    private static final int MAX_TIMEOUT_MS = 5000;

    private FailBackProbe() {
    }

    static boolean answers(BrokerUri primary, SessionSettings settings) {
        int timeout = (int) Math.max(200, Math.min(MAX_TIMEOUT_MS, settings.replyTimeout().toMillis()));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(primary.host(), primary.port()), timeout);
            if (primary.tls()) {
                s.setSoTimeout(timeout);
                SSLSocketFactory f = TlsFactories.create(settings.tls());
                try (SSLSocket ssl = (SSLSocket) f.createSocket(s, primary.host(), primary.port(), false)) {
                    ssl.startHandshake();
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
