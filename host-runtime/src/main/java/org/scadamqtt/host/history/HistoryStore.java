package org.scadamqtt.host.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.scadamqtt.host.tags.HistoryPoint;
import org.scadamqtt.host.tags.HostListener;
import org.scadamqtt.host.tags.RateLimitedLog;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.TagValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's history: for every numeric, boolean, Qi and interval tag a ring of the newest
 * {@code capacity} values (time received, value, quality) in memory, and the same ring in a file
 * of fixed size in the line's data folder ({@link RingFile}), written once a second. A restarted
 * host reads the files back; a damaged file is set aside with a warning and the tag starts empty.
 *
 * <p>Bounds: memory at most 17 bytes × capacity per tag, disk exactly 32 bytes × capacity + 32
 * per tag (10,000 points: 170 KB and 320 KB). A crash (even {@code kill -9}) loses at most the
 * last second; a power cut may lose what the operating system had not written yet.
 */
public final class HistoryStore implements HostListener, AutoCloseable {

    /** Points kept per tag unless configured otherwise. */
    public static final int DEFAULT_POINTS = 10_000;
    /** Environment variable that sets the points kept per tag (2 to {@value #MAX_POINTS}). */
    public static final String POINTS_ENV = "SCADA_MQTT_HISTORY_POINTS";
    /** The most points per tag: 32 MB of file and 17 MB of memory per tag. */
    public static final int MAX_POINTS = 1_000_000;
    /** How often new points go to the files. */
    public static final long FLUSH_MILLIS = 1000;
    static final String SUFFIX = ".hist";

    private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);

    /** Where the history files of a line go (created on demand). */
    @FunctionalInterface
    public interface Folders {
        Path of(String line) throws IOException;
    }

    private record Series(String line, TagSeries points, RingFile file) {
    }

    private final int capacity;
    private final Folders folders;
    private final Supplier<List<TagEntry>> tags;
    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final RateLimitedLog writeFailures = new RateLimitedLog(LOG, 60_000);
    private ScheduledExecutorService flusher;

    private HistoryStore(int capacity, Folders folders, Supplier<List<TagEntry>> tags) {
        if (capacity < 2) {
            throw new IllegalArgumentException("the history keeps at least 2 points per tag, got " + capacity);
        }
        this.capacity = capacity;
        this.folders = folders;
        this.tags = tags;
    }

    /**
     * Reads back the history of every tag {@code tags} lists and starts writing new points once a
     * second. Subscribe it to the tag table before the lines start, so it sees every value.
     */
    public static HistoryStore open(int capacity, Folders folders, Supplier<List<TagEntry>> tags) {
        HistoryStore store = new HistoryStore(capacity, folders, tags);
        store.configurationChanged();
        store.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scadamqtt-history");
            t.setDaemon(true);
            return t;
        });
        store.flusher.scheduleWithFixedDelay(store::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        return store;
    }

    /**
     * The points per tag {@value #POINTS_ENV} asks for, or {@link #DEFAULT_POINTS} when it is not
     * set; a value that is no number from 2 to {@value #MAX_POINTS} is refused with a warning.
     */
    public static int configuredPoints(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_POINTS;
        }
        try {
            int n = Integer.parseInt(value.strip().replace("_", ""));
            if (n >= 2 && n <= MAX_POINTS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        LOG.warn("{}={} is not a number of points from 2 to {}; the history keeps {} points per tag", POINTS_ENV,
                value, MAX_POINTS, DEFAULT_POINTS);
        return DEFAULT_POINTS;
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public void tagChanged(TagEntry tag) {
        TagValue v = tag.value();
        if (v == null || !HistoryPoint.kept(tag.type())) {
            return;
        }
        Series s = series.get(tag.name());
        if (s == null || !s.line().equals(tag.line())) {
            s = load(tag.name(), tag.line());
        }
        Instant time = v.receiveTime() != null ? v.receiveTime() : Instant.now();
        s.points().add(new HistoryPoint(time, HistoryPoint.numeric(v.value()), v.quality()));
    }

    /** Opens the history of tags new in the configuration, closes that of tags no longer in it (files stay). */
    @Override
    public synchronized void configurationChanged() {
        Set<String> now = new HashSet<>();
        for (TagEntry t : tags.get()) {
            if (HistoryPoint.kept(t.type())) {
                now.add(t.name());
                Series s = series.get(t.name());
                if (s == null || !s.line().equals(t.line())) {
                    load(t.name(), t.line());
                }
            }
        }
        for (String gone : Set.copyOf(series.keySet())) {
            if (!now.contains(gone)) {
                closeSeries(series.remove(gone));
            }
        }
    }

    /**
     * The points of {@code tag} received from {@code from} to {@code to} (null: unbounded),
     * oldest first, at most the newest {@code last}; empty for a tag without history.
     */
    public List<HistoryPoint> points(String tag, Instant from, Instant to, int last) {
        Series s = series.get(tag);
        return s == null ? List.of() : s.points().points(from, to, last);
    }

    /** Writes the points received since the last flush to the files (done once a second by itself). */
    public synchronized void flush() {
        for (Map.Entry<String, Series> e : series.entrySet()) {
            write(e.getKey(), e.getValue());
        }
    }

    /**
     * Stops the writer, writes what is left and closes the files. The writer is not interrupted:
     * an interrupt during a write would close its file.
     */
    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            series.values().forEach(this::closeSeries);
            series.clear();
        }
    }

    private synchronized Series load(String tag, String line) {
        Series old = series.get(tag);
        if (old != null && old.line().equals(line)) {
            return old;
        }
        if (old != null) {
            closeSeries(old); // the tag moved to another line: its history continues in that line's folder
        }
        Series s = open(tag, line);
        series.put(tag, s);
        return s;
    }

    private Series open(String tag, String line) {
        Path file;
        try {
            file = folders.of(line).resolve(fileName(tag));
        } catch (IOException e) {
            LOG.warn("the history folder of line '{}' cannot be created ({}); tag {} keeps its history in memory "
                    + "only", line, e.getMessage(), tag);
            return new Series(line, new TagSeries(capacity), null);
        }
        RingFile.Contents found = null;
        if (Files.exists(file)) {
            try {
                found = RingFile.read(file);
            } catch (IOException e) {
                setAside(tag, file, e);
            }
        }
        boolean reuse = found != null && found.capacity() == capacity;
        TagSeries points = found == null ? new TagSeries(capacity)
                : TagSeries.restored(capacity, found.points(), found.lastSeq(), reuse);
        try {
            RingFile ring = reuse ? RingFile.open(file, capacity) : RingFile.create(file, capacity);
            return new Series(line, points, ring);
        } catch (IOException e) {
            LOG.warn("history file {} of tag {} cannot be written ({}); its history stays in memory only", file, tag,
                    e.getMessage());
            return new Series(line, points, null);
        }
    }

    private static void setAside(String tag, Path file, IOException e) {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged");
        String why = e instanceof RingFile.DamagedException ? e.getMessage() : e.toString();
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("history file {} is damaged ({}); tag {} starts with an empty history, the file is kept as {}",
                    file, why, tag, aside.getFileName());
        } catch (IOException moveFailed) {
            LOG.warn("history file {} is damaged ({}); tag {} starts with an empty history", file, why, tag);
        }
    }

    private void write(String tag, Series s) {
        List<TagSeries.Numbered> fresh = s.points().takeUnwritten();
        if (s.file() == null || fresh.isEmpty()) {
            return;
        }
        try {
            for (TagSeries.Numbered n : fresh) {
                s.file().write(n.seq(), n.point());
            }
        } catch (IOException e) {
            writeFailures.warn("history file " + s.file().path() + " of tag " + tag + " cannot be written (" + e
                    + "); " + fresh.size() + " points are kept in memory only");
        }
    }

    private void closeSeries(Series s) {
        if (s == null || s.file() == null) {
            return;
        }
        write(s.file().path().getFileName().toString(), s);
        try {
            s.file().force();
            s.file().close();
        } catch (IOException e) {
            LOG.warn("history file {} did not close cleanly: {}", s.file().path(), e.toString());
        }
    }

    /**
     * The file name of a tag's history: the name itself when it is safe as a file name, else the
     * safe characters plus a checksum of the name, so two names never share a file.
     */
    static String fileName(String tag) {
        String safe = tag.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.equals(tag) && !tag.startsWith(".")) {
            return tag + SUFFIX;
        }
        CRC32 crc = new CRC32();
        crc.update(tag.getBytes(StandardCharsets.UTF_8));
        return "_" + safe + "-" + String.format("%08x", crc.getValue()) + SUFFIX;
    }
}
