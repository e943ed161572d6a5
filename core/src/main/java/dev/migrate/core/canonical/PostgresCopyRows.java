package dev.migrate.core.canonical;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The rows of a query read through {@code COPY (query) TO STDOUT} in text format, field by field.
 *
 * <p>Why not a cursor: a cursor's rows come in fetches, and the server computes the next fetch
 * only when the client asks for it, so the server's work (jsonb output above all) and the
 * client's never overlap: on the tenant workload's export the reading thread waited for the
 * server most of the time while a core stood idle. COPY streams: the server keeps producing while
 * the client converts what has arrived (pg_dump reads table data the same way). A query with
 * parameters cannot be a COPY; such reads keep their cursor.
 *
 * <p>The text format is each value's output function, exactly what {@code getString} returns for
 * a text-format column (under the same session settings), with {@code \N} for NULL, a tab between
 * fields and backslash escapes, undone here as PostgreSQL's own COPY FROM reads them. pgjdbc runs
 * with {@code client_encoding} UTF8, so the fields are UTF-8.
 */
public final class PostgresCopyRows implements AutoCloseable {

    /** Eight bytes at a time, little-endian: the order {@link #zeroBytes}'s lowest set bit counts bytes in. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long TABS = '\t' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;

    private final Connection connection;
    private final CopyOut copy;
    private final int columns;
    private final int[] start;
    private final int[] end;
    /** Per field: its bytes without escapes when it had any, else null (the row's bytes serve). */
    private final byte[][] unescaped;

    private byte[] row;
    private boolean finished;

    private PostgresCopyRows(Connection connection, CopyOut copy, int columns) {
        this.connection = connection;
        this.copy = copy;
        this.columns = columns;
        this.start = new int[columns];
        this.end = new int[columns];
        this.unescaped = new byte[columns][];
    }

    /**
     * Starts {@code COPY (select) TO STDOUT} on the connection.
     *
     * @param select a query without parameters
     * @param columns how many columns it returns
     */
    public static PostgresCopyRows open(Connection connection, String select, int columns) throws SQLException {
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT");
        return new PostgresCopyRows(connection, copy, Math.max(columns, 1));
    }

    /** Moves to the next row; false after the last. */
    public boolean next() throws SQLException {
        if (finished) {
            return false;
        }
        row = copy.readFromCopy();
        if (row == null) {
            finished = true;
            return false;
        }
        split();
        return true;
    }

    /** Whether the 1-based column's value is NULL. */
    public boolean isNull(int column) {
        int i = column - 1;
        return unescaped[i] == null && end[i] - start[i] == 2 && row[start[i]] == '\\' && row[start[i] + 1] == 'N';
    }

    /**
     * The 1-based column's value as text; null for NULL.
     *
     * @throws IllegalArgumentException when the bytes are not UTF-8 (8-bit data in a SQL_ASCII
     *     database), which pgjdbc's getString refuses too
     */
    public String text(int column) {
        if (isNull(column)) {
            return null;
        }
        int i = column - 1;
        byte[] u = unescaped[i];
        String text = u != null
                ? new String(u, StandardCharsets.UTF_8)
                : new String(row, start[i], end[i] - start[i], StandardCharsets.UTF_8);
        // A replacement char is either in the data or stands for bytes that are not UTF-8.
        if (text.indexOf('\uFFFD') >= 0 && SqliteCell.decodeStrictly(bytes(column), StandardCharsets.UTF_8) == null) {
            throw new IllegalArgumentException("a text value that is not UTF-8 (8-bit data in a SQL_ASCII database?)");
        }
        return text;
    }

    /**
     * The 1-based column's value as its UTF-8 bytes; null for NULL. The array is the caller's to
     * change (it is not read again), so read a field's bytes once per row.
     */
    public byte[] bytes(int column) {
        if (isNull(column)) {
            return null;
        }
        int i = column - 1;
        byte[] u = unescaped[i];
        return u != null ? u : Arrays.copyOfRange(row, start[i], end[i]);
    }

    /** Splits the row at its tabs, undoing the escapes of each field that has any. */
    private void split() throws SQLException {
        int n = row.length;
        if (n > 0 && row[n - 1] == '\n') {
            n--;
        }
        int field = 0;
        int at = 0;
        while (true) {
            if (field == columns) {
                throw new SQLException("COPY returned more fields than the " + columns + " selected");
            }
            int s = at;
            boolean escaped = false;
            at = nextTabOrBackslash(row, at, n);
            while (at < n && row[at] == '\\') {
                escaped = true;
                // The escaped byte is never a field separator.
                at = nextTabOrBackslash(row, at + 2, n);
            }
            at = Math.min(at, n);
            start[field] = s;
            end[field] = at;
            boolean isNullMarker = at - s == 2 && row[s] == '\\' && row[s + 1] == 'N';
            unescaped[field] = escaped && !isNullMarker ? unescape(row, s, at) : null;
            field++;
            if (at >= n) {
                break;
            }
            at++; // the tab
        }
        if (field != columns) {
            throw new SQLException("COPY returned " + field + " fields where " + columns + " were selected");
        }
    }

    /**
     * The offset of the first tab or backslash in {@code b[i, n)}, or a value {@code >= n} when there
     * is none. Eight bytes per step (a jsonb field is kilobytes without either): the byte-by-byte
     * loop was ~10 % of the threads reading COPY rows on the tenant workload.
     */
    static int nextTabOrBackslash(byte[] b, int i, int n) {
        for (; i + 8 <= n; i += 8) {
            long w = (long) LONGS.get(b, i);
            long found = zeroBytes(w ^ TABS) | zeroBytes(w ^ BACKSLASHES);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        while (i < n && b[i] != '\t' && b[i] != '\\') {
            i++;
        }
        return i;
    }

    /** The offset of the first backslash in {@code b[i, n)}, or {@code n}. */
    private static int nextBackslash(byte[] b, int i, int n) {
        for (; i + 8 <= n; i += 8) {
            long found = zeroBytes((long) LONGS.get(b, i) ^ BACKSLASHES);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        while (i < n && b[i] != '\\') {
            i++;
        }
        return i;
    }

    /**
     * The high bit of each zero byte of {@code x} (and possibly of bytes above the lowest zero byte,
     * never below it): the lowest set bit marks the first zero byte exactly.
     */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** A field's bytes with PostgreSQL's COPY text escapes undone (as its COPY FROM reads them). */
    static byte[] unescape(byte[] b, int from, int to) {
        byte[] out = new byte[to - from];
        int o = 0;
        int i = from;
        while (i < to) {
            // The run up to the next escape, copied whole.
            int run = nextBackslash(b, i, to);
            System.arraycopy(b, i, out, o, run - i);
            o += run - i;
            i = run + 1;
            if (run >= to) {
                break;
            }
            if (i == to) {
                out[o++] = '\\'; // a lone backslash at the end stands for itself
                break;
            }
            byte c = b[i++];
            switch (c) {
                case 'b' -> out[o++] = '\b';
                case 'f' -> out[o++] = '\f';
                case 'n' -> out[o++] = '\n';
                case 'r' -> out[o++] = '\r';
                case 't' -> out[o++] = '\t';
                case 'v' -> out[o++] = 0x0b;
                case 'x' -> {
                    int v = 0;
                    int digits = 0;
                    while (digits < 2 && i < to && Character.digit(b[i], 16) >= 0) {
                        v = v * 16 + Character.digit(b[i++], 16);
                        digits++;
                    }
                    out[o++] = digits == 0 ? (byte) 'x' : (byte) v;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = c - '0';
                    for (int digits = 1; digits < 3 && i < to && b[i] >= '0' && b[i] <= '7'; digits++) {
                        v = v * 8 + (b[i++] - '0');
                    }
                    out[o++] = (byte) v;
                }
                default -> out[o++] = c; // \\ and any other escaped byte stand for themselves
            }
        }
        return Arrays.copyOf(out, o);
    }

    /**
     * Ends the COPY. When rows are left unread (a caller failing halfway), the server is asked to
     * cancel it and what it had already sent is read and dropped, so that the connection's
     * messages stay in step: pgjdbc's own {@code cancelCopy} returns before the server's answer
     * to the cancel, which the connection's next command then receives in place of its own. The
     * cancelled COPY aborts the transaction, as any cancelled statement does; its owner rolls back.
     */
    @Override
    public void close() throws SQLException {
        if (!copy.isActive()) {
            return;
        }
        connection.unwrap(PGConnection.class).cancelQuery();
        try {
            while (copy.readFromCopy() != null) {
                // dropped: the caller stopped reading
            }
        } catch (SQLException e) {
            if (!QUERY_CANCELED.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** SQLSTATE query_canceled: the answer to the cancel {@link #close} asks for. */
    private static final String QUERY_CANCELED = "57014";
}
