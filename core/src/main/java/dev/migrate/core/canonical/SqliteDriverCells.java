package dev.migrate.core.canonical;

import dev.migrate.core.canonical.SqliteCell.StorageClass;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.core.Codes;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.SafeStmtPtr.SafePtrIntFunction;

/**
 * Fills {@link SqliteCell}s of one sqlite-jdbc statement's rows as {@link SqliteCell#read} does,
 * more cheaply: the storage class is asked of SQLite ({@code sqlite3_column_type}, the call the
 * driver's {@code getObject} makes too) and a TEXT value is fetched as its bytes ({@code
 * sqlite3_column_blob}, a plain byte array) and decoded as the driver decodes it ({@code new
 * String(bytes, UTF_8)}); a decoded U+FFFD sends the bytes through {@link SqliteCell#set}, which
 * decodes them strictly exactly as {@code read} does. {@code getObject} fetches TEXT through a
 * JNI call back into Java per cell, then copies it: on pgbench's accounts table (1M rows, an
 * 84-character text) reading the text column took ~0.52 µs a cell that way, ~0.31 µs this way.
 *
 * <p>The bytes of a TEXT value are UTF-8 only in a UTF-8 database ({@code sqlite3_column_blob}
 * returns a text in its stored encoding): use this only where {@link #storesUtf8} says so,
 * {@link SqliteCell#read} elsewhere.
 */
public final class SqliteDriverCells {

    private final CoreStatement core;
    private final List<SafePtrIntFunction<SQLException>> typeOf;

    /** For the rows of {@code statement}, a sqlite-jdbc statement, of {@code columns} columns. */
    public SqliteDriverCells(Statement statement, int columns) throws SQLException {
        this.core = statement.unwrap(CoreStatement.class);
        List<SafePtrIntFunction<SQLException>> calls = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            int col = i; // 0-based, as the driver's own getObject asks for it
            calls.add((db, ptr) -> db.column_type(ptr, col));
        }
        this.typeOf = List.copyOf(calls);
    }

    /**
     * Whether the database of {@code connection} stores text as UTF-8 ({@code PRAGMA encoding}):
     * only there are a TEXT value's stored bytes its UTF-8, and these cells usable.
     */
    public static boolean storesUtf8(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA encoding")) {
            return rs.next() && "UTF-8".equals(rs.getString(1));
        }
    }

    /** The storage class ({@link Codes}) of column {@code index} (1-based) of the current row. */
    public int storageClass(int index) throws SQLException {
        return core.pointer.safeRunInt(typeOf.get(index - 1));
    }

    /** Fills {@code cell} with column {@code index} (1-based) of the current row of {@code rs}. */
    public void read(SqliteCell cell, ResultSet rs, int index) throws SQLException {
        fill(cell, storageClass(index), rs, index);
    }

    /** What {@link SqliteCell#read} stores for a value of the given storage class, read by its own getter. */
    public static void fill(SqliteCell cell, int storageClass, ResultSet rs, int index) throws SQLException {
        switch (storageClass) {
            case Codes.SQLITE_INTEGER -> cell.set(StorageClass.INTEGER, rs.getLong(index));
            case Codes.SQLITE_FLOAT -> cell.set(StorageClass.REAL, rs.getDouble(index));
            case Codes.SQLITE_TEXT -> fillText(cell, rs.getBytes(index));
            case Codes.SQLITE_BLOB -> {
                byte[] bytes = rs.getBytes(index); // what getObject returns for a BLOB
                cell.set(bytes == null ? StorageClass.NULL : StorageClass.BLOB, bytes);
            }
            case Codes.SQLITE_NULL -> cell.set(StorageClass.NULL, null);
            default -> throw new SQLException("unexpected SQLite storage class " + storageClass);
        }
    }

    /** What {@link SqliteCell#read} stores for a TEXT value whose stored bytes are {@code raw}. */
    public static void fillText(SqliteCell cell, byte[] raw) {
        if (raw == null) {
            // As getObject's null (never seen: an empty text is an empty array).
            cell.set(StorageClass.NULL, null);
            return;
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            cell.set(StorageClass.TEXT, raw); // strict decoding decides, as in SqliteCell#read
        } else {
            cell.set(StorageClass.TEXT, text);
        }
    }
}
