package dev.migrate.importsqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** Opens the three kinds of connections an import needs, each configured for its job. */
final class SqliteConnections {

    /**
     * Page cache of the database being built: 64 MiB of native memory, not Java heap. Rows are
     * appended in key order, so a bigger cache buys nothing measurable, while it counts fully in
     * the process's memory: 128 MiB put the 170k-row tenant import at ~305 MB peak RSS, 64 MiB at
     * ~230 MB, same CPU time (docs/performance.md).
     */
    static final int BUILD_CACHE_KIB = 65_536;

    private SqliteConnections() {}

    /**
     * A {@code file:} URI, so sqlite-jdbc never reads {@code ?} in a file name as connection options,
     * and SQLite decodes every escaped character back.
     */
    static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath().toUri();
    }

    /**
     * For the new database. No journal and no fsync while building, a big cache, and an exclusive
     * lock while it writes (released only for the read-only integrity check, {@link
     * IntegrityCheckBeside}): safe, because the file only replaces the target after it
     * is complete, checked, closed and forced to disk; a crash leaves only a temporary file.
     */
    static Connection openBuild(Path file) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.OFF);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        cfg.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
        cfg.setCacheSize(-BUILD_CACHE_KIB);
        cfg.enforceForeignKeys(false);
        return cfg.createConnection(url(file));
    }

    /** For the existing target: read-write (to take the write lock) but never creating the file. */
    static Connection openTarget(Path file, int busyTimeoutMillis) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.resetOpenMode(SQLiteOpenMode.CREATE);
        cfg.setBusyTimeout(busyTimeoutMillis);
        return cfg.createConnection(url(file));
    }

    /** For checking a finished file without changing it. */
    static Connection openReadOnly(Path file) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.resetOpenMode(SQLiteOpenMode.CREATE);
        return cfg.createConnection(url(file));
    }
}
