package dev.migrate.importsqlite;

import static dev.migrate.importsqlite.StagingBuilder.col;
import static dev.migrate.importsqlite.StagingBuilder.notNull;
import static dev.migrate.importsqlite.StagingBuilder.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target is replaced only by a complete, checked database, and is byte-identical after every
 * failure: bad values mid-load, a full disk, a locked or in-use target, a read-only directory,
 * Ctrl-C and kill -9. No temporary file outlives a run (or, after kill -9, the next run).
 */
class TargetSafetyTest {

    @TempDir
    Path tmp;

    Path staging;
    Path dir;
    Path target;

    static final StagingType INT64 = StagingType.of(StagingKind.INT64);
    static final StagingType TEXT = StagingType.of(StagingKind.TEXT);

    static TableSchema items(boolean nameNullable) {
        return table(
                "items",
                List.of(
                        notNull("id", INT64),
                        nameNullable ? col("name", TEXT) : notNull("name", TEXT),
                        col("amount", StagingType.decimal(12, 2))),
                List.of("id"));
    }

    /** n rows; the name of row {@code nullAt} (1-based) is NULL, or none when 0. */
    static Iterable<Object[]> rows(long n, long nullAt) {
        return () -> new Iterator<>() {
            long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Object[] next() {
                i++;
                return new Object[] {i, i == nullAt ? null : "item " + i, (i % 1000) + ".50"};
            }
        };
    }

    @BeforeEach
    void setUp() throws IOException {
        staging = tmp.resolve("staging");
        dir = Files.createDirectory(tmp.resolve("app"));
        target = dir.resolve("app.db");
    }

    void stage(long n, long nullAt) {
        StagingBuilder.in(staging).table(items(nullAt == 0), rows(n, nullAt)).write();
    }

    void existingTarget() throws IOException {
        Sqlite.exec(target, "CREATE TABLE old (x TEXT); INSERT INTO old VALUES ('keep me'), ('and me')");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
    }

    SqliteImporter importer(ImportSqliteOptions options) {
        return new SqliteImporter(options, TableLoader.RowHook.NONE, 300);
    }

    SqliteImporter importer() {
        return importer(ImportSqliteOptions.of(staging, target));
    }

    /** Runs the failing import and checks the target is byte-identical and no temporary file remains. */
    MigrateException failsLeavingTargetUntouched(SqliteImporter importer) {
        String before = Files.exists(target) ? Sqlite.sha256(target) : null;
        List<String> listing = Sqlite.listing(dir);
        MigrateException e = (MigrateException) org.assertj.core.api.Assertions.catchThrowable(importer::run);
        assertThat(e).isInstanceOf(MigrateException.class);
        assertThat(e.getMessage()).doesNotContain("\n");
        if (before == null) {
            assertThat(target).doesNotExist();
        } else {
            assertThat(Sqlite.sha256(target)).isEqualTo(before);
        }
        assertThat(Sqlite.listing(dir)).isEqualTo(listing);
        return e;
    }

    @Test
    void aNewTargetIsCreatedOwnerOnly() throws IOException {
        stage(10, 0);
        ImportResult r = importer().run();
        assertThat(r.backup()).isNull();
        assertThat(r.target()).isEqualTo(target.toAbsolutePath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-------");
        assertThat(Sqlite.scalar(target, "SELECT count(*) FROM items")).isEqualTo(10L);
        assertThat(Sqlite.listing(dir)).containsExactly("app.db");
        assertThat(Sqlite.scalar(target, "PRAGMA journal_mode")).isEqualTo("delete");
    }

    @Test
    void anExistingTargetIsBackedUpOwnerOnlyAndReplacedKeepingItsPermissions() throws IOException {
        existingTarget();
        String before = Sqlite.sha256(target);
        stage(10, 0);
        ImportResult r = importer().run();

        Path backups = dir.resolve("backups");
        assertThat(r.backup()).isNotNull().hasParent(backups);
        assertThat(r.backup().getFileName().toString()).matches("app_backup_\\d{8}_\\d{6}\\.db");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backups)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(r.backup())))
                .isEqualTo("rw-------");
        // The backup holds the old content (a consistent copy, not necessarily the same bytes).
        assertThat(Sqlite.query(r.backup(), "SELECT x FROM old ORDER BY x"))
                .containsExactly(List.of("and me"), List.of("keep me"));
        assertThat(Sqlite.scalar(r.backup(), "PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(Sqlite.sha256(target)).isNotEqualTo(before);
        assertThat(Sqlite.scalar(target, "SELECT count(*) FROM sqlite_schema WHERE name = 'old'"))
                .isEqualTo(0L);
        assertThat(Sqlite.scalar(target, "SELECT count(*) FROM items")).isEqualTo(10L);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r-----");
        assertThat(Sqlite.listing(dir)).containsExactly("app.db", "backups");
        assertThat(Sqlite.listing(backups))
                .containsExactly(r.backup().getFileName().toString());

        // A second run in the same second gets its own backup name.
        ImportResult again = importer().run();
        assertThat(again.backup()).isNotEqualTo(r.backup());
        assertThat(Sqlite.listing(backups)).hasSize(2);
    }

    @Test
    void noBackupAndAChosenBackupDirectory() throws IOException {
        existingTarget();
        stage(3, 0);
        ImportResult r = importer(ImportSqliteOptions.of(staging, target).withBackup(false))
                .run();
        assertThat(r.backup()).isNull();
        assertThat(Sqlite.listing(dir)).containsExactly("app.db");

        Path elsewhere = tmp.resolve("safe/backups");
        ImportResult r2 = importer(ImportSqliteOptions.of(staging, target).withBackupDir(elsewhere))
                .run();
        assertThat(r2.backup()).hasParent(elsewhere);
        assertThat(Sqlite.scalar(r2.backup(), "SELECT count(*) FROM items")).isEqualTo(3L);
    }

    @Test
    void theBackupIsConsistentWhileAnotherConnectionReads() throws Exception {
        Sqlite.exec(target, "PRAGMA journal_mode = WAL; CREATE TABLE old (x); INSERT INTO old VALUES (1)");
        stage(5, 0);
        try (Connection reader = Sqlite.open(target);
                Statement st = reader.createStatement()) {
            st.execute("BEGIN");
            st.executeQuery("SELECT * FROM old").close(); // an open read transaction, as an app might hold
            // The reader is in this JVM, so the -shm probe cannot see it; the write lock is still free.
            ImportResult r = importer().run();
            assertThat(Sqlite.query(r.backup(), "SELECT x FROM old")).containsExactly(List.of(1L));
            st.execute("COMMIT");
        }
        // The new file keeps the WAL mode the application had chosen.
        assertThat(Sqlite.scalar(target, "PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(Sqlite.scalar(target, "SELECT count(*) FROM items")).isEqualTo(5L);
    }

    @Test
    void aValueTheSchemaRefusesMidLoadLeavesTheTargetByteIdentical() throws IOException {
        existingTarget();
        stage(12_000, 7_777); // NOT NULL name missing in row 7777, after one flushed batch
        MigrateException e = failsLeavingTargetUntouched(importer());
        assertThat(e.kind()).isEqualTo(MigrateException.Kind.INPUT);
        assertThat(e.getMessage())
                .startsWith("file items.json, table \"items\", row 7777, column \"name\": ")
                .contains("NOT NULL constraint failed: items.name");
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void aBadEnumLabelFailsWithItsRowAndColumn() {
        TableSchema t =
                table("moods", List.of(notNull("id", INT64), col("m", StagingType.enumOf("mood"))), List.of("id"));
        StagingBuilder.in(staging)
                .enumType("mood", "sad", "happy")
                .table(t, StagingBuilder.rows(new Object[] {1L, "sad"}, new Object[] {2L, "angry"}))
                .write();
        MigrateException e = failsLeavingTargetUntouched(importer());
        assertThat(e.getMessage())
                .startsWith("file moods.json, table \"moods\", row 2")
                .contains("CHECK constraint failed");
    }

    @Test
    void aFullDiskLeavesTheTargetByteIdentical() throws IOException {
        existingTarget();
        stage(20_000, 0);
        // Simulates the disk filling up: after the first batch the file may not grow any more.
        TableLoader.RowHook fillDisk = (c, table, rows) -> {
            try (Statement st = c.createStatement()) {
                var rs = st.executeQuery("PRAGMA page_count");
                rs.next();
                st.execute("PRAGMA max_page_count = " + rs.getLong(1));
            }
        };
        MigrateException e = failsLeavingTargetUntouched(
                new SqliteImporter(ImportSqliteOptions.of(staging, target).withBatchSize(1000), fillDisk, 300));
        assertThat(e.kind()).isEqualTo(MigrateException.Kind.RUNTIME);
        assertThat(e.getMessage())
                .contains("disk full while building the new database")
                .contains("target was not changed");
    }

    @Test
    void aRealFullFileSystemLeavesTheTargetByteIdentical() throws Exception {
        Path small = Files.createDirectory(tmp.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", small.toString())
                .redirectErrorStream(true)
                .start();
        assumeTrue(mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0, "needs permission to mount tmpfs");
        try {
            dir = small;
            target = small.resolve("app.db");
            existingTarget();
            stage(20_000, 0); // a few hundred KB of rows: more than the file system holds
            MigrateException e = failsLeavingTargetUntouched(importer());
            assertThat(e.getMessage()).contains("disk full");
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTargetLockedByAWriterIsRefused() throws Exception {
        existingTarget();
        stage(10, 0);
        try (Connection app = Sqlite.open(target);
                Statement st = app.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.executeUpdate("INSERT INTO old VALUES ('uncommitted')");
            MigrateException e = failsLeavingTargetUntouched(importer());
            assertThat(e.kind()).isEqualTo(MigrateException.Kind.RUNTIME);
            assertThat(e.getMessage())
                    .isEqualTo("file " + target.toAbsolutePath() + ": target is in use or was not closed cleanly (it"
                            + " has a rollback journal app.db-journal); close the application using it, or open and"
                            + " close the database once, then retry");
            st.execute("ROLLBACK");
        }
    }

    @Test
    void aTargetHeldExclusivelyIsRefusedAsLocked() throws Exception {
        existingTarget();
        stage(10, 0);
        try (Connection app = Sqlite.open(target);
                Statement st = app.createStatement()) {
            st.execute("BEGIN EXCLUSIVE"); // a lock, and no journal yet
            MigrateException e = failsLeavingTargetUntouched(importer());
            assertThat(e.kind()).isEqualTo(MigrateException.Kind.RUNTIME);
            assertThat(e.getMessage())
                    .isEqualTo("file " + target.toAbsolutePath() + ": target is locked by another connection (a write"
                            + " is in progress); close the application using it, then retry");
            st.execute("ROLLBACK");
        }
    }

    @Test
    void aTargetOpenInWalModeByAnotherProgramIsRefused() throws Exception {
        existingTarget();
        stage(10, 0);
        Process app = Forks.start(List.of(), HoldOpen.class, target.toString(), "wal");
        try {
            Forks.awaitLine(app, "ready", new ArrayList<>());
            List<String> listing = Sqlite.listing(dir);
            MigrateException e = (MigrateException) org.assertj.core.api.Assertions.catchThrowable(importer()::run);
            assertThat(e.getMessage()).contains("target is open in another program (WAL mode)");
            assertThat(Sqlite.listing(dir)).isEqualTo(listing);
        } finally {
            app.getOutputStream().close();
            Forks.await(app, 30);
        }
        importer().run(); // once the program is gone, the import goes through
        assertThat(Sqlite.scalar(target, "SELECT count(*) FROM items")).isEqualTo(10L);
    }

    @Test
    void aReadOnlyDirectoryIsRefused() throws Exception {
        stage(10, 0);
        boolean root = "root".equals(System.getProperty("user.name"));
        Process lock = root ? new ProcessBuilder("chattr", "+i", dir.toString()).start() : null;
        if (root) {
            assumeTrue(lock.waitFor(10, TimeUnit.SECONDS) && lock.exitValue() == 0, "chattr +i not available");
        } else {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        }
        try {
            MigrateException e = failsLeavingTargetUntouched(importer());
            assertThat(e.kind()).isEqualTo(MigrateException.Kind.RUNTIME);
            assertThat(e.getMessage()).contains("cannot write in the target's directory");
        } finally {
            if (root) {
                new ProcessBuilder("chattr", "-i", dir.toString()).start().waitFor(10, TimeUnit.SECONDS);
            } else {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    @Test
    void aTargetThatIsNotADatabaseIsNeverReplaced() throws IOException {
        Files.writeString(target, "my notes, not a database\n");
        stage(10, 0);
        MigrateException e = failsLeavingTargetUntouched(importer());
        assertThat(e.kind()).isEqualTo(MigrateException.Kind.INPUT);
        assertThat(e.getMessage()).endsWith("target exists and is not a SQLite database; refusing to replace it");
    }

    @Test
    void anEmptyTargetFileIsAnEmptyDatabaseAndIsReplaced() throws IOException {
        Files.createFile(target);
        stage(2, 0);
        ImportResult r = importer().run();
        assertThat(Sqlite.scalar(target, "SELECT count(*) FROM items")).isEqualTo(2L);
        assertThat(r.backup()).exists();
    }

    @Test
    void badTargetPathsAreRefused() throws IOException {
        stage(1, 0);
        assertThatThrownBy(() -> importer(ImportSqliteOptions.of(staging, tmp.resolve("missing/app.db")))
                        .run())
                .hasMessageEndingWith("the target's directory does not exist");
        Files.createDirectory(target);
        assertThatThrownBy(() -> importer().run()).hasMessageEndingWith("target is a directory, not a SQLite file");
    }

    @Test
    void aTamperedStagingDirectoryIsRefusedBeforeAnythingIsTouched() throws IOException {
        existingTarget();
        stage(100, 0);
        Path file = staging.resolve("items.json");
        String text = Files.readString(file).replace("item 42", "item 43");
        Files.writeString(file, text);
        MigrateException e = failsLeavingTargetUntouched(importer());
        assertThat(e.getMessage()).contains("SHA-256 mismatch");
    }

    /** Replaces the last occurrence of {@code from} in the file by {@code to}, of the same length. */
    static void tamper(Path file, String from, String to) throws IOException {
        assertThat(to).hasSameSizeAs(from);
        String text = Files.readString(file);
        int at = text.lastIndexOf(from);
        assertThat(at).isNotNegative();
        Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    static final String MISMATCH = "SHA-256 mismatch: the file was modified or corrupted after export";

    // The staging files are verified while they are loaded, not before: the rows before the
    // tampered one reach the new file, and only the swap at the end, which never comes, would
    // touch the target.

    @Test
    void aFileTamperedInItsLastRowLeavesTheTargetByteIdentical() throws IOException {
        existingTarget();
        stage(12_000, 0); // several flushed batches and the reader's read-ahead thread
        Path file = staging.resolve("items.json");
        tamper(file, "\"item 12000\"", "\"ITEM 12000\"");
        MigrateException e = failsLeavingTargetUntouched(importer());
        assertThat(e.getMessage()).isEqualTo("file " + file + ", table \"items\": " + MISMATCH);
        assertThat(e.kind()).isEqualTo(MigrateException.Kind.INPUT);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void tamperingThatMakesTheJsonInvalidIsReportedAsTheMismatch() throws IOException {
        existingTarget();
        stage(12_000, 0);
        Path file = staging.resolve("items.json");
        tamper(file, "{\"id\":9000,", "{\"id\":9000}");
        MigrateException e = failsLeavingTargetUntouched(importer());
        assertThat(e.getMessage()).isEqualTo("file " + file + ", table \"items\": " + MISMATCH);
    }

    @Test
    void aTamperedValueTheTableRefusesIsReportedAsTheMismatch() throws IOException {
        existingTarget();
        stage(12_000, 0); // name NOT NULL
        Path file = staging.resolve("items.json");
        // Valid JSON (whitespace keeps the size), but NULL into NOT NULL mid-load.
        tamper(file, "\"name\":\"item 7777\"", "\"name\":null       ");
        MigrateException e = failsLeavingTargetUntouched(importer());
        assertThat(e.getMessage()).isEqualTo("file " + file + ", table \"items\": " + MISMATCH);
    }

    @Test
    void theTargetBehindASymbolicLinkIsReplacedAndTheLinkKept() throws IOException {
        existingTarget();
        Path link = tmp.resolve("link.db");
        Files.createSymbolicLink(link, target);
        stage(4, 0);
        importer(ImportSqliteOptions.of(staging, link)).run();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Sqlite.scalar(target, "SELECT count(*) FROM items")).isEqualTo(4L);
    }

    @Test
    void killMinusNineMidImportLeavesTheTargetAndTheNextRunCleansUp() throws Exception {
        existingTarget();
        String before = Sqlite.sha256(target);
        stage(30_000, 0);
        Process p = Forks.start(List.of(), ForkedImport.class, staging.toString(), target.toString(), "60000");
        Forks.awaitLine(p, "batch items", new ArrayList<>());
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        Forks.await(p, 30);
        assertThat(Sqlite.sha256(target)).isEqualTo(before);
        assertThat(Sqlite.listing(dir)).anyMatch(n -> n.startsWith(".app.db.migrate-") && n.endsWith(".tmp"));

        ImportResult r = importer().run();
        assertThat(r.totalRows()).isEqualTo(30_000);
        assertThat(Sqlite.listing(dir)).containsExactly("app.db", "backups");
    }

    @Test
    void ctrlCMidImportRemovesTheTemporaryFile() throws Exception {
        existingTarget();
        String before = Sqlite.sha256(target);
        stage(30_000, 0);
        Process p = Forks.start(List.of(), ForkedImport.class, staging.toString(), target.toString(), "60000");
        Forks.awaitLine(p, "batch items", new ArrayList<>());
        assertThat(Sqlite.listing(dir)).anyMatch(n -> n.endsWith(".tmp"));
        p.destroy(); // SIGTERM, as Ctrl-C's SIGINT: shutdown hooks run
        Forks.await(p, 30);
        assertThat(Sqlite.sha256(target)).isEqualTo(before);
        assertThat(Sqlite.listing(dir)).containsExactly("app.db");
    }

    @Test
    void aTemporaryFileOfARunningImportIsLeftAlone() throws IOException {
        stage(3, 0);
        Path mine = dir.resolve(".app.db.migrate-" + ProcessHandle.current().pid() + "-0a0b0c.tmp");
        Files.writeString(mine, "x");
        long deadPid = deadPid();
        Path stale = dir.resolve(".app.db.migrate-" + deadPid + "-0a0b0c.tmp");
        Files.writeString(stale, "x");
        importer().run();
        assertThat(mine).exists(); // this process is alive: its file is not stale
        assertThat(stale).doesNotExist();
    }

    private static long deadPid() {
        for (long pid = 4_000_000; pid > 1000; pid--) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return pid;
            }
        }
        throw new IllegalStateException("no free pid");
    }
}
