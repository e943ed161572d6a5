package dev.migrate.core.staging;

import static dev.migrate.core.staging.StagingFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables big enough for the read-ahead thread read exactly as a synchronous reader would: same
 * rows in order, row numbers, a problem in row n raised only after rows 1..n-1, and an early
 * close stops the thread.
 */
class TableReaderReadAheadTest {

    private static final TableSchema T =
            table("t", col("id", StagingType.of(StagingKind.INT64)), col("s", StagingType.of(StagingKind.TEXT)));

    @TempDir
    Path tmp;

    private static String rows(int n, int badRow) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 1; i <= n; i++) {
            b.append(i == 1 ? "\n" : ",\n");
            if (i == badRow) {
                b.append("{\"id\":\"not a number\",\"s\":\"x\"}");
            } else {
                b.append("{\"id\":").append(i).append(",\"s\":\"row ").append(i).append("\"}");
            }
        }
        return b.append("\n]\n").toString();
    }

    @Test
    void everyRowInOrderWithItsNumber() throws IOException {
        int n = TableReader.READ_AHEAD_MIN_ROWS * 5 + 17;
        Path dir = tmp.resolve("ok");
        handMade(dir, T, rows(n, -1), n);
        try (TableReader r = StagingReader.open(dir).openTable("t")) {
            for (long i = 1; i <= n; i++) {
                Object[] row = r.next();
                assertThat(row).containsExactly(i, "row " + i);
                assertThat(r.rowNumber()).isEqualTo(i);
            }
            assertThat(r.next()).isNull();
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void aBadRowIsReportedAfterTheRowsBeforeIt() throws IOException {
        int n = TableReader.READ_AHEAD_MIN_ROWS * 3;
        int bad = TableReader.BATCH_ROWS * 3 + 5;
        Path dir = tmp.resolve("bad");
        handMade(dir, T, rows(n, bad), n);
        List<Object[]> seen = new ArrayList<>();
        try (TableReader r = StagingReader.open(dir).openTable("t")) {
            assertThatThrownBy(() -> {
                        for (Object[] row = r.next(); row != null; row = r.next()) {
                            seen.add(row);
                        }
                    })
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("row " + bad)
                    .hasMessageContaining("column \"id\"");
        }
        assertThat(seen).hasSize(bad - 1);
        assertThat(seen.get(bad - 2)).containsExactly((long) bad - 1, "row " + (bad - 1));
    }

    @Test
    void aWrongRowCountIsReportedAfterTheLastRow() throws IOException {
        int n = TableReader.READ_AHEAD_MIN_ROWS * 2;
        Path dir = tmp.resolve("count");
        handMade(dir, T, rows(n, -1), n);
        // The reader is opened from a verified directory; its expected count is then edited
        // in memory only, the way a manifest edited after verification would look.
        StagingReader staging = StagingReader.open(dir);
        TableEntry e = staging.manifest().entry("t").orElseThrow();
        TableEntry wrong = new TableEntry(e.table(), e.file(), n + 1, e.bytes(), e.sha256());
        long[] count = {0};
        try (TableReader r = new TableReader(T, wrong, dir.resolve(e.file()))) {
            assertThatThrownBy(() -> {
                        while (r.next() != null) {
                            count[0]++;
                        }
                    })
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("holds " + n + " rows, manifest says " + (n + 1));
        }
        assertThat(count[0]).isEqualTo(n);
    }

    @Test
    void closingEarlyStopsTheReadAheadThread() throws IOException, InterruptedException {
        int n = TableReader.READ_AHEAD_MIN_ROWS * 20;
        Path dir = tmp.resolve("early");
        handMade(dir, T, rows(n, -1), n);
        TableReader r = StagingReader.open(dir).openTable("t");
        assertThat(r.next()).containsExactly(1L, "row 1");
        r.close();
        r.close();
        for (int i = 0; i < 50 && readerThreadAlive(); i++) {
            Thread.sleep(20);
        }
        assertThat(readerThreadAlive()).isFalse();
    }

    private static boolean readerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("staging-reader ") && t.isAlive());
    }
}
