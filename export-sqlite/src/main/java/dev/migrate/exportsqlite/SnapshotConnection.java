package dev.migrate.exportsqlite;

import dev.migrate.core.Location;
import dev.migrate.core.canonical.SqliteDriverCells;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A read-only connection to the source holding one read transaction, so that everything the
 * export reads (catalog, profile pass, export pass) is one consistent snapshot even while the
 * application keeps writing.
 *
 * <p>Read-only three times over: the {@code mode=ro} URI parameter, the driver's read-only open
 * flag, and {@code PRAGMA query_only}. In WAL mode the snapshot is fixed by the first read after
 * BEGIN and writers are not blocked; in rollback-journal mode the read transaction holds a SHARED
 * lock, so the application's writers wait (up to their own busy timeout) until the export ends.
 */
final class SnapshotConnection implements AutoCloseable {

    private final Connection connection;
    private final String fileName;
    private final Duration busyTimeout;
    private Boolean utf8;

    private SnapshotConnection(Connection connection, String fileName, Duration busyTimeout) {
        this.connection = connection;
        this.fileName = fileName;
        this.busyTimeout = busyTimeout;
    }

    /** Opens the file read-only; retries on locks for {@code busyTimeout} (SQLite's busy handler). */
    static SnapshotConnection open(Path file, Duration busyTimeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        // A file: URI, percent-encoded by Path.toUri, so spaces, '?' and '#' in names are safe.
        String url = "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?mode=ro";
        String name = file.toString(); // as the user gave it, for messages
        try {
            Connection c = DriverManager.getConnection(url, config.toProperties());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA query_only = 1");
            }
            return new SnapshotConnection(c, name, busyTimeout);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, Location.file(name), "cannot open the database", busyTimeout);
        }
    }

    /** Begins the read transaction and takes the snapshot with a first read. */
    void begin() {
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.executeQuery("SELECT count(*) FROM sqlite_master").close();
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, Location.file(fileName), "cannot start reading", busyTimeout);
        }
    }

    Connection connection() {
        return connection;
    }

    /**
     * Whether the database stores text as UTF-8 ({@code PRAGMA encoding}), so that a TEXT value's
     * stored bytes are its UTF-8 ({@link SqliteDriverCells}); asked once.
     */
    boolean utf8() {
        if (utf8 == null) {
            try {
                utf8 = SqliteDriverCells.storesUtf8(connection);
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, Location.file(fileName), "cannot read the encoding", busyTimeout);
            }
        }
        return utf8;
    }

    Duration busyTimeout() {
        return busyTimeout;
    }

    @Override
    public void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // a read transaction: nothing to keep, locks released
            }
        } catch (SQLException ignored) {
            // closing releases the transaction anyway
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more can be done; the file was never written
            }
        }
    }
}
