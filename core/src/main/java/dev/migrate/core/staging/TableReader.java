package dev.migrate.core.staging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.ValueCodec;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Streams the rows of one table file with bounded memory. Every value comes back in its
 * canonical form (see {@link dev.migrate.core.types.StagingKind}); any problem is reported with
 * file, table, row and column.
 *
 * <p>For tables of {@value #READ_AHEAD_MIN_ROWS} rows or more, a background thread parses ahead
 * of the caller: parsing the JSON is the largest part of an import's work, and this way it runs
 * beside the caller's own (COPY encoding, SQLite inserts, comparing). What it holds is bounded:
 * at most {@value #QUEUE_BATCHES} batches of {@value #BATCH_ROWS} rows or about 1 MiB of JSON
 * each, plus the batch being filled. The caller sees exactly what a synchronous reader would
 * show: the same rows in order, and a problem in row n raised by the call that would have
 * returned row n, after rows 1 to n-1.
 *
 * <p>A reader of a directory opened with {@link StagingReader#openForStreaming} also verifies its
 * file while reading it: it hashes every byte it takes from the file, reads on to the end of the
 * file after the JSON array, and the call that would return null at the end throws instead when
 * the SHA-256 or the row count differs from the manifest's. A problem met before the end (bad
 * JSON, a bad value) is reported only after the rest of the file was hashed: as the SHA-256
 * mismatch when the file is not the exported one. The rows handed out before the end come from a
 * file not yet verified; the importer changes its target only after every file was.
 */
public final class TableReader implements Closeable {

    private final TableSchema table;
    private final Location where;
    private final JsonParser parser;
    private final ValueCodec[] codecs;
    private final String[] names;
    private final Map<String, Integer> index = new HashMap<>();
    private final boolean[] seen;
    private final long expectedRows;
    /**
     * Verifies the file as it is read, for a directory opened with {@link
     * StagingReader#openForStreaming}; null when it was verified up front.
     */
    private final StreamingVerification check;
    /** The problem that stopped a verifying reader: every later call reports it again. */
    private RuntimeException failed;
    /** The row being parsed (by the read-ahead thread when there is one): for messages. */
    private long row;

    private boolean done;

    /** Tables smaller than this are parsed synchronously: no thread for a handful of rows. */
    static final int READ_AHEAD_MIN_ROWS = 2_000;

    static final int BATCH_ROWS = 256;
    private static final long BATCH_BYTES = 1 << 20;
    static final int QUEUE_BATCHES = 4;

    private final BlockingQueue<Batch> queue;
    private Thread readAhead;
    private volatile boolean closed;
    private Batch current;
    private int position;
    /** Rows handed to the caller. */
    private long returned;

    /** Rows parsed ahead; the last batch of a file also carries its end or the problem that stopped it. */
    private record Batch(List<Object[]> rows, boolean last, Throwable problem) {}

    /** A reader of a file verified up front ({@link StagingReader#open}). */
    TableReader(TableSchema table, TableEntry entry, Path file) {
        this(table, entry, file, null);
    }

    TableReader(TableSchema table, TableEntry entry, Path file, StreamingVerification check) {
        this.table = table;
        this.check = check;
        this.where = new Location(file.toString(), table.name(), null, null);
        this.expectedRows = entry.rows();
        this.queue = expectedRows >= READ_AHEAD_MIN_ROWS ? new ArrayBlockingQueue<>(QUEUE_BATCHES) : null;
        List<ColumnSchema> columns = table.columns();
        this.codecs = new ValueCodec[columns.size()];
        this.names = new String[columns.size()];
        this.seen = new boolean[columns.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = Codecs.forType(columns.get(i).type());
            names[i] = columns.get(i).name();
            index.put(names[i], i);
        }
        JsonParser p = null;
        try {
            InputStream in = Files.newInputStream(file);
            if (check != null) {
                in = check.wrap(in);
            }
            p = StagingJson.FACTORY.createParser(new BufferedInputStream(in, 1 << 16));
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw MigrateException.input(where, "table file does not start with a JSON array");
            }
            this.parser = p;
        } catch (JsonProcessingException e) {
            RuntimeException problem =
                    MigrateException.input(where, "table file is not valid JSON" + JsonProblem.describe(e));
            throw closeAfter(p, check == null ? problem : check.precedence(problem));
        } catch (IOException e) {
            closeQuietly(p);
            throw MigrateException.runtime(where, "cannot read: " + StagingWriter.describe(e), e);
        } catch (RuntimeException e) {
            throw closeAfter(p, check == null ? e : check.precedence(e));
        }
    }

    /** Closes {@code p} once the problem is settled (settling it may read the rest of the file). */
    private static RuntimeException closeAfter(JsonParser p, RuntimeException problem) {
        closeQuietly(p);
        return problem;
    }

    public TableSchema table() {
        return table;
    }

    /** The 1-based number of the row last returned. */
    public long rowNumber() {
        return returned;
    }

    /**
     * The next row's values in column order (canonical values, null for SQL NULL), or null after
     * the last row. A fresh array each call, so callers may keep a row while reading the next.
     * Every row must name each column exactly once (in any order); anything else is refused with
     * the file, table, row and column.
     */
    public Object[] next() {
        if (queue == null) {
            Object[] values = parseNext();
            if (values != null) {
                returned++;
            }
            return values;
        }
        if (closed) {
            throw new IllegalStateException("table reader is closed");
        }
        if (readAhead == null) {
            readAhead = StagingThreads.start(this::readAhead, "staging-reader " + table.name());
        }
        while (true) {
            if (current != null) {
                if (position < current.rows.size()) {
                    Object[] values = current.rows.set(position++, null);
                    returned++;
                    return values;
                }
                if (current.last) {
                    Throwable problem = current.problem;
                    if (problem instanceof RuntimeException e) {
                        throw e;
                    }
                    if (problem instanceof Error e) {
                        throw e;
                    }
                    return null;
                }
            }
            try {
                current = takeBatch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw MigrateException.runtime(where.withRow(returned + 1), "interrupted while reading", e);
            }
            position = 0;
        }
    }

    /**
     * The next batch from the read-ahead thread. It hands every way it ends (the end, a problem,
     * an Error) as a last batch; should it still die without one, this fails instead of waiting
     * forever.
     */
    private Batch takeBatch() throws InterruptedException {
        while (true) {
            Batch b = queue.poll(100, TimeUnit.MILLISECONDS);
            if (b != null) {
                return b;
            }
            if (!readAhead.isAlive()) {
                b = queue.poll(); // handed just before it ended
                if (b != null) {
                    return b;
                }
                throw new IllegalStateException("the read-ahead thread of " + where.file() + " stopped");
            }
        }
    }

    /** The read-ahead thread: parses batches until the end, a problem, or {@link #close}. */
    private void readAhead() {
        List<Object[]> rows = new ArrayList<>(BATCH_ROWS);
        long batchStart = parser.currentLocation().getByteOffset();
        try {
            while (!closed) {
                Object[] values = parseNext();
                if (values == null) {
                    hand(new Batch(rows, true, null));
                    return;
                }
                rows.add(values);
                long offset = parser.currentLocation().getByteOffset();
                if (rows.size() >= BATCH_ROWS || offset - batchStart >= BATCH_BYTES) {
                    hand(new Batch(rows, false, null));
                    rows = new ArrayList<>(BATCH_ROWS);
                    batchStart = offset;
                }
            }
        } catch (RuntimeException | Error e) {
            // The rows parsed before the problem first, then the problem, as a synchronous reader would.
            hand(new Batch(rows, true, e));
        }
    }

    private void hand(Batch batch) {
        try {
            while (!closed) {
                if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // close() interrupts a read-ahead thread that waits for room: nobody will read on.
        }
    }

    /**
     * The next row, or null at the end. For a file verified while read, a problem is first weighed
     * against the whole file ({@link StreamingVerification#precedence}): a tampered file is
     * reported as a SHA-256 mismatch, not as the parse or value error the tampering caused.
     */
    private Object[] parseNext() {
        if (check == null) {
            return parseRow();
        }
        if (failed != null) {
            throw failed; // never a null "end" after a failed check, whatever the caller does
        }
        try {
            return parseRow();
        } catch (RuntimeException e) {
            failed = check.precedence(e);
            throw failed;
        }
    }

    private Object[] parseRow() {
        if (done) {
            return null;
        }
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                done = true;
                // Reads to the end of the file: a streaming check has then hashed every byte.
                if (parser.nextToken() != null) {
                    throw MigrateException.input(where, "text after the end of the JSON array");
                }
                if (check != null) {
                    check.checkHashAtEnd();
                }
                if (row != expectedRows) {
                    throw MigrateException.input(where, "holds " + row + " rows, manifest says " + expectedRows);
                }
                if (check != null) {
                    check.verifiedAtEnd();
                }
                return null;
            }
            row++;
            if (t != JsonToken.START_OBJECT) {
                throw MigrateException.input(where.withRow(row), "row is not a JSON object");
            }
            Object[] values = new Object[codecs.length];
            Arrays.fill(seen, false);
            int position = 0;
            for (t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                String name = parser.currentName();
                // Rows written by TableWriter list columns in order: try the expected one before the map.
                int i;
                if (position < names.length && names[position].equals(name)) {
                    i = position;
                } else {
                    Integer found = index.get(name);
                    if (found == null) {
                        throw MigrateException.input(where.withRow(row).withColumn(name), "unknown column");
                    }
                    i = found;
                }
                position = i + 1;
                if (seen[i]) {
                    throw MigrateException.input(
                            where.withRow(row).withColumn(name), "column appears twice in the row");
                }
                seen[i] = true;
                t = parser.nextToken();
                if (t != JsonToken.VALUE_NULL) {
                    try {
                        values[i] = codecs[i].read(parser);
                    } catch (IllegalArgumentException e) {
                        throw MigrateException.input(
                                where.withRow(row).withColumn(name),
                                e.getMessage() + " (staging type "
                                        + table.columns().get(i).type() + ")");
                    }
                }
            }
            for (int i = 0; i < seen.length; i++) {
                if (!seen[i]) {
                    throw MigrateException.input(where.withRow(row).withColumn(names[i]), "column missing from row");
                }
            }
            return values;
        } catch (JsonProcessingException e) {
            throw MigrateException.input(where.withRow(row), "malformed JSON" + JsonProblem.describe(e));
        } catch (IOException e) {
            throw MigrateException.runtime(where.withRow(row), "cannot read: " + StagingWriter.describe(e), e);
        }
    }

    /** Stops the read-ahead thread, if any, and closes the file. Closing twice is harmless. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        StagingThreads.stop(readAhead, queue);
        closeQuietly(parser);
    }

    private static void closeQuietly(JsonParser p) {
        if (p == null) {
            return;
        }
        try {
            p.close();
        } catch (IOException ignored) {
            // Read-only stream: nothing to lose.
        }
    }

    @Override
    public String toString() {
        return "TableReader" + Arrays.asList(where.file(), returned);
    }
}
