package dev.migrate.exportsqlite;

import static dev.migrate.exportsqlite.TestFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import dev.migrate.core.report.TableStats;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.testing.Datasets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs give one clear line; the source is never written; names cannot inject SQL. */
class SourceSafetyTest {

    @TempDir
    Path tmp;

    private MigrateException exportFails(Path source) {
        Throwable t =
                org.assertj.core.api.Assertions.catchThrowable(() -> TestFiles.export(source, tmp.resolve("out")));
        assertThat(t).isInstanceOf(MigrateException.class);
        MigrateException e = (MigrateException) t;
        assertThat(e.getMessage()).doesNotContain("\n").startsWith("file " + source);
        assertThat(tmp.resolve("out")).doesNotExist();
        return e;
    }

    @Test
    void missingFile() {
        MigrateException e = exportFails(tmp.resolve("nope.db"));
        assertThat(e.kind()).isEqualTo(MigrateException.Kind.INPUT);
        assertThat(e.getMessage()).endsWith(": no such file");
        assertThat(tmp.resolve("nope.db")).doesNotExist(); // SQLite would have created it
    }

    @Test
    void emptyFile() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.db"));
        MigrateException e = exportFails(empty);
        assertThat(e.getMessage()).endsWith("the file is empty (0 bytes), not a SQLite database");
        assertThat(Files.size(empty)).isZero();
    }

    @Test
    void notADatabase() throws Exception {
        Path dump = Files.writeString(tmp.resolve("dump.sql"), "-- PostgreSQL database dump\nCREATE TABLE t();\n");
        MigrateException e = exportFails(dump);
        assertThat(e.getMessage())
                .contains("not a SQLite database: it does not start with the header \"SQLite format 3\"")
                .contains("(it starts with \"-- PostgreSQL da\")");
        Path binary = Files.write(tmp.resolve("bin.db"), new byte[] {0, 1, 2, 3});
        assertThat(exportFails(binary).getMessage()).endsWith("does not start with the header \"SQLite format 3\"");
    }

    @Test
    void directory() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("adir.db"));
        assertThat(exportFails(dir).getMessage()).endsWith("is a directory, not a SQLite database file");
    }

    @Test
    void headerButGarbage() throws Exception {
        byte[] bytes = new byte[4096];
        System.arraycopy(SourceFile.HEADER, 0, bytes, 0, 16);
        for (int i = 16; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path fake = Files.write(tmp.resolve("fake.db"), bytes);
        MigrateException e = exportFails(fake);
        assertThat(e.getMessage()).containsAnyOf("not a SQLite database", "corrupt");
    }

    @Test
    void theSourceIsNeverWritten() throws Exception {
        Path source = tmp.resolve("copy.sqlite");
        Files.copy(Datasets.dataset("northwind-sqlite/northwind.db"), source);
        Files.setLastModifiedTime(source, FileTime.fromMillis(1_600_000_000_000L));
        String before = sha256(source);
        List<String> filesBefore = listing(tmp);

        ExportResult r = TestFiles.export(source, tmp.resolve("out"));

        assertThat(r.totalRows()).isEqualTo(3_310);
        assertThat(sha256(source)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(source).toMillis()).isEqualTo(1_600_000_000_000L);
        List<String> filesAfter = listing(tmp);
        filesAfter.remove("out");
        assertThat(filesAfter).isEqualTo(filesBefore); // no journal, no -wal/-shm left behind
        assertThat(r.warnings()).noneMatch(w -> w.startsWith("SQLite created"));
    }

    @Test
    void walDatabaseNobodyHasOpenIsReadWithoutChangingTheFile() throws Exception {
        Path source = tmp.resolve("wal.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO t VALUES (1, 'a')");
        }
        assertThat(tmp.resolve("wal.db-wal")).doesNotExist(); // checkpointed and removed on close
        String before = sha256(source);
        long mtime = Files.getLastModifiedTime(source).toMillis();

        ExportResult r = TestFiles.export(source, tmp.resolve("out"));

        assertThat(rows(r.exportDir(), "t")).containsExactly(Map.of("id", 1L, "v", "a"));
        assertThat(sha256(source)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(source).toMillis()).isEqualTo(mtime);
        // SQLite needs its -wal/-shm companions to read a WAL database; the export says so.
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("SQLite created wal.db-wal and wal.db-shm"));
    }

    @Test
    void lockedDatabaseGivesOneClearLineAfterTheBusyTimeout() throws Exception {
        Path source = TestFiles.sqlite(tmp.resolve("locked.db"), "CREATE TABLE t (id INTEGER)");
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement s = holder.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> new SqliteExporter(ExportSqliteOptions.of(source, tmp.resolve("out"), "t")
                                    .withBusyTimeout(Duration.ofMillis(300)))
                            .run(ProgressListener.NONE))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageStartingWith("file " + source + ": ")
                    .hasMessageContaining("locked by another connection and was still busy after 300 ms")
                    .satisfies(e -> assertThat(((MigrateException) e).kind()).isEqualTo(MigrateException.Kind.RUNTIME));
            assertThat(System.nanoTime() - t0).isGreaterThan(250_000_000L);
            s.execute("ROLLBACK");
        }
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aLockReleasedWithinTheBusyTimeoutIsWaitedFor() throws Exception {
        Path source =
                TestFiles.sqlite(tmp.resolve("briefly.db"), "CREATE TABLE t (id INTEGER)", "INSERT INTO t VALUES (1)");
        CountDownLatch locked = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                    Statement s = c.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                s.execute("INSERT INTO t VALUES (2)");
                locked.countDown();
                Thread.sleep(400);
                s.execute("COMMIT");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        locked.await();
        ExportResult r = TestFiles.export(source, tmp.resolve("out"));
        writer.join();
        assertThat(r.totalRows()).isEqualTo(2);
    }

    @Test
    void pathsWithUriSpecialCharactersOpenTheRightFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dir #1 ?é%20"));
        Path source = TestFiles.sqlite(
                dir.resolve("we?ird#name%41.db"), "CREATE TABLE t (v TEXT)", "INSERT INTO t VALUES ('found')");
        ExportResult r = TestFiles.export(source, tmp.resolve("out"));
        assertThat(rows(r.exportDir(), "t")).containsExactly(Map.of("v", "found"));
        assertThat(r.manifest().source().database()).isEqualTo("we?ird#name%41.db");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("we?ird#name%41.db");
        }
    }

    @Test
    void namesCannotInjectSql() throws Exception {
        String evil = "x\"; DROP TABLE users; --";
        Path source = TestFiles.sqlite(
                tmp.resolve("evil.db"),
                "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)",
                "INSERT INTO users VALUES (1, 'a@example.com')",
                "CREATE TABLE \"x\"\"; DROP TABLE users; --\" (\"a\"\"b\" TEXT, \"select\" INTEGER, [with space] REAL,"
                        + " \"user\" INTEGER REFERENCES users)",
                "INSERT INTO \"x\"\"; DROP TABLE users; --\" VALUES ('q\"uote', 1, 2.5, 1)",
                "CREATE INDEX \"i\"\"dx\" ON \"x\"\"; DROP TABLE users; --\" (\"select\")");
        String before = sha256(source);

        ExportResult r = TestFiles.export(source, tmp.resolve("out"));

        assertThat(r.tables()).extracting(TableStats::table).containsExactlyInAnyOrder("users", evil);
        assertThat(rows(r.exportDir(), evil))
                .containsExactly(Map.of("a\"b", "q\"uote", "select", 1L, "with space", 2.5, "user", 1L));
        assertThat(TestFiles.table(r, evil).indexes().get(0).name()).isEqualTo("i\"dx");
        assertThat(TestFiles.table(r, evil).foreignKeys().get(0).referencedTable())
                .isEqualTo("users");
        assertThat(rows(r.exportDir(), "users")).hasSize(1);
        assertThat(sha256(source)).isEqualTo(before);
        assertThat(r.manifest().entry(evil).orElseThrow().file())
                .doesNotContain("\"")
                .doesNotContain(" ");
    }

    @Test
    void utf16DatabaseTextIsReadExactly() throws Exception {
        Path source = TestFiles.sqlite(tmp.resolve("utf16.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA encoding = 'UTF-16le'");
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO t VALUES (1, 'Łódź \uD83D\uDE00 \uFFFD')");
        }
        ExportResult r = TestFiles.export(source, tmp.resolve("out"));
        assertThat(rows(r.exportDir(), "t").get(0)).containsEntry("name", "Łódź \uD83D\uDE00 \uFFFD");
        assertThat(TestFiles.column(r, "t", "name").type()).isEqualTo(StagingType.of(StagingKind.TEXT));
    }

    @Test
    void aDatabaseWithoutTablesExportsNothingAndSaysSo() throws Exception {
        Path source = TestFiles.sqlite(tmp.resolve("none.db"), "PRAGMA user_version = 7");
        assertThat(Files.size(source)).isPositive();
        ExportResult r = TestFiles.export(source, tmp.resolve("out"));
        assertThat(r.tables()).isEmpty();
        assertThat(r.warnings()).containsExactly("the database has no tables; the export is empty");
        assertThat(tmp.resolve("out").resolve(Manifest.FILE_NAME)).exists();
    }

    @Test
    void aFailedExportLeavesNoManifestAndNoTableFiles() throws Exception {
        Path source = TestFiles.sqlite(
                tmp.resolve("two.db"),
                "CREATE TABLE a (id INTEGER PRIMARY KEY)",
                "CREATE TABLE b (id INTEGER PRIMARY KEY)",
                "INSERT INTO a VALUES (1)");
        Path out = tmp.resolve("out");
        TestFiles.export(source, out); // an earlier, complete export in the same directory
        assertThat(out.resolve(Manifest.FILE_NAME)).exists();

        assertThatThrownBy(() -> new SqliteExporter(ExportSqliteOptions.of(source, out, "t"))
                        .run(new ProgressListener() {
                            @Override
                            public void tableStarted(String table, int index, int tableCount) {
                                if (index == 2) {
                                    throw new IllegalStateException("interrupted by the test");
                                }
                            }
                        }))
                .hasMessage("interrupted by the test");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void progressIsReported() throws Exception {
        Path source = TestFiles.sqlite(
                tmp.resolve("progress.db"),
                "CREATE TABLE t (id INTEGER PRIMARY KEY)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000)"
                        + " INSERT INTO t SELECT i FROM n");
        List<String> events = new java.util.ArrayList<>();
        new SqliteExporter(ExportSqliteOptions.of(source, tmp.resolve("out"), "t")).run(new ProgressListener() {
            @Override
            public void snapshotStarted(int tables) {
                events.add("snapshot " + tables);
            }

            @Override
            public void tableStarted(String table, int index, int tableCount) {
                events.add("start " + table + " " + index + "/" + tableCount);
            }

            @Override
            public void rowsWritten(String table, long rows) {
                events.add("rows " + rows);
            }

            @Override
            public void tableFinished(TableStats stats) {
                events.add("done " + stats.table() + " " + stats.rows());
            }
        });
        assertThat(events).containsExactly("snapshot 1", "start t 1/1", "rows 10000", "rows 20000", "done t 25000");
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return new java.util.ArrayList<>(
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
