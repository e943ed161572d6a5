package dev.migrate.core.staging;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
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
import java.util.List;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Streams one table's rows into its JSON file: a JSON array with one row object per line, keyed
 * by column name. Counts rows and bytes and computes the SHA-256 on the fly, so nothing is read
 * back. Obtain one from {@link StagingWriter#openTable}.
 */
public final class TableWriter implements Closeable {

    private final TableSchema table;
    private final String fileName;
    private final ValueCodec[] codecs;
    private final String[] names;
    private final CountingDigestStream counter;
    private final JsonGenerator generator;
    private long rows;
    private TableEntry entry;

    TableWriter(TableSchema table, Path file) throws IOException {
        this.table = table;
        this.fileName = file.getFileName().toString();
        List<ColumnSchema> columns = table.columns();
        this.codecs = new ValueCodec[columns.size()];
        this.names = new String[columns.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = Codecs.forType(columns.get(i).type());
            names[i] = columns.get(i).name();
        }
        this.counter = new CountingDigestStream(SecureFiles.newPrivateFile(file));
        this.generator =
                StagingJson.FACTORY.createGenerator(new BufferedOutputStream(counter, 1 << 16), JsonEncoding.UTF8);
        generator.writeStartArray();
    }

    /**
     * Writes one row; {@code values} are canonical values in column order (null for SQL NULL).
     *
     * @throws MigrateException naming the table, row and column when a value does not fit its
     *     staging type
     */
    public void writeRow(Object[] values) {
        rows++;
        int i = 0;
        try {
            generator.writeRaw(rows == 1 ? "\n" : ",\n");
            generator.writeStartObject();
            for (; i < codecs.length; i++) {
                generator.writeFieldName(names[i]);
                Object v = values[i];
                if (v == null) {
                    generator.writeNull();
                } else {
                    codecs[i].write(generator, v);
                }
            }
            generator.writeEndObject();
        } catch (IllegalArgumentException | ClassCastException e) {
            throw MigrateException.input(location().withRow(rows).withColumn(names[i]), e.getMessage());
        } catch (IOException e) {
            throw MigrateException.runtime(location().withRow(rows), "cannot write: " + e.getMessage(), e);
        }
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** The manifest entry; available after {@link #close()}. */
    public TableEntry entry() {
        if (entry == null) {
            throw new IllegalStateException("table file not closed yet");
        }
        return entry;
    }

    @Override
    public void close() throws IOException {
        if (entry != null) {
            return;
        }
        generator.writeRaw(rows == 0 ? "" : "\n");
        generator.writeEndArray();
        generator.writeRaw("\n");
        generator.close();
        entry = new TableEntry(
                table.name(), fileName, rows, counter.bytes, Hex.encodeHexString(counter.digest.digest()));
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
