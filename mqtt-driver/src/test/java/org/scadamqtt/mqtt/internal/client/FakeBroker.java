package org.scadamqtt.mqtt.internal.client;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny MQTT 3.1.1 "broker" for misbehaviour no real broker shows: it answers CONNECT with CONNACK
 * ({@link #sessionPresent} as set), SUBSCRIBE with SUBACK (QoS 0 granted), PINGREQ with PINGRESP;
 * a script runs before the SUBACK (e.g. deliver messages first, as Mosquitto does with a queued
 * backlog) and one after it (e.g. send the first bytes of a PUBLISH and go silent). Threads are
 * daemons named "test-fake-…".
 */
final class FakeBroker implements AutoCloseable {

    /** What the broker does after its SUBACK, on the connection's thread. */
    interface Script {
        void run(OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final Script beforeSuback;
    private final Script afterSuback;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger subscribes = new AtomicInteger();
    /** {@link System#nanoTime()} when the last script after SUBACK started; 0 before. */
    volatile long scriptStartedNanos;
    /** The client id of the last CONNECT; null before. */
    volatile String lastClientId;
    /** The session present flag of the next CONNACKs. */
    volatile boolean sessionPresent;

    FakeBroker(Script afterSuback) throws IOException {
        this(out -> { }, afterSuback);
    }

    FakeBroker(Script beforeSuback, Script afterSuback) throws IOException {
        this.beforeSuback = beforeSuback;
        this.afterSuback = afterSuback;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "test-fake-accept-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    String uri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** CONNECT packets received so far. */
    int connects() {
        return connects.get();
    }

    /** SUBSCRIBE packets received so far. */
    int subscribes() {
        return subscribes.get();
    }

    /** Closes every client connection (the broker hangs up); new ones are accepted. */
    void cut() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "test-fake-conn-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                int type = in.readUnsignedByte() >> 4;
                int len = 0;
                int shift = 0;
                int v;
                do {
                    v = in.readUnsignedByte();
                    len |= (v & 0x7F) << shift;
                    shift += 7;
                } while ((v & 0x80) != 0);
                byte[] body = new byte[len];
                in.readFully(body);
                switch (type) {
                    case 1 -> {
                        // variable header: protocol name (2 + 4), level, flags, keep alive (2); then the id
                        int idLength = (body[10] & 0xFF) << 8 | body[11] & 0xFF;
                        lastClientId = new String(body, 12, idLength, java.nio.charset.StandardCharsets.UTF_8);
                        connects.incrementAndGet();
                        write(out, 0x20, 0x02, sessionPresent ? 0x01 : 0x00, 0x00);
                    }
                    case 8 -> {
                        subscribes.incrementAndGet();
                        beforeSuback.run(out);
                        write(out, 0x90, 0x03, body[0] & 0xFF, body[1] & 0xFF, 0x00);
                        scriptStartedNanos = System.nanoTime();
                        afterSuback.run(out);
                    }
                    case 12 -> write(out, 0xD0, 0x00);
                    case 14 -> {
                        return;
                    }
                    default -> { }
                }
            }
        } catch (EOFException e) {
            // the client closed
        } catch (Exception e) {
            // the client closed, or the test ended
        }
    }

    static void write(OutputStream out, int... bytes) throws IOException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        out.write(b);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
