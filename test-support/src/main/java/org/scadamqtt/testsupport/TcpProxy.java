package org.scadamqtt.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small TCP proxy 127.0.0.1:free-port → target, to simulate network failures.
 *
 * <p>How to use (README):
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.start("127.0.0.1", EmbeddedHiveMq.get().tcpPort())) {
 *     proxy.port(); proxy.uri();   // connect the client here: "tcp://127.0.0.1:PORT"
 *     proxy.cut();                 // closes every open connection now (RST-like loss); new ones still pass
 *     proxy.refuse();              // cut + new connections are closed at once (broker "down")
 *     proxy.halfOpen();            // sockets stay open but all traffic both ways is swallowed
 *     proxy.resume();              // forward again (new connections; half-open ones stay broken)
 *     proxy.connectionCount();     // connections accepted so far
 * }
 * }</pre>
 * Threads are daemons named "test-proxy-…" (not "MQTT"), so thread-leak checks ignore them.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode { FORWARD, HALF_OPEN, REFUSE }

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile Mode mode = Mode.FORWARD;
    private volatile boolean closed;

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "test-proxy-accept-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** Starts a proxy to {@code host:port}. */
    public static TcpProxy start(String host, int port) {
        try {
            return new TcpProxy(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port();
    }

    public int connectionCount() {
        return accepted.get();
    }

    /** Closes every open connection; new connections are forwarded. */
    public void cut() {
        mode = Mode.FORWARD;
        closeAll();
    }

    /** Closes every open connection and closes new ones at once, until {@link #resume()}. */
    public void refuse() {
        mode = Mode.REFUSE;
        closeAll();
    }

    /** Keeps sockets open but swallows all bytes in both directions, until {@link #resume()}. */
    public void halfOpen() {
        mode = Mode.HALF_OPEN;
    }

    /** Forwards again. */
    public void resume() {
        mode = Mode.FORWARD;
    }

    private void closeAll() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                if (mode == Mode.REFUSE) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket();
                try {
                    upstream.connect(new InetSocketAddress(targetHost, targetPort), 2000);
                } catch (IOException e) {
                    closeQuietly(client);
                    closeQuietly(upstream);
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, "up");
                pump(upstream, client, "down");
            } catch (IOException e) {
                if (!closed) {
                    sleep();
                }
            }
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (mode == Mode.FORWARD) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                    // HALF_OPEN: read and drop, so neither side sees an error or back-pressure
                }
            } catch (IOException e) {
                // connection ended
            } finally {
                if (mode != Mode.HALF_OPEN) {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }
        }, "test-proxy-" + direction + "-" + port());
        t.setDaemon(true);
        t.start();
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
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
        closeAll();
    }
}
