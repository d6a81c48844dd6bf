package org.scadamqtt.mqtt.internal.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * An {@link SSLSocketFactory} that lets a delegate make every socket and then passes it through
 * {@link #wrap(Socket)}. The TLS factories of a line differ only in what they do to each socket
 * (limit its TLS versions, set TCP_NODELAY and buffer it), so the eight delegating methods live here once.
 */
abstract class WrappingSslSocketFactory extends SSLSocketFactory {

    /** The factory that makes the sockets (trust, keys, versions). */
    protected final SSLSocketFactory delegate;

    WrappingSslSocketFactory(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    /** What this factory does to every socket the delegate made. */
    protected abstract Socket wrap(Socket s) throws IOException;

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
        return wrap(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
        return wrap(delegate.createSocket());
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
}
