package org.scadamqtt.mqtt.internal.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * The socket factory of every plain (tcp://, ws://) line: TCP_NODELAY on (Paho never sets it;
 * Nagle plus delayed ACK throttled a QoS 1 subscriber to 72 % of its rate) and a buffered input
 * stream (Paho reads a few bytes per call; buffering gained 21–24 % throughput, see
 * PAHO-NOTES.md). Optionally reports reads to an {@link InboundActivity} for the ping watchdog.
 *
 * <p>Public so benchmarks can give a bare Paho client the same socket:
 * {@code options.setSocketFactory(new NoDelaySocketFactory())}. For ssl:// and wss:// use
 * {@link NoDelaySslSocketFactory}.
 */
public final class NoDelaySocketFactory extends SocketFactory {

    /** Input buffer size: large enough for a burst of small messages per read call. */
    static final int BUFFER = 64 * 1024;

    private final InboundActivity activity;

    /** Without activity tracking. */
    public NoDelaySocketFactory() {
        this(null);
    }

    /** With activity tracking ({@code activity} may be null). */
    public NoDelaySocketFactory(InboundActivity activity) {
        this.activity = activity;
    }

    @Override
    public Socket createSocket() throws IOException {
        return new BufferedSocket(activity);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(SocketAddress remote, SocketAddress local) throws IOException {
        Socket s = new BufferedSocket(activity);
        if (local != null) {
            s.bind(local);
        }
        s.connect(remote);
        return s;
    }

    /** Wraps a socket's input stream in the buffer (and activity tracking). */
    static InputStream buffered(InputStream raw, InboundActivity activity) {
        InputStream in = activity == null ? raw : new ActivityInputStream(raw, activity);
        return new BufferedInputStream(in, BUFFER);
    }

    /** A plain socket with TCP_NODELAY and a buffered input stream. */
    static final class BufferedSocket extends Socket {
        private final InboundActivity activity;
        private InputStream input;

        BufferedSocket(InboundActivity activity) {
            this.activity = activity;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            super.connect(endpoint, timeout);
            setTcpNoDelay(true);
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = buffered(super.getInputStream(), activity);
            }
            return input;
        }
    }
}
