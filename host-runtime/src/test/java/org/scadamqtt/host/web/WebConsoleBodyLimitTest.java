package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A POST body larger than the bound is refused with 413 however it is sent, without the host
 * reading it into memory (the audit's 2.5 GB chunked POST grew the heap by its size).
 */
class WebConsoleBodyLimitTest {

    /** What the client offers: far beyond the bound, small enough to finish even when it is read whole. */
    private static final long OFFERED = 128L * 1024 * 1024;

    @RegisterExtension
    final RunningConsole running = new RunningConsole((String) null);

    @Test
    void aChunkedBodyLargerThanTheBoundIs413WithoutBeingReadWhole() throws Exception {
        long allocatedBefore = allocatedByAllThreads();
        long start = System.nanoTime();
        AtomicLong sent = new AtomicLong();
        String status;
        long sentAtAnswer;
        try (Socket socket = new Socket("127.0.0.1", running.console().port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/tags/setpoint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> sendChunks(out, sent), "chunked-sender");
            sender.setDaemon(true);
            sender.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            status = in.readLine();
            // read at once: the sender goes on until the socket closes, and on a busy machine this
            // thread may run late while the host drains the rest after its answer
            sentAtAnswer = sent.get();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = allocatedByAllThreads() - allocatedBefore;

        assertTrue(status != null && status.startsWith("HTTP/1.1 413"), "answer: " + status);
        assertTrue(sentAtAnswer < OFFERED / 2, "the host waited for " + sentAtAnswer + " bytes before answering");
        // the whole body would be at least OFFERED bytes of arrays; the bound is 1 MB plus buffers
        assertTrue(allocated < OFFERED / 4, "the request allocated " + allocated / 1_000_000 + " MB");
        assertTrue(millis < 10_000, "answered after " + millis + " ms");
        assertEquals(0, running.host().writes.size());
    }

    @Test
    void aDeclaredLengthLargerThanTheBoundIs413() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", running.console().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/tags/setpoint HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 5000000000\r\n\r\n{\"value\":")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            assertTrue(status != null && status.startsWith("HTTP/1.1 413"), "answer: " + status);
            // the answer is sent before the handler returns (RequestBodies.sendNow): the sentence arrives whole
            StringBuilder rest = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rest.append(line).append('\n');
            }
            assertTrue(rest.toString().contains("\"TOO_LARGE\"") && rest.toString().contains("larger than 1000000 bytes"),
                    rest.toString());
        }
    }

    @Test
    void aBodyJustUnderTheBoundIsStillRead() throws Exception {
        String padding = " ".repeat(RequestBodies.MAX_BODY_BYTES - 20);
        ConsoleHttp.Reply r = running.http().post("/api/tags/setpoint", "{\"value\": 1}" + padding);
        assertEquals(200, r.status(), r.body());
        ConsoleHttp.Reply tooLarge = running.http().post("/api/tags/setpoint", "{\"value\": 1}" + padding + "x".repeat(40));
        assertEquals(413, tooLarge.status());
        assertEquals("TOO_LARGE", tooLarge.json().get("reason").textValue());
    }

    private static void sendChunks(OutputStream out, AtomicLong sent) {
        byte[] data = new byte[64 * 1024];
        Arrays.fill(data, (byte) ' ');
        byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n".getBytes(StandardCharsets.US_ASCII);
        try {
            while (sent.get() < OFFERED) {
                out.write(head);
                out.write(data);
                out.write(tail);
                sent.addAndGet(data.length);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the host closed the connection after answering: what a bounded read does
        }
    }

    /** Bytes allocated so far by every live thread of this JVM (the console runs in it). */
    private static long allocatedByAllThreads() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
    }
}
