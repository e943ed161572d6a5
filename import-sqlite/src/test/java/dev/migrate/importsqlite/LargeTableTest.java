package dev.migrate.importsqlite;

import static dev.migrate.importsqlite.StagingBuilder.col;
import static dev.migrate.importsqlite.StagingBuilder.identity;
import static dev.migrate.importsqlite.StagingBuilder.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.ValueCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big tables stream: 200k rows in the default run (values sampled), and 1M rows in a JVM limited
 * to {@code -Xmx256m} in the heavy run ({@code mvn -Pheavy verify}, or {@code -Dmigrate.heavy=true}).
 */
class LargeTableTest {

    @TempDir
    Path tmp;

    static final TableSchema EVENTS = table(
            "events",
            List.of(
                    identity("id", StagingType.of(StagingKind.INT64), "identity_by_default", null),
                    col("name", StagingType.of(StagingKind.TEXT)),
                    col("amount", StagingType.decimal(14, 2)),
                    col("at", StagingType.of(StagingKind.TIMESTAMPTZ)),
                    col("ok", StagingType.of(StagingKind.BOOLEAN)),
                    col("ratio", StagingType.of(StagingKind.FLOAT64)),
                    col("payload", StagingType.of(StagingKind.BYTES)),
                    col("tags", StagingType.array(StagingType.of(StagingKind.TEXT), 1))),
            List.of("id"));

    /** Row i, computed (in canonical form), so a sample can be checked without keeping the table anywhere. */
    static Object[] event(long i) {
        byte[] payload = new byte[16];
        Arrays.fill(payload, (byte) i);
        Object[] raw = new Object[] {
            i,
            "event " + i + " ✓",
            (i * 7) + "." + String.format("%02d", i % 100),
            String.format(
                    "2024-01-01 %02d:%02d:%02d.%06d+00:00", (i / 3600) % 24, (i / 60) % 60, i % 60, i % 1_000_000),
            i % 2 == 0,
            i / 3.0,
            payload,
            List.of("t" + (i % 5), "u")
        };
        for (int c = 0; c < raw.length; c++) {
            raw[c] = CODECS[c].canonical(raw[c]);
        }
        return raw;
    }

    static final ValueCodec[] CODECS =
            EVENTS.columns().stream().map(c -> Codecs.forType(c.type())).toArray(ValueCodec[]::new);

    static Iterable<Object[]> events(long n) {
        return () -> new Iterator<>() {
            long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Object[] next() {
                return event(++i);
            }
        };
    }

    static void checkSample(Path db, long n) {
        assertThat(Sqlite.scalar(db, "SELECT count(*) FROM events")).isEqualTo(n);
        assertThat(Sqlite.scalar(db, "SELECT sum(id) FROM events")).isEqualTo(n * (n + 1) / 2);
        List<Long> sample = new ArrayList<>(List.of(1L, 2L, n / 2, n - 1, n));
        for (long i = 7919; i < n; i += 7919) {
            sample.add(i);
        }
        for (long i : sample) {
            Object[] e = event(i);
            List<Object> row = Sqlite.query(
                            db,
                            "SELECT id, name, amount, at, ok, ratio, payload, tags, typeof(amount) FROM events WHERE id"
                                    + " = " + i)
                    .get(0);
            assertThat(row.get(0)).isEqualTo(e[0]);
            assertThat(row.get(1)).isEqualTo(e[1]);
            assertThat(row.get(2)).isEqualTo(e[2]);
            assertThat(row.get(3)).isEqualTo(e[3]);
            assertThat(row.get(4)).isEqualTo((Boolean) e[4] ? 1L : 0L);
            assertThat(row.get(5)).isEqualTo(e[5]);
            assertThat((byte[]) row.get(6)).isEqualTo((byte[]) e[6]);
            assertThat(row.get(7)).isEqualTo("[\"t" + (i % 5) + "\",\"u\"]");
            assertThat(row.get(8)).isEqualTo("text");
        }
    }

    @Test
    void twoHundredThousandRows() {
        long n = 200_000;
        StagingBuilder.in(tmp.resolve("staging")).table(EVENTS, events(n)).write();
        Path db = tmp.resolve("big.db");
        List<Long> progress = new ArrayList<>();
        ImportResult r = new SqliteImporter(ImportSqliteOptions.of(tmp.resolve("staging"), db))
                .run(new ImportListener() {
                    @Override
                    public void rowsLoaded(String table, long rowsSoFar) {
                        progress.add(rowsSoFar);
                    }
                });
        assertThat(r.totalRows()).isEqualTo(n);
        assertThat(progress).hasSize(40).endsWith(n);
        checkSample(db, n);
        assertThat(Sqlite.scalar(db, "SELECT seq FROM sqlite_sequence WHERE name = 'events'"))
                .isEqualTo(n);
    }

    @Test
    @EnabledIfSystemProperty(named = "migrate.heavy", matches = "true")
    void aMillionRowsWithA256MegabyteHeap() throws Exception {
        long n = 1_000_000;
        StagingBuilder.in(tmp.resolve("staging")).table(EVENTS, events(n)).write();
        Path db = tmp.resolve("big.db");
        Process p = Forks.start(
                List.of("-Xmx256m"), ForkedImport.class, tmp.resolve("staging").toString(), db.toString(), "0");
        List<String> out = new ArrayList<>();
        String done = Forks.awaitLine(p, "done", out);
        assertThat(Forks.await(p, 600)).as(String.join("\n", out)).isZero();
        assertThat(done).startsWith("done " + n + " maxHeap ");
        assertThat(Long.parseLong(done.substring(done.lastIndexOf(' ') + 1))).isLessThanOrEqualTo(256L << 20);
        checkSample(db, n);
    }
}
