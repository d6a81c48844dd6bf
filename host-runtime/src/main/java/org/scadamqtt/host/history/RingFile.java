package org.scadamqtt.host.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import org.scadamqtt.host.tags.HistoryPoint;
import org.scadamqtt.tag.Quality;

/**
 * One tag's history on disk: a file of fixed size, a 32-byte header and {@code capacity} slots of
 * 32 bytes. Point number {@code seq} goes to slot {@code seq % capacity}, so the file never grows;
 * each slot carries its sequence number and a CRC32, so reading it back finds the newest points
 * without a header update and skips a slot torn by a crash.
 *
 * <pre>
 * header: "SMQH" | version int (1) | capacity int | slot size int (32) | 16 reserved bytes
 * slot:   seq long | time epoch-millis long | value double | quality byte | 3 zero bytes | crc32 int
 * </pre>
 */
final class RingFile implements AutoCloseable {

    static final int HEADER = 32;
    static final int SLOT = 32;
    private static final int MAGIC = 0x534D5148; // "SMQH"
    private static final int VERSION = 1;

    private final Path path;
    private final int capacity;
    private final FileChannel channel;

    private RingFile(Path path, int capacity, FileChannel channel) {
        this.path = path;
        this.capacity = capacity;
        this.channel = channel;
    }

    /** What an existing file held: its points oldest first, the number of the newest, its capacity. */
    record Contents(List<HistoryPoint> points, long lastSeq, int capacity) {
    }

    /** The file is not a history ring (wrong header or size) or cannot be read. */
    static final class DamagedException extends IOException {
        DamagedException(String message) {
            super(message);
        }
    }

    /** The size of a file of {@code capacity} slots. */
    static long size(int capacity) {
        return HEADER + (long) capacity * SLOT;
    }

    /** Reads an existing file (any capacity); the newest points, oldest first. */
    static Contents read(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            readFully(ch, header, 0);
            header.flip();
            if (header.remaining() < HEADER || header.getInt() != MAGIC) {
                throw new DamagedException("it is not a scada-mqtt history file");
            }
            int version = header.getInt();
            int fileCapacity = header.getInt();
            int slot = header.getInt();
            if (version != VERSION || slot != SLOT || fileCapacity < 1) {
                throw new DamagedException("unknown format (version " + version + ", slot size " + slot + ")");
            }
            if (ch.size() != size(fileCapacity)) {
                throw new DamagedException("it is " + ch.size() + " bytes long, a ring of " + fileCapacity
                        + " points is " + size(fileCapacity) + " (truncated?)");
            }
            List<long[]> order = new ArrayList<>();
            List<HistoryPoint> found = new ArrayList<>();
            ByteBuffer all = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE, (long) fileCapacity * SLOT));
            readFully(ch, all, HEADER);
            all.flip();
            CRC32 crc = new CRC32();
            for (int i = 0; i < fileCapacity; i++) {
                int at = i * SLOT;
                long seq = all.getLong(at);
                crc.reset();
                crc.update(all.array(), at, SLOT - 4);
                if (seq <= 0 || seq % fileCapacity != i || (int) crc.getValue() != all.getInt(at + SLOT - 4)) {
                    continue; // never written, or torn by a crash
                }
                Quality q = quality(all.get(at + 24));
                if (q == null) {
                    continue;
                }
                order.add(new long[] {seq, found.size()});
                found.add(new HistoryPoint(Instant.ofEpochMilli(all.getLong(at + 8)), all.getDouble(at + 16), q));
            }
            order.sort(Comparator.comparingLong(a -> a[0]));
            List<HistoryPoint> points = new ArrayList<>(order.size());
            for (long[] o : order) {
                points.add(found.get((int) o[1]));
            }
            return new Contents(points, order.isEmpty() ? 0 : order.get(order.size() - 1)[0], fileCapacity);
        }
    }

    /** Creates (or replaces) the file with empty slots. */
    static RingFile create(Path path, int capacity) throws IOException {
        Files.createDirectories(path.getParent());
        Path tmp = path.resolveSibling(path.getFileName() + ".new");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            header.putInt(MAGIC).putInt(VERSION).putInt(capacity).putInt(SLOT).position(HEADER).flip();
            ch.write(header, 0);
            ch.write(ByteBuffer.allocate(1), size(capacity) - 1); // the full size at once: no partly grown file
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return open(path, capacity);
    }

    /** Opens an existing file of {@code capacity} slots for writing. */
    static RingFile open(Path path, int capacity) throws IOException {
        return new RingFile(path, capacity, FileChannel.open(path, StandardOpenOption.WRITE));
    }

    Path path() {
        return path;
    }

    int capacity() {
        return capacity;
    }

    /** Writes point number {@code seq} into its slot (the OS has it at once; {@link #force()} for the disk). */
    void write(long seq, HistoryPoint p) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(SLOT);
        b.putLong(seq).putLong(p.time().toEpochMilli()).putDouble(p.value()).put(code(p.quality()));
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, SLOT - 4);
        b.putInt(SLOT - 4, (int) crc.getValue());
        b.position(0).limit(SLOT);
        long at = HEADER + (seq % capacity) * SLOT;
        while (b.hasRemaining()) {
            at += channel.write(b, at);
        }
    }

    void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
    }

    private static byte code(Quality q) {
        return switch (q) {
            case GOOD -> 0;
            case UNCERTAIN -> 1;
            case BAD -> 2;
        };
    }

    private static Quality quality(byte code) {
        return switch (code) {
            case 0 -> Quality.GOOD;
            case 1 -> Quality.UNCERTAIN;
            case 2 -> Quality.BAD;
            default -> null;
        };
    }
}
