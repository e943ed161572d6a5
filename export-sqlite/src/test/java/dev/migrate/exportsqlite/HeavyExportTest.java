package dev.migrate.exportsqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.staging.TableReader;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * One million rows plus multi-megabyte cells exported by a JVM limited to 256 MB of heap: memory
 * stays bounded because one row is in flight at a time. Run with {@code mvn -Pheavy verify} (or
 * {@code -Dmigrate.heavy=true}); the export runs in a forked {@code java -Xmx256m}.
 */
@EnabledIfSystemProperty(named = "migrate.heavy", matches = "true")
class HeavyExportTest {

    static final int ROWS = 1_000_000;
    static final int BIG_CELLS = 8;
    static final int BIG_BYTES = 8 << 20;

    @TempDir
    Path tmp;

    @Test
    void oneMillionRowsUnder256MegabytesOfHeap() throws Exception {
        Path db = tmp.resolve("big.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, name TEXT, amount NUMERIC(12,2),"
                        + " happened DATETIME, done BOOLEAN, payload BLOB)");
                s.execute("CREATE TABLE files (id INTEGER PRIMARY KEY, content BLOB, body TEXT)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO events (name, amount, happened, done, payload) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    ps.setString(1, "event number " + i);
                    ps.setDouble(2, i / 100.0);
                    ps.setString(
                            3, String.format("2024-%02d-%02d %02d:%02d:00", 1 + i % 12, 1 + i % 28, i % 24, i % 60));
                    ps.setInt(4, i % 2);
                    ps.setBytes(5, new byte[] {(byte) i, (byte) (i >> 8)});
                    ps.addBatch();
                    if (i % 10_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO files (content, body) VALUES (?, ?)")) {
                for (int i = 0; i < BIG_CELLS; i++) {
                    byte[] big = new byte[BIG_BYTES];
                    big[i] = 1;
                    ps.setBytes(1, big);
                    ps.setString(2, "x".repeat(BIG_BYTES / 2) + i);
                    ps.executeUpdate();
                }
            }
            c.commit();
        }

        Path out = tmp.resolve("out");
        Process p = new ProcessBuilder(List.of(
                        Paths.get(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ForkedExport.class.getName(),
                        db.toString(),
                        out.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("rows=" + (ROWS + BIG_CELLS)).contains("maxHeapMb=");
        System.out.println("forked export: " + output.strip());

        StagingReader reader = StagingReader.open(out); // sizes, SHA-256 and counts verified
        assertThat(reader.manifest().entry("events").orElseThrow().rows()).isEqualTo(ROWS);
        assertThat(reader.manifest().schema().table("events").orElseThrow().columns())
                .extracting(col -> col.type())
                .containsExactly(
                        StagingType.of(StagingKind.INT64),
                        StagingType.of(StagingKind.TEXT),
                        StagingType.decimal(12, 2),
                        StagingType.of(StagingKind.TIMESTAMP),
                        StagingType.of(StagingKind.BOOLEAN),
                        StagingType.of(StagingKind.BYTES));
        try (TableReader t = reader.openTable("events")) {
            long n = 0;
            for (Object[] row = t.next(); row != null; row = t.next()) {
                n++;
                if (n == ROWS) {
                    assertThat(row)
                            .containsExactly(
                                    (long) ROWS, "event number " + ROWS, "10000", "2024-05-09 16:40:00", false, row[5]);
                }
            }
            assertThat(n).isEqualTo(ROWS);
        }
        assertThat(out.resolve("files.json").toFile().length()).isGreaterThan((long) BIG_CELLS * BIG_BYTES);
    }
}
