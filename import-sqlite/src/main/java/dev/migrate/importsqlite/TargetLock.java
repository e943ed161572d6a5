package dev.migrate.importsqlite;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConnection;

/**
 * Holds the existing target's write lock ({@code BEGIN IMMEDIATE}) from the backup until after the
 * rename, so no other connection can commit a change that the backup would miss and the new file
 * would drop. Readers are not blocked. Nothing is written through this connection: the transaction
 * is rolled back.
 *
 * <p>The backup reads through a second, read-only connection: SQLite's backup API refuses a source
 * connection that is inside a write transaction, and a second connection of this process can read
 * while the first holds the write lock (RESERVED in rollback mode, the WAL write lock in WAL mode).
 */
final class TargetLock implements AutoCloseable {

    private final Path target;
    private final Connection connection;
    private boolean closed;

    private TargetLock(Path target, Connection connection) {
        this.target = target;
        this.connection = connection;
    }

    /**
     * Takes the lock, waiting up to {@code timeoutMillis} for another connection's write to finish.
     *
     * @throws MigrateException RUNTIME when the target stays locked or cannot be opened for writing,
     *     INPUT when it is not a database
     */
    static TargetLock acquire(Path target, int timeoutMillis) {
        Location where = Location.file(target.toString());
        Connection c = null;
        try {
            c = SqliteConnections.openTarget(target, timeoutMillis);
            try (Statement st = c.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                    rs.next();
                }
            }
            return new TargetLock(target, c);
        } catch (SQLException e) {
            closeQuietly(c);
            if (SqliteErrors.isLocked(e)) {
                throw MigrateException.runtime(
                        where,
                        "target is locked by another connection (a write is in progress); close the application"
                                + " using it, then retry",
                        e);
            }
            throw switch (SqliteErrors.primary(e)) {
                case SQLITE_NOTADB ->
                    MigrateException.input(where, "target exists and is not a SQLite database; refusing to replace it");
                case SQLITE_READONLY ->
                    MigrateException.runtime(where, "target file is read-only; refusing to replace it", e);
                default -> MigrateException.runtime(where, "cannot open target: " + SqliteErrors.describe(e), e);
            };
        }
    }

    /** Opens and releases the lock at once: fails early, before the long build, when the target is busy. */
    static void probe(Path target, int timeoutMillis) {
        acquire(target, timeoutMillis).close();
    }

    /**
     * Copies the target with SQLite's online backup API into {@code partial} (an empty owner-only
     * file), checks the copy with {@code PRAGMA quick_check}, forces it to disk, and renames it to
     * {@code backup}. The copy is consistent because this connection holds the write lock.
     */
    void backupTo(Path partial, Path backup) {
        Location where = Location.file(backup.toString());
        try (Connection reader = SqliteConnections.openReadOnly(target)) {
            SQLiteConnection sqlite = reader.unwrap(SQLiteConnection.class);
            // All pages in one step, under one read transaction; retry a busy source for up to 5 s.
            int rc = sqlite.getDatabase().backup("main", partial.toString(), null, 100, 50, -1);
            if (rc != 0 && rc != 101) {
                throw MigrateException.runtime(
                        where, "backup failed: " + org.sqlite.SQLiteErrorCode.getErrorCode(rc).message, null);
            }
        } catch (SQLException e) {
            throw MigrateException.runtime(where, "backup failed: " + SqliteErrors.describe(e), e);
        }
        try (Connection check = SqliteConnections.openReadOnly(partial);
                Statement st = check.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            String answer = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(answer)) {
                throw MigrateException.runtime(where, "the backup copy failed PRAGMA quick_check: " + answer, null);
            }
        } catch (SQLException e) {
            throw MigrateException.runtime(where, "cannot check the backup copy: " + SqliteErrors.describe(e), e);
        }
        try {
            TargetFiles.fsync(partial);
            Files.move(partial, backup, StandardCopyOption.ATOMIC_MOVE);
            TargetFiles.fsyncDirectory(backup.getParent());
        } catch (IOException e) {
            throw MigrateException.runtime(where, "cannot write the backup: " + TargetFiles.describe(e), e);
        }
    }

    Path target() {
        return target;
    }

    /** Same as {@link #close()}: releases the lock before the end of the try block that holds it. */
    void release() {
        close();
    }

    /** Rolls back and closes; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Statement st = connection.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // Closing the connection ends the transaction anyway.
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing was written through this connection
        }
    }
}
