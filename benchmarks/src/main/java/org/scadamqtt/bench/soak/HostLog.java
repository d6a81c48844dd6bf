package org.scadamqtt.bench.soak;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What reached the SCADA side, read from the host's {@code --console log} output: one
 * {@code TAG tag=SOAK_SEQ … quality=GOOD … value=N} line per value the host's tag table took, and
 * {@code LINE line=SOAK state=…} lines for the connection. The host prints a tag line on the
 * driver's thread inside the driver's hand-over to the host, and the driver acknowledges a QoS 1
 * message to the broker only after that hand-over returned; so a number counts as received only
 * when the host held it, and one the host lost before printing is still owed by the broker.
 *
 * <p>Each start of the host writes a file of its own; a line a killed host left unfinished (no
 * line end) is not counted: the driver had not acknowledged that message either.
 */
final class HostLog {

    /** A change of the line's state, at the host's time. */
    record LineEvent(long epochMillis, String state, int incarnation) {
    }

    /** A second or later arrival of a number. */
    record Duplicate(long seq, long epochMillis) {
    }

    private final String tag;
    private final String line;
    private final List<Tail> tails = new ArrayList<>();
    private final List<LineEvent> lineEvents = new ArrayList<>();
    private final List<Duplicate> duplicates = new ArrayList<>();
    private long[] firstMillis = new long[1 << 16]; // index seq; 0 = not received
    private long distinct;
    private long arrivals;
    private long maxSeq;
    private long prefix; // every number from 1 to prefix arrived
    private long unreadable;

    HostLog(String tag, String line) {
        this.tag = tag;
        this.line = line;
    }

    /** Starts reading {@code file}, the output of the host's next start. */
    synchronized void follow(Path file) {
        tails.add(new Tail(file, tails.size() + 1));
    }

    /** Reads whatever the host wrote since the last call (every file: a killed host's last lines too). */
    synchronized void poll() {
        for (Tail t : tails) {
            t.read(this);
        }
    }

    private void accept(String text, int incarnation) {
        int kind = text.indexOf(' ');
        if (kind <= 0) {
            return;
        }
        if (text.startsWith(" TAG tag=" + tag + " ", kind)) {
            if (!text.contains(" quality=GOOD ")) {
                return; // start-up NOT_INITIALIZED and the like: no message
            }
            int v = text.lastIndexOf(" value=");
            Long at = millis(text.substring(0, kind));
            try {
                long seq = Long.parseLong(text.substring(v + 7).trim());
                if (at == null || seq <= 0) {
                    unreadable++;
                } else {
                    received(seq, at);
                }
            } catch (NumberFormatException e) {
                unreadable++;
            }
        } else if (text.startsWith(" LINE line=" + line + " state=", kind)) {
            int s = kind + (" LINE line=" + line + " state=").length();
            int e = text.indexOf(' ', s);
            Long at = millis(text.substring(0, kind));
            if (at != null) {
                lineEvents.add(new LineEvent(at, text.substring(s, e < 0 ? text.length() : e), incarnation));
            }
        }
    }

    private void received(long seq, long at) {
        if (seq >= firstMillis.length) {
            firstMillis = Arrays.copyOf(firstMillis, (int) Math.max(seq + 1, firstMillis.length * 2L));
        }
        arrivals++;
        maxSeq = Math.max(maxSeq, seq);
        if (firstMillis[(int) seq] == 0) {
            firstMillis[(int) seq] = at;
            distinct++;
            while (prefix + 1 < firstMillis.length && firstMillis[(int) prefix + 1] != 0) {
                prefix++;
            }
        } else {
            duplicates.add(new Duplicate(seq, at));
        }
    }

    private static Long millis(String iso) {
        try {
            return Instant.parse(iso).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Different numbers received. */
    synchronized long distinct() {
        return distinct;
    }

    /** Tag lines in all, duplicates included. */
    synchronized long arrivals() {
        return arrivals;
    }

    synchronized long maxSeq() {
        return maxSeq;
    }

    /** Tag lines of the soak tag whose time or value could not be read (should be 0). */
    synchronized long unreadable() {
        return unreadable;
    }

    /** When {@code seq} first arrived (epoch ms), or 0 when it did not. */
    synchronized long firstArrival(long seq) {
        return seq < firstMillis.length ? firstMillis[(int) seq] : 0;
    }

    /** The numbers from 1 to {@code upTo} that never arrived. */
    synchronized List<Long> missing(long upTo) {
        List<Long> out = new ArrayList<>();
        for (long s = 1; s <= upTo; s++) {
            if (firstArrival(s) == 0) {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether every number from 1 to {@code upTo} arrived. */
    synchronized boolean complete(long upTo) {
        return prefix >= upTo;
    }

    synchronized List<LineEvent> lineEvents() {
        return List.copyOf(lineEvents);
    }

    synchronized List<Duplicate> duplicates() {
        return List.copyOf(duplicates);
    }

    /** The state of the line in the newest line event of start {@code incarnation}, or "" without one. */
    synchronized String lineState(int incarnation) {
        for (int i = lineEvents.size() - 1; i >= 0; i--) {
            if (lineEvents.get(i).incarnation() == incarnation) {
                return lineEvents.get(i).state();
            }
        }
        return "";
    }

    /** Reads one file from where it stopped, complete lines only. */
    private static final class Tail {
        private final Path file;
        private final int incarnation;
        private long offset;
        private byte[] pending = new byte[0];

        Tail(Path file, int incarnation) {
            this.file = file;
            this.incarnation = incarnation;
        }

        void read(HostLog log) {
            byte[] chunk;
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                long len = f.length();
                if (len <= offset) {
                    return;
                }
                chunk = new byte[(int) Math.min(len - offset, 1 << 22)];
                f.seek(offset);
                f.readFully(chunk);
                offset += chunk.length;
            } catch (IOException notYet) {
                return;
            }
            byte[] all = new byte[pending.length + chunk.length];
            System.arraycopy(pending, 0, all, 0, pending.length);
            System.arraycopy(chunk, 0, all, pending.length, chunk.length);
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    log.accept(new String(all, start, i - start, StandardCharsets.UTF_8), incarnation);
                    start = i + 1;
                }
            }
            pending = Arrays.copyOfRange(all, start, all.length);
        }
    }
}
