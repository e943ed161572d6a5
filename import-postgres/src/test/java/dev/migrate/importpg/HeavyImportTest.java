package dev.migrate.importpg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.schema.Identity;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * 1M rows imported by a separate JVM limited to {@code -Xmx256m}: proves the import streams
 * (one row and one COPY buffer in memory), and prints the throughput. Enabled by {@code mvn
 * -Pheavy} ({@code -Dmigrate.heavy=true}); {@code -Dmigrate.heavy.rows=N} changes the size.
 */
@EnabledIfSystemProperty(named = "migrate.heavy", matches = "true")
class HeavyImportTest extends ImportTestSupport {

    static final long ROWS = Long.getLong("migrate.heavy.rows", 1_000_000L);

    /** The child process: imports {@code args[0]} into {@code args[1]} as user args[2] (password on stdin). */
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", args[2]);
        String password = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!password.isEmpty()) {
            p.setProperty("password", password);
        }
        ImportResult r = new PostgresImporter(
                        ImportPostgresOptions.of(Path.of(args[0]), args[1], p).withBackup(false, null))
                .run(ImportListener.NONE);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                "imported %d rows in %.2f s (%.0f rows/s), max heap %d MB%n",
                r.totalRows(), r.seconds(), r.totalRows() / r.seconds(), rt.maxMemory() >> 20);
    }

    static Iterator<Object[]> generate(long n) {
        return new Iterator<>() {
            long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Object[] next() {
                i++;
                return new Object[] {
                    i,
                    i % 100_000,
                    (i * 7919) % 1_000_003 - 500_000,
                    "row " + i + " with some text \t and a tab",
                    String.format(
                            "2024-%02d-%02d %02d:%02d:%02d.%06d+00:00",
                            1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 60, i % 1_000_000),
                    (i % 10_000) + "." + String.format("%02d", i % 100),
                    i % 3 == 0,
                };
            }
        };
    }

    @Test
    void aMillionRowsImportInBoundedMemory() throws Exception {
        TableSchema accounts = StagingFixture.table("accounts")
                .col("aid", StagingType.of(StagingKind.INT64), false, null, new Identity("rowid", null, null))
                .col("bid", StagingType.of(StagingKind.INT32))
                .col("abalance", StagingType.of(StagingKind.INT32))
                .col("filler", StagingType.of(StagingKind.TEXT))
                .col("updated", StagingType.of(StagingKind.TIMESTAMPTZ))
                .col("amount", StagingType.decimal(12, 2))
                .col("flag", StagingType.of(StagingKind.BOOLEAN))
                .pk("aid")
                .build();
        long t0 = System.nanoTime();
        Path staging =
                StagingFixture.fromSqlite().add(accounts, () -> generate(ROWS)).write(tmp.resolve("heavy"));
        System.out.printf("staging written in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        String target = db.createDatabase("heavy");

        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(HeavyImportTest.class.getName());
        cmd.add(staging.toString());
        cmd.add(db.server().jdbcUrl(target));
        cmd.add(db.server().user());
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        child.getOutputStream().write(db.server().password().getBytes(StandardCharsets.UTF_8));
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
        System.out.println(output.strip());
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("imported " + ROWS + " rows");

        assertThat(value(target, "select count(*) from accounts")).isEqualTo(Long.toString(ROWS));
        assertThat(value(
                        target,
                        "select filler || '|' || updated::text || '|' || amount || '|' || flag from accounts"
                                + " where aid = 999999"))
                .isEqualTo("row 999999 with some text \t and a tab|2024-04-08 15:39:39.999999+00|9999.99|true");
        execute(target, "insert into accounts (bid) values (1)");
        assertThat(value(target, "select max(aid) from accounts")).isEqualTo(Long.toString(ROWS + 1));
    }
}
