package dev.migrate.exportsqlite;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite driver errors into one-line messages that say what happened in words. */
final class SqliteErrors {

    private SqliteErrors() {}

    static MigrateException translate(SQLException e, Location where, String doing, Duration busyTimeout) {
        int primary = primaryCode(e);
        String detail = detail(e);
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return MigrateException.runtime(
                    where,
                    doing + ": the database is locked by another connection and was still busy after "
                            + busyTimeout.toMillis() + " ms of retrying; try again when the application is idle"
                            + " (or raise the busy timeout)",
                    e);
        }
        if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return MigrateException.input(
                    where, doing + ": not a SQLite database, or an encrypted one (" + detail + ")");
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return MigrateException.input(where, doing + ": the database file is corrupt (" + detail + ")");
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
            return MigrateException.runtime(
                    where,
                    doing + ": SQLite needs to write to recover this database (a hot journal or WAL left by a"
                            + " crash), which a read-only export never does; open it once with the application"
                            + " or the sqlite3 shell, then export again (" + detail + ")",
                    e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return MigrateException.runtime(where, doing + ": cannot open the file (" + detail + ")", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_IOERR.code || primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return MigrateException.runtime(where, doing + ": I/O error (" + detail + ")", e);
        }
        return MigrateException.runtime(where, doing + ": " + detail, e);
    }

    private static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException s) {
            return s.getResultCode().code & 0xff;
        }
        return e.getErrorCode() & 0xff;
    }

    /** The driver's text without its "[SQLITE_X] " prefix. */
    private static String detail(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceFirst("^\\[[A-Z_]+\\]\\s*", "").strip();
    }
}
