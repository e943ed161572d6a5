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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the rows of one table file, one row in memory at a time. Every value comes back in its
 * canonical form (see {@link dev.migrate.core.types.StagingKind}); any problem is reported with
 * file, table, row and column.
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
    private long row;
    private boolean done;

    TableReader(TableSchema table, TableEntry entry, Path file) {
        this.table = table;
        this.where = new Location(file.toString(), table.name(), null, null);
        this.expectedRows = entry.rows();
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
            p = StagingJson.FACTORY.createParser(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw MigrateException.input(where, "table file does not start with a JSON array");
            }
            this.parser = p;
        } catch (JsonProcessingException e) {
            closeQuietly(p);
            throw MigrateException.input(where, "table file is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            closeQuietly(p);
            throw MigrateException.runtime(where, "cannot read: " + StagingWriter.describe(e), e);
        } catch (RuntimeException e) {
            closeQuietly(p);
            throw e;
        }
    }

    public TableSchema table() {
        return table;
    }

    /** The 1-based number of the row last returned. */
    public long rowNumber() {
        return row;
    }

    /**
     * The next row's values in column order (canonical values, null for SQL NULL), or null after
     * the last row. A fresh array each call, so callers may keep a row while reading the next.
     * Every row must name each column exactly once (in any order); anything else is refused with
     * the file, table, row and column.
     */
    public Object[] next() {
        if (done) {
            return null;
        }
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                done = true;
                if (parser.nextToken() != null) {
                    throw MigrateException.input(where, "text after the end of the JSON array");
                }
                if (row != expectedRows) {
                    throw MigrateException.input(where, "holds " + row + " rows, manifest says " + expectedRows);
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
            throw MigrateException.input(where.withRow(row), "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw MigrateException.runtime(where.withRow(row), "cannot read: " + StagingWriter.describe(e), e);
        }
    }

    @Override
    public void close() {
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
        return "TableReader" + Arrays.asList(where.file(), row);
    }
}
