package org.scadamqtt.mqtt.internal.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS counterpart of {@link NoDelaySocketFactory}: wraps an {@link SSLSocketFactory} so that
 * every socket has TCP_NODELAY and a buffered (activity-tracked) input stream. Paho connects a
 * plain socket itself and layers TLS with {@link #createSocket(Socket, String, int, boolean)};
 * the result must stay an {@link SSLSocket} (Paho casts), hence {@link BufferedSslSocket}.
 */
public final class NoDelaySslSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;
    private final InboundActivity activity;

    /** @param delegate the configured TLS factory (trust, keys, versions); {@code activity} may be null */
    public NoDelaySslSocketFactory(SSLSocketFactory delegate, InboundActivity activity) {
        this.delegate = delegate;
        this.activity = activity;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        s.setTcpNoDelay(true);
        return wrap(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
        return new BufferedSslSocket((SSLSocket) delegate.createSocket(), activity);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return wrap(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return wrap(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return wrap(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return wrap(delegate.createSocket(address, port, localAddress, localPort));
    }

    private Socket wrap(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return new BufferedSslSocket((SSLSocket) s, activity);
    }
}
