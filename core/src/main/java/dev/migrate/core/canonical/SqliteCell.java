package dev.migrate.core.canonical;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One value as SQLite stores it: its storage class and the value, read without loss. Reused for
 * every row (one instance per column), so reading a table allocates little besides the values.
 * export-sqlite profiles and converts these cells, and the validator reads a SQLite source through
 * them too ({@link SqliteValues}), so both see exactly the same stored value.
 *
 * <p>Text is the delicate part: the driver decodes TEXT as UTF-8 and silently replaces invalid
 * bytes with U+FFFD. Whenever a decoded string contains U+FFFD the raw bytes are fetched and
 * decoded strictly, so a genuine U+FFFD is kept and invalid bytes are flagged ({@link
 * #validText} false, the bytes in {@link #bytes}), never replaced. The raw bytes are UTF-8 even
 * in a UTF-16 database: reading the text has already made SQLite convert the value to UTF-8,
 * and {@code sqlite3_column_blob} returns a text value in its current encoding.
 */
public final class SqliteCell {

    /** SQLite's storage classes. */
    public enum StorageClass {
        NULL,
        INTEGER,
        REAL,
        TEXT,
        BLOB;

        /** SQLite's own spelling, as {@code typeof()} returns it. */
        public String sqlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private StorageClass storageClass = StorageClass.NULL;
    private long integer;
    private double real;
    /** The text of a TEXT value (lossy when {@link #validText} is false). */
    private String text;
    /** The bytes of a BLOB, or the raw bytes of a TEXT value that is not valid in the encoding. */
    private byte[] bytes;
    /** For TEXT: whether the stored bytes are valid in the database encoding. */
    private boolean validText;

    public StorageClass storageClass() {
        return storageClass;
    }

    public boolean isNull() {
        return storageClass == StorageClass.NULL;
    }

    public long integer() {
        return integer;
    }

    public double real() {
        return real;
    }

    public String text() {
        return text;
    }

    public byte[] bytes() {
        return bytes;
    }

    public boolean validText() {
        return validText;
    }

    /** Reads column {@code index} of the current row. */
    public void read(ResultSet rs, int index) throws SQLException {
        Object o = rs.getObject(index);
        text = null;
        bytes = null;
        validText = false;
        if (o == null) {
            storageClass = StorageClass.NULL;
        } else if (o instanceof Integer || o instanceof Long) {
            storageClass = StorageClass.INTEGER;
            integer = ((Number) o).longValue();
        } else if (o instanceof Double d) {
            storageClass = StorageClass.REAL;
            real = d;
        } else if (o instanceof Float f) {
            storageClass = StorageClass.REAL;
            real = f;
        } else if (o instanceof String s) {
            storageClass = StorageClass.TEXT;
            text = s;
            validText = true;
            if (s.indexOf('\uFFFD') >= 0) {
                byte[] raw = rs.getBytes(index);
                String strict = decodeStrictly(raw, StandardCharsets.UTF_8);
                if (strict == null) {
                    validText = false;
                    bytes = raw;
                } else {
                    text = strict;
                }
            }
        } else if (o instanceof byte[] b) {
            storageClass = StorageClass.BLOB;
            bytes = b;
        } else {
            throw new SQLException("unexpected value class from the SQLite driver: " + o.getClass());
        }
    }

    /** Sets this cell to a value directly (tests and literal rows). */
    public SqliteCell set(StorageClass kind, Object value) {
        storageClass = kind;
        text = null;
        bytes = null;
        validText = false;
        switch (kind) {
            case INTEGER -> integer = ((Number) value).longValue();
            case REAL -> real = ((Number) value).doubleValue();
            case TEXT -> {
                if (value instanceof byte[] raw) {
                    String strict = decodeStrictly(raw, StandardCharsets.UTF_8);
                    validText = strict != null;
                    text = strict != null ? strict : new String(raw, StandardCharsets.UTF_8);
                    bytes = strict != null ? null : raw;
                } else {
                    text = (String) value;
                    validText = true;
                }
            }
            case BLOB -> bytes = (byte[]) value;
            case NULL -> {}
        }
        return this;
    }

    /** The bytes as text in the encoding, or null when they are not valid in it. */
    public static String decodeStrictly(byte[] raw, Charset encoding) {
        try {
            return encoding.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Copies another cell's content (for remembering a value past the current row). */
    public SqliteCell copyOf() {
        SqliteCell c = new SqliteCell();
        c.storageClass = storageClass;
        c.integer = integer;
        c.real = real;
        c.text = text;
        c.bytes = bytes;
        c.validText = validText;
        return c;
    }
}
