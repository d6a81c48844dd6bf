package org.scadamqtt.bench.soak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy 127.0.0.1:free-port → the broker, between the host and Mosquitto, that makes the
 * network faults (the idea of mqtt-driver's test {@code TcpProxy}, with a half-open link that
 * stays dead as a real one does):
 * <ul>
 * <li>{@link #cut()}: every open connection closed at once (both sides see it); new ones pass.</li>
 * <li>{@link #halfOpen()}: every open connection is dead from now on (bytes read and dropped both
 * ways, nobody is told); new connections are accepted and dead too, until {@link #restore()}. A dead
 * connection stays dead after restore: the client has to notice and connect again. When the client
 * closes its end, the broker's end stays open, as it would behind a pulled cable (Mosquitto learns
 * of it only when the same client id connects again or its keep-alive runs out).</li>
 * </ul>
 */
final class FaultProxy implements AutoCloseable {

    /** One proxied connection. */
    private static final class Link {
        final Socket client;
        final Socket upstream; // null for a connection accepted while the link was down
        volatile boolean dead;

        Link(Socket client, Socket upstream, boolean dead) {
            this.client = client;
            this.upstream = upstream;
            this.dead = dead;
        }
    }

    private final ServerSocket server;
    private final int targetPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile boolean closed;

    private FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "soak-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    /** A proxy to 127.0.0.1:{@code targetPort}. */
    static FaultProxy start(int targetPort) throws IOException {
        return new FaultProxy(targetPort);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Closes every open connection, both ends. */
    void cut() {
        for (Link l : links) {
            closeQuietly(l.client);
            closeQuietly(l.upstream);
        }
        links.clear();
    }

    /** From now on every open and every new connection swallows its bytes, until {@link #restore()}. */
    void halfOpen() {
        down = true;
        links.forEach(l -> l.dead = true);
    }

    /** New connections are forwarded again; the dead ones stay dead. */
    void restore() {
        down = false;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    pause();
                }
                continue;
            }
            try {
                client.setTcpNoDelay(true);
                if (down) {
                    Link l = new Link(client, null, true);
                    links.add(l);
                    pump(l, client, null, "in-dead");
                    continue;
                }
                Socket upstream = new Socket();
                try {
                    upstream.connect(new InetSocketAddress("127.0.0.1", targetPort), 2000);
                    upstream.setTcpNoDelay(true);
                } catch (IOException brokerDown) {
                    closeQuietly(client); // as a stopped broker would: connection refused, near enough
                    closeQuietly(upstream);
                    continue;
                }
                Link l = new Link(client, upstream, false);
                links.add(l);
                pump(l, client, upstream, "up");
                pump(l, upstream, client, "down");
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Link link, Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to == null ? null : to.getOutputStream();
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (!link.dead && out != null) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                    // dead: read and drop, so neither side sees an error or back-pressure
                }
            } catch (IOException e) {
                // this side ended
            } finally {
                closeQuietly(from);
                if (!link.dead) {
                    closeQuietly(to); // a live link passes the close on; a dead one tells nobody
                }
                if (from.isClosed() && (to == null || to.isClosed())) {
                    links.remove(link);
                }
            }
        }, "soak-proxy-" + direction);
        t.setDaemon(true);
        t.start();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // ignore
        }
        cut();
    }
}
