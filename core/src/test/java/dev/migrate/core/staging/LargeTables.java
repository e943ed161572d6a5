package dev.migrate.core.staging;

import static dev.migrate.core.staging.StagingFixture.*;
import static dev.migrate.core.types.StagingKind.*;

import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.Values;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes and reads back a big table, row by row, checking every value. Used in-process by {@link
 * LargeTableTest} and, through {@link #main}, in a child JVM with a small heap: if either side
 * held the table in memory, the child would die with an OutOfMemoryError.
 */
public final class LargeTables {

    private LargeTables() {}

    static final TableSchema TABLE = table(
            "events",
            col("id", StagingType.of(INT64)),
            col("name", StagingType.of(TEXT)),
            col("amount", StagingType.decimal(12, 2)),
            col("at", StagingType.of(TIMESTAMPTZ)),
            col("ok", StagingType.of(BOOLEAN)),
            col("score", StagingType.of(FLOAT64)),
            col("blob", StagingType.of(BYTES)),
            col("tags", StagingType.array(StagingType.of(TEXT), 1)),
            col("doc", StagingType.of(JSONB)));

    /** Row {@code i}'s canonical values; deterministic, so the reader can check every row without keeping any. */
    static Object[] row(long i) {
        return new Object[] {
            i,
            "name " + i + " \"quoted\" é😀",
            (i % 1000) + "." + (i % 100 < 10 ? "0" : "") + (i % 100),
            timestamp(i),
            i % 3 == 0 ? null : i % 2 == 0,
            i % 7 == 0 ? -0.0 : i / 3.0,
            new byte[] {(byte) i, (byte) (i >> 8), 0, (byte) 0xff},
            i % 5 == 0 ? null : List.of("a,b", "t" + i),
            "{\"i\":" + i + ",\"s\":[true,null]}"
        };
    }

    /** A canonical timestamptz varying with i, microseconds without trailing zeros (cheap: no format, no regex). */
    private static String timestamp(long i) {
        StringBuilder b = new StringBuilder(40).append("2024-");
        two(b, 1 + i % 12).append('-');
        two(b, 1 + i % 28).append(' ');
        two(b, i % 24).append(':');
        two(b, i % 60).append(':');
        two(b, (i / 60) % 60).append('.');
        String micros = Long.toString(1_000_000 + i % 999_999 + 1).substring(1);
        int end = micros.length();
        while (micros.charAt(end - 1) == '0') {
            end--;
        }
        return b.append(micros, 0, end).append("+05:30").toString();
    }

    private static StringBuilder two(StringBuilder b, long v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /** Writes {@code rows} rows, commits, then opens (verifies) and reads every row back, comparing each value. */
    static long writeAndCheck(Path dir, long rows) throws IOException {
        StagingWriter w = StagingWriter.create(dir);
        TableWriter t = w.openTable(TABLE);
        for (long i = 0; i < rows; i++) {
            t.writeRow(row(i));
        }
        t.close();
        w.commit(manifest(List.of(TABLE), List.of(t.entry())));

        StagingReader reader = StagingReader.open(dir);
        long n = 0;
        try (TableReader r = reader.openTable("events")) {
            for (Object[] got = r.next(); got != null; got = r.next()) {
                Object[] expected = row(n);
                for (int c = 0; c < expected.length; c++) {
                    if (!Values.same(got[c], expected[c])) {
                        throw new AssertionError("row " + (n + 1) + ", column "
                                + TABLE.columns().get(c).name()
                                + ": expected " + Values.show(expected[c]) + " but was " + Values.show(got[c])
                                + " in " + Arrays.toString(got));
                    }
                }
                n++;
            }
        }
        if (n != rows) {
            throw new AssertionError("read " + n + " rows, wrote " + rows);
        }
        return t.entry().bytes();
    }

    /** {@code LargeTables <dir> <rows>}: prints {@code ok <rows> <fileBytes> <maxHeap>} or dies. */
    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[1]);
        long bytes = writeAndCheck(Path.of(args[0]), rows);
        System.out.println(
                "ok " + rows + " " + bytes + " " + Runtime.getRuntime().maxMemory());
    }
}
