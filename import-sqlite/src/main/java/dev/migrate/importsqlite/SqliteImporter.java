package dev.migrate.importsqlite;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.SkippedObject;
import dev.migrate.core.sql.CheckedSqliteFile;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.SecureFiles;
import dev.migrate.core.staging.StagingReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a staging directory into a SQLite file: {@code new SqliteImporter(options).run(listener)}.
 *
 * <p>Order of work, chosen so that the target is byte-identical after any failure:
 *
 * <ol>
 *   <li>check the staging directory (manifest; every table file present, of its size), the target (its directory exists and is
 *       writable; an existing target is a SQLite file, not in use, and not locked) and the schema
 *       file — all before anything is written;
 *   <li>remove temporary files left by killed runs, then build the new database in an owner-only
 *       temporary file beside the target (see {@link SqliteConnections#openBuild}): schema, rows in
 *       one transaction in batches (each table file's SHA-256 and row count verified as it is
 *       read, see {@link StagingReader#openForStreaming}; any file not read verified after), indexes, {@code sqlite_sequence}, then {@code PRAGMA
 *       foreign_key_check} and {@code PRAGMA integrity_check}; close it;
 *   <li>take the target's write lock, back it up with the online backup API into {@code
 *       <backup dir>/<name>_backup_YYYYMMDD_HHMMSS.db} (owner-only, local time), give the new file
 *       the target's permissions (0600 for a new target), force it to disk, rename it over the
 *       target atomically, force the directory, release the lock. For a target in WAL mode the
 *       lock is released (and the target checked again for other connections) just before the
 *       rename, because closing a WAL connection touches the {@code -wal} and {@code -shm} files
 *       that then belong to the new file.
 * </ol>
 *
 * <p>A failure at any step removes the temporary file (and a partial backup) and throws a {@link
 * MigrateException}; so does Ctrl-C, through a shutdown hook. A {@code kill -9} leaves the target
 * as it was and a temporary file the next run deletes.
 *
 * <p>Not detectable, hence documented: an application that has the target open in rollback-journal
 * mode without a transaction in progress holds no lock. Replacing the file under it leaves it
 * writing to the old, unlinked file. Stop the application before importing.
 */
public final class SqliteImporter {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteImporter.class);

    /** How long to wait for another connection's write before calling the target locked. */
    static final int DEFAULT_LOCK_TIMEOUT_MILLIS = 3000;

    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private final ImportSqliteOptions options;
    private final TableLoader.RowHook hook;
    private final int lockTimeoutMillis;

    public SqliteImporter(ImportSqliteOptions options) {
        this(options, TableLoader.RowHook.NONE, DEFAULT_LOCK_TIMEOUT_MILLIS);
    }

    /** For tests: a hook called after every batch (fault injection) and a shorter lock timeout. */
    SqliteImporter(ImportSqliteOptions options, TableLoader.RowHook hook, int lockTimeoutMillis) {
        this.options = Objects.requireNonNull(options, "options");
        this.hook = hook;
        this.lockTimeoutMillis = lockTimeoutMillis;
    }

    public ImportResult run() {
        return run(ImportListener.NONE);
    }

    /**
     * Runs the import.
     *
     * @throws MigrateException INPUT for a bad staging directory, schema file, target path or a value
     *     the schema refuses; RUNTIME for a locked, in-use or read-only target, a full disk, or I/O
     *     failures. The target is unchanged in every case.
     */
    public ImportResult run(ImportListener listener) {
        long started = System.nanoTime();
        listener.phase("checking staging directory " + options.stagingDir());
        // Manifest, files present and of their size now; each file's SHA-256 and row count while
        // it is loaded (read once instead of twice: 0.5-0.8 s of every import). The new file is
        // swapped in only after every table file was verified (see build).
        // On any failure a staging problem is reported first, as when the files were verified
        // before anything else: a tampered file, not the target check or the value it made SQLite
        // refuse.
        return StagingReader.importVerifying(options.stagingDir(), staging -> run(staging, listener, started));
    }

    private ImportResult run(StagingReader staging, ImportListener listener, long started) {
        Manifest manifest = staging.manifest();

        TargetFiles files = new TargetFiles(options.target());
        files.check();
        if (options.schemaFile() != null && !Files.isRegularFile(options.schemaFile())) {
            throw MigrateException.input(
                    Location.file(options.schemaFile().toString()), "schema file does not exist or is not a file");
        }
        Notes notes = new Notes();
        List<TablePlan> plans = new TablePlanner(manifest, notes).plan();
        for (SkippedObject s : manifest.schema().skipped()) {
            notes.warn(s.kind() + " " + s.name() + " not migrated: " + s.reason());
        }

        Path backupDir = options.effectiveBackupDir().toAbsolutePath();
        files.removeStaleTemporaries(backupDir);
        boolean replacing = files.exists();
        boolean wal = replacing && files.isWal();
        if (replacing) {
            TargetLock.probe(files.target(), lockTimeoutMillis);
        }

        try (CleanupGuard guard = new CleanupGuard()) {
            Path temp = files.newTemporary();
            guard.add(temp);
            List<TableStats> stats = build(temp, staging, plans, notes, wal, listener);

            listener.phase("replacing " + files.target());
            Path backup = null;
            if (replacing) {
                files.checkNotInUse(Location.file(files.target().toString()));
            }
            try (TargetLock lock = replacing ? TargetLock.acquire(files.target(), lockTimeoutMillis) : null) {
                if (lock != null && options.backup()) {
                    backup = backup(lock, files, backupDir, guard, listener);
                }
                if (lock != null && wal) {
                    // A WAL connection left open on the old file would, when it closes, checkpoint and delete
                    // the -wal and -shm files beside the target, which by then belong to the new file. So
                    // release it first and make sure nobody connected meanwhile.
                    lock.release();
                    files.checkNotInUse(Location.file(files.target().toString()));
                }
                files.replaceWith(temp);
                guard.release(temp);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.info("imported {} tables into {} in {} s", stats.size(), files.target(), seconds);
            // Stamped after the swap: the file validate will find, if nothing writes to it meanwhile.
            CheckedSqliteFile checked = CheckedSqliteFile.stamp(files.target(), "import-sqlite");
            return new ImportResult(files.target(), backup, stats, notes.warnings(), seconds, checked);
        }
    }

    private List<TableStats> build(
            Path temp,
            StagingReader staging,
            List<TablePlan> plans,
            Notes notes,
            boolean wal,
            ImportListener listener) {
        Manifest manifest = staging.manifest();
        boolean sqliteSource = manifest.source() != null
                && "sqlite".equalsIgnoreCase(manifest.source().dialect());
        Location where = Location.file(options.target().toString());
        try (Connection c = SqliteConnections.openBuild(temp)) {
            listener.phase("creating schema");
            List<InsertPlan> inserts;
            SchemaDdl ddl = null;
            if (options.schemaFile() != null) {
                UserSchema user = new UserSchema(options.schemaFile(), notes);
                user.apply(c);
                inserts = user.map(c, plans, manifest);
                c.setAutoCommit(false);
            } else {
                c.setAutoCommit(false);
                ddl = new SchemaDdl(manifest.schema(), sqliteSource, notes, plans);
                try (Statement st = c.createStatement()) {
                    for (TablePlan p : plans) {
                        String sql = ddl.createTable(p);
                        LOG.debug("{}", sql);
                        st.execute(sql);
                    }
                }
                inserts = plans.stream().map(InsertPlan::of).toList();
            }

            TableLoader loader = new TableLoader(c, staging, options.batchSize(), listener, hook);
            List<long[]> loaded = new ArrayList<>();
            for (InsertPlan ip : inserts) {
                long t0 = System.nanoTime();
                long rows = loader.load(ip);
                loaded.add(new long[] {rows, System.nanoTime() - t0});
            }
            // Each loader verified its file when it reached the end; a staged table no plan loads
            // (or one a loader stopped reading early) is verified here, before anything else
            // can fail on the data and long before the swap.
            staging.verifyRemaining();
            if (ddl != null) {
                listener.phase("creating indexes");
                try (Statement st = c.createStatement()) {
                    for (TablePlan p : plans) {
                        for (String sql : ddl.createIndexes(p)) {
                            LOG.debug("{}", sql);
                            st.execute(sql);
                        }
                    }
                }
            }
            Sequences.apply(c, inserts, notes);
            c.commit();

            listener.phase("checking foreign keys and integrity");
            IntegrityChecks checks = new IntegrityChecks(c, manifest, inserts, notes);
            try (IntegrityCheckBeside integrity = IntegrityCheckBeside.start(c, temp)) {
                checks.foreignKeys();
                integrity.await();
            }
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                // Exclusive again: a switch to WAL below then keeps its index in memory, as before,
                // instead of creating a -shm file beside the temporary one.
                st.execute("PRAGMA locking_mode = EXCLUSIVE");
            }
            if (wal) {
                // Keep the journal mode the application chose for the file it replaces.
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA journal_mode = WAL");
                }
            }

            List<TableStats> stats = new ArrayList<>();
            for (int i = 0; i < inserts.size(); i++) {
                InsertPlan ip = inserts.get(i);
                TablePlan p = ip.plan();
                long bytes = manifest.entry(p.source().name()).orElseThrow().bytes();
                TableStats s = new TableStats(
                        ip.table(),
                        p.source().name(),
                        loaded.get(i)[0],
                        bytes,
                        loaded.get(i)[1] / 1e9,
                        notes.forTable(p.name()));
                stats.add(s);
                listener.tableFinished(s);
            }
            return stats;
        } catch (SQLException e) {
            if (SqliteErrors.isDiskFull(e)) {
                throw MigrateException.runtime(
                        where,
                        "disk full while building the new database in " + temp.getParent()
                                + "; the target was not changed",
                        e);
            }
            throw MigrateException.runtime(
                    where,
                    "SQLite failed while building the new database: " + SqliteErrors.describe(e)
                            + "; the target was not changed",
                    e);
        }
    }

    private Path backup(TargetLock lock, TargetFiles files, Path backupDir, CleanupGuard guard, ImportListener l) {
        l.phase("backing up " + files.target());
        try {
            if (!Files.isDirectory(backupDir)) {
                SecureFiles.createPrivateDirectories(backupDir);
            }
        } catch (IOException e) {
            throw MigrateException.runtime(
                    Location.file(backupDir.toString()),
                    "cannot create the backup directory: " + TargetFiles.describe(e) + "; the target was not changed",
                    e);
        }
        String name = files.target().getFileName().toString();
        Path backup = backupDir.resolve(backupFileName(name, LocalDateTime.now(), 1));
        for (int n = 2; Files.exists(backup); n++) {
            backup = backupDir.resolve(backupFileName(name, LocalDateTime.now(), n));
        }
        Path partial = files.newTemporary(backupDir, name, "partial");
        guard.add(partial);
        lock.backupTo(partial, backup);
        guard.release(partial);
        return backup;
    }

    /**
     * {@code app.db} → {@code app_backup_20261121_134041.db}; {@code n > 1} adds {@code _n} for a
     * second backup within the same second.
     */
    static String backupFileName(String targetName, LocalDateTime when, int n) {
        int dot = targetName.lastIndexOf('.');
        String stem = dot > 0 ? targetName.substring(0, dot) : targetName;
        return stem + "_backup_" + BACKUP_STAMP.format(when) + (n > 1 ? "_" + n : "") + ".db";
    }
}
