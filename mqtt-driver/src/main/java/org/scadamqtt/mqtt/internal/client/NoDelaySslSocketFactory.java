package org.scadamqtt.mqtt.internal.client;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS counterpart of {@link NoDelaySocketFactory}: wraps an {@link SSLSocketFactory} so that
 * every socket has TCP_NODELAY and a buffered (activity-tracked) input stream. Paho connects a
 * plain socket itself and layers TLS with {@link #createSocket(Socket, String, int, boolean)};
 * the result must stay an {@link SSLSocket} (Paho casts), hence {@link BufferedSslSocket}.
 */
public final class NoDelaySslSocketFactory extends WrappingSslSocketFactory {

    private final InboundActivity activity;

    /** @param delegate the configured TLS factory (trust, keys, versions); {@code activity} may be null */
    public NoDelaySslSocketFactory(SSLSocketFactory delegate, InboundActivity activity) {
        super(delegate);
        this.activity = activity;
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        s.setTcpNoDelay(true);
        return super.createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket() throws IOException {
        return new BufferedSslSocket((SSLSocket) delegate.createSocket(), activity);
    }

    @Override
    protected Socket wrap(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return new BufferedSslSocket((SSLSocket) s, activity);
    }
}
