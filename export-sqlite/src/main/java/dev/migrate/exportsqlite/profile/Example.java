package dev.migrate.exportsqlite.profile;

import dev.migrate.core.OneLine;
import dev.migrate.core.canonical.SqliteCell;
import dev.migrate.core.canonical.SqliteValues;
import java.util.HexFormat;

/**
 * A value remembered for a message: where it is (the row's key) and what it is, shown so that
 * the message stays one short line.
 *
 * @param rowKey the row's key, e.g. {@code id=2} or {@code rowid=7}
 * @param value the value as shown, e.g. {@code 'lots-of-it' (text)}
 */
public record Example(String rowKey, String value) {

    private static final int MAX_TEXT = 40;
    private static final int MAX_BYTES = 16;

    /** "'lots-of-it' (text) at id=2". */
    @Override
    public String toString() {
        return value + " at " + rowKey;
    }

    /** Describes the cell's value and storage class. */
    public static String describe(SqliteCell c) {
        return switch (c.storageClass()) {
            case NULL -> "NULL";
            case INTEGER -> c.integer() + " (integer)";
            case REAL -> SqliteValues.realText(c.real()) + " (real)";
            case TEXT ->
                c.validText() ? quote(c.text()) + " (text)" : hex(c.bytes()) + " (text that is not valid UTF-8)";
            case BLOB -> hex(c.bytes()) + " (blob, " + c.bytes().length + " bytes)";
        };
    }

    /** A text in single quotes, control characters escaped, long text shortened. */
    public static String quote(String s) {
        return OneLine.quoted(s, '\'', MAX_TEXT);
    }

    /** {@code x'66696c65...'} with at most 16 bytes shown. */
    public static String hex(byte[] bytes) {
        int shown = Math.min(bytes.length, MAX_BYTES);
        String h = HexFormat.of().formatHex(bytes, 0, shown);
        return "x'" + h + (bytes.length > shown ? "...'" : "'");
    }
}
