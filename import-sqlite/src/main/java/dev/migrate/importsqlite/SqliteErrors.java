package dev.migrate.importsqlite;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns sqlite-jdbc exceptions into the words users need, without SQLite's bracketed codes. */
final class SqliteErrors {

    private SqliteErrors() {}

    /** The primary result code, e.g. {@code SQLITE_BUSY} for {@code SQLITE_BUSY_SNAPSHOT}. */
    static SQLiteErrorCode primary(SQLException e) {
        int code = e instanceof SQLiteException s ? s.getResultCode().code : e.getErrorCode();
        return SQLiteErrorCode.getErrorCode(code & 0xff);
    }

    static boolean isLocked(SQLException e) {
        SQLiteErrorCode c = primary(e);
        return c == SQLiteErrorCode.SQLITE_BUSY || c == SQLiteErrorCode.SQLITE_LOCKED;
    }

    static boolean isDiskFull(SQLException e) {
        return primary(e) == SQLiteErrorCode.SQLITE_FULL;
    }

    static boolean isConstraint(SQLException e) {
        return primary(e) == SQLiteErrorCode.SQLITE_CONSTRAINT;
    }

    /** SQLite's own sentence: the text in the last parentheses of sqlite-jdbc's message, else the message. */
    static String detail(SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int open = m.indexOf(" (");
        if (m.startsWith("[") && open > 0 && m.endsWith(")")) {
            return m.substring(open + 2, m.length() - 1);
        }
        return m.replaceFirst("^\\[[A-Z_]+\\]\\s*", "");
    }

    /** A short description for a one-line error. */
    static String describe(SQLException e) {
        return switch (primary(e)) {
            case SQLITE_BUSY, SQLITE_LOCKED -> "the database is locked by another connection";
            case SQLITE_FULL -> "disk full (" + detail(e) + ")";
            case SQLITE_READONLY -> "the file or its directory is read-only (" + detail(e) + ")";
            case SQLITE_CANTOPEN -> "cannot open the file (missing, a directory, or no permission)";
            case SQLITE_NOTADB -> "the file is not a SQLite database";
            case SQLITE_CORRUPT -> "the database file is corrupt (" + detail(e) + ")";
            case SQLITE_PERM, SQLITE_AUTH -> "permission denied (" + detail(e) + ")";
            case SQLITE_IOERR -> "I/O error (" + detail(e) + ")";
            default -> detail(e);
        };
    }
}
