package dev.migrate.core.staging;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.ValueCodec;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Streams one table's rows into its JSON file: a JSON array with one row object per line, keyed
 * by column name. Counts rows and bytes and computes the SHA-256 on the fly, so nothing is read
 * back. Obtain one from {@link StagingWriter#openTable}.
 *
 * <p>Memory stays flat whatever the table size: only the current row and Jackson's fixed output
 * buffer are held. The per-row cost is the codecs' checks plus the JSON text; no per-row
 * allocation besides what a value's canonical form needs.
 *
 * <p>The array's brackets and the line breaks between rows are written raw, and each row is a
 * root-level value of the generator (with no root separator): the generator never sees the
 * outer array, so its separator logic cannot interfere with the layout.
 *
 * <p>After the first {@value #WRITE_BEHIND_AFTER_ROWS} rows, a background thread takes over the
 * JSON text, the SHA-256 and the file writes, so they run beside the exporter's reading: the
 * caller's thread only checks values (every check still happens in {@link #writeRow}, which
 * refuses a bad value exactly as before). What waits for that thread is bounded: at most
 * {@value #QUEUE_BATCHES} batches of {@value #BATCH_ROWS} rows or about 1 MiB each. A write
 * error there (disk full) is reported by the next {@link #writeRow} or by {@link #close}.
 */
public final class TableWriter implements Closeable {

    private static final SerializableString FIRST_ROW = new SerializedString("\n");
    private static final SerializableString NEXT_ROW = new SerializedString(",\n");

    private final TableSchema table;
    private final Path file;
    private final String fileName;
    private final ValueCodec[] codecs;
    private final SerializableString[] names;
    private final Object[] canonical;
    private final CountingDigestStream counter;
    private final JsonGenerator generator;
    private long rows;
    private TableEntry entry;
    private volatile boolean broken;

    static final int WRITE_BEHIND_AFTER_ROWS = 2_000;
    static final int BATCH_ROWS = 256;
    private static final long BATCH_BYTES = 1 << 20;
    static final int QUEUE_BATCHES = 4;

    /** Canonical rows for the write-behind thread; an empty list ends it. */
    private BlockingQueue<List<Object[]>> queue;

    private Thread writeBehind;
    private List<Object[]> batch;
    private long batchBytes;
    /**
     * What stopped the write-behind thread (a write error, or an Error such as OutOfMemoryError),
     * thrown to the caller by every later {@link #writeRow} and by {@link #close}.
     */
    private volatile Throwable failure;

    private boolean failureReported;

    TableWriter(TableSchema table, Path file) throws IOException {
        this.table = table;
        this.file = file;
        this.fileName = file.getFileName().toString();
        List<ColumnSchema> columns = table.columns();
        this.codecs = new ValueCodec[columns.size()];
        this.names = new SerializableString[columns.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = Codecs.forType(columns.get(i).type());
            names[i] = new SerializedString(columns.get(i).name());
        }
        this.canonical = new Object[codecs.length];
        this.counter = new CountingDigestStream(SecureFiles.newPrivateFile(file));
        this.generator =
                StagingJson.FACTORY.createGenerator(new BufferedOutputStream(counter, 1 << 16), JsonEncoding.UTF8);
        generator.setRootValueSeparator(null);
        generator.writeRaw('[');
    }

    /**
     * Writes one row; {@code values} are canonical values in column order (null for SQL NULL).
     * Every value is checked (and normalised) by its codec's {@link ValueCodec#canonical} before
     * anything is written, so a refused row leaves the file as it was and the writer usable.
     *
     * @throws MigrateException naming the file, table, row and column when a value does not fit
     *     its staging type
     * @throws IllegalArgumentException when {@code values} does not have one value per column
     */
    public void writeRow(Object[] values) {
        Throwable failed = failure;
        if (failed != null && entry == null) {
            // The write-behind thread's error, every time (never a bare "broken"): it is written
            // before broken is set, and read here first, so whoever sees broken also sees why.
            failureReported = true;
            throw unchecked(failed);
        }
        if (entry != null || broken) {
            throw new IllegalStateException("table file " + fileName + " is " + (broken ? "broken" : "closed"));
        }
        if (values.length != codecs.length) {
            throw new IllegalArgumentException("table \"" + table.name() + "\" has " + codecs.length
                    + " columns, the row has " + values.length + " values");
        }
        long row = rows + 1;
        Object[] checked = writeBehind == null ? canonical : new Object[codecs.length];
        long size = 0;
        for (int i = 0; i < codecs.length; i++) {
            Object v = values[i];
            try {
                Object c = v == null ? null : codecs[i].canonical(v);
                checked[i] = c;
                if (writeBehind != null) {
                    size += sizeOf(c);
                }
            } catch (IllegalArgumentException | ClassCastException e) {
                Arrays.fill(checked, null);
                throw MigrateException.input(
                        location()
                                .withRow(row)
                                .withColumn(table.columns().get(i).name()),
                        e.getMessage() + " (staging type "
                                + table.columns().get(i).type() + ")");
            }
        }
        if (writeBehind != null) {
            batch.add(checked);
            batchBytes += size;
            rows = row;
            if (batch.size() >= BATCH_ROWS || batchBytes >= BATCH_BYTES) {
                handBatch();
            }
            return;
        }
        try {
            writeJson(row, checked);
        } catch (IOException e) {
            broken = true;
            throw MigrateException.runtime(location().withRow(row), "cannot write: " + StagingWriter.describe(e), e);
        } finally {
            // Drop references so a big value is not kept alive until the next row.
            Arrays.fill(canonical, null);
        }
        rows = row;
        if (row == WRITE_BEHIND_AFTER_ROWS) {
            startWriteBehind();
        }
    }

    private void writeJson(long row, Object[] values) throws IOException {
        generator.writeRaw(row == 1 ? FIRST_ROW : NEXT_ROW);
        generator.writeStartObject();
        for (int i = 0; i < codecs.length; i++) {
            generator.writeFieldName(names[i]);
            Object v = values[i];
            if (v == null) {
                generator.writeNull();
            } else {
                codecs[i].writeCanonical(generator, v);
            }
        }
        generator.writeEndObject();
    }

    /** A rough size of a canonical value, to bound what waits for the write-behind thread. */
    private static long sizeOf(Object v) {
        if (v instanceof String s) {
            return 16 + s.length();
        }
        if (v instanceof byte[] b) {
            return 16 + b.length;
        }
        if (v instanceof List<?> l) {
            long n = 16;
            for (Object e : l) {
                n += sizeOf(e);
            }
            return n;
        }
        return 16;
    }

    private void startWriteBehind() {
        queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
        batch = new ArrayList<>(BATCH_ROWS);
        long first = rows + 1;
        writeBehind = StagingThreads.start(() -> writeBehind(first), "staging-writer " + table.name());
    }

    /** The write-behind thread: writes batches until the empty end marker, a write error or a discard. */
    private void writeBehind(long firstRow) {
        long row = firstRow;
        try {
            while (true) {
                List<Object[]> b = queue.take();
                if (b.isEmpty()) {
                    return;
                }
                for (Object[] values : b) {
                    writeJson(row, values);
                    row++;
                }
            }
        } catch (IOException e) {
            // failure before broken: a caller that sees broken must also see why.
            failure =
                    MigrateException.runtime(location().withRow(row), "cannot write: " + StagingWriter.describe(e), e);
            broken = true;
        } catch (RuntimeException | Error e) {
            // An Error too: a thread that died silently would leave the caller waiting forever
            // for room in the queue (put) or for the end marker to be taken (close).
            failure = e;
            broken = true;
        } catch (InterruptedException e) {
            // discard(): the file is being abandoned.
        }
    }

    /** Hands the current batch to the write-behind thread, waiting while it is QUEUE_BATCHES behind. */
    private void handBatch() {
        List<Object[]> b = batch;
        batch = new ArrayList<>(BATCH_ROWS);
        batchBytes = 0;
        put(b);
    }

    private void put(List<Object[]> b) {
        try {
            while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                Throwable failed = failure;
                if (failed != null) {
                    failureReported = true;
                    throw unchecked(failed);
                }
                if (!writeBehind.isAlive() && failure == null) {
                    // Cannot happen (the thread records every way it ends); never wait for nobody.
                    throw new IllegalStateException("the write-behind thread of " + fileName + " stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MigrateException.runtime(location().withRow(rows), "interrupted while writing", e);
        }
    }

    /** Waits until the write-behind thread has written every row handed to it; reports its failure. */
    private void finishWriteBehind() {
        if (writeBehind == null) {
            return;
        }
        if (failure == null) {
            if (!batch.isEmpty()) {
                handBatch();
            }
            put(List.of());
        }
        try {
            writeBehind.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MigrateException.runtime(location().withRow(rows), "interrupted while writing", e);
        }
        writeBehind = null;
        Throwable failed = failure;
        if (failed != null && !failureReported) {
            failureReported = true;
            throw unchecked(failed);
        }
    }

    /** The write-behind thread's failure, to be thrown as it is: an Error stays an Error. */
    private static RuntimeException unchecked(Throwable failed) {
        if (failed instanceof Error e) {
            throw e;
        }
        return (RuntimeException) failed;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** The file being written. */
    public Path file() {
        return file;
    }

    /** True once {@link #close()} has completed. */
    public boolean isClosed() {
        return entry != null;
    }

    /** The manifest entry; available after {@link #close()}. */
    public TableEntry entry() {
        if (entry == null) {
            throw new IllegalStateException("table file not closed yet");
        }
        return entry;
    }

    /**
     * Ends the JSON array and closes the file; the manifest entry (rows, bytes, SHA-256) is then
     * available from {@link #entry()}. Closing twice is harmless.
     */
    @Override
    public void close() throws IOException {
        if (entry != null) {
            return;
        }
        try {
            finishWriteBehind();
        } catch (RuntimeException | Error e) {
            // An Error from the write-behind thread too: the file must not stay open and partial.
            discard();
            throw e;
        }
        if (broken) {
            discard();
            throw new IOException("table file " + fileName + " is incomplete after a write error");
        }
        generator.writeRaw(rows == 0 ? "]\n" : "\n]\n");
        generator.close();
        entry = new TableEntry(
                table.name(), fileName, rows, counter.bytes, Hex.encodeHexString(counter.digest.digest()));
    }

    /** Closes the file without completing it (after a failure); the file is left for the caller to delete. */
    void discard() {
        broken = true;
        StagingThreads.stop(writeBehind, queue);
        writeBehind = null;
        try {
            generator.close();
        } catch (IOException | RuntimeException ignored) {
            // The export is being abandoned; the file is deleted next.
        }
    }

    private Location location() {
        return new Location(fileName, table.name(), null, null);
    }

    /** Counts and hashes the bytes as they go to disk. */
    private static final class CountingDigestStream extends FilterOutputStream {
        final MessageDigest digest = DigestUtils.getSha256Digest();
        long bytes;

        CountingDigestStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
        }
    }
}
