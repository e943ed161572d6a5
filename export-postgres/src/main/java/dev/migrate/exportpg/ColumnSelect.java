package dev.migrate.exportpg;

import dev.migrate.core.canonical.ColumnReader;
import dev.migrate.core.canonical.PostgresCopyRows;
import dev.migrate.core.canonical.PostgresValues;
import dev.migrate.core.canonical.PostgresValues.CopyReader;
import dev.migrate.core.sql.PostgresDialect;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;

/**
 * How one column is selected and turned into its canonical staging value, built once per table:
 * per row only the reader runs. The expression and reader come from core's {@link
 * PostgresValues} (PostgreSQL's text output under fixed session settings; the validator reads the
 * same way), with one addition: an array of {@code money} is cast to {@code numeric[]}, because
 * money's own text carries a currency symbol and depends on {@code lc_monetary}; and with fast
 * paths for numeric, timestamptz and jsonb that leave the final normalisation to the table
 * writer (which applies it to every value anyway), the commonest per-row costs of wide tables.
 *
 * @param expression the select-list expression
 * @param reader turns the JDBC value into the canonical value (a cursor's read)
 * @param copyReader the same for the field of a {@link PostgresCopyRows} row (a COPY's read)
 */
record ColumnSelect(String expression, ColumnReader reader, CopyReader copyReader) {

    /**
     * @param column the column name (quoted here)
     * @param type its staging type
     * @param money whether the PostgreSQL type (or array element type) is {@code money}
     */
    static ColumnSelect of(String column, StagingType type, boolean money) {
        String expression = money && type.kind() == StagingKind.ARRAY
                ? PostgresDialect.INSTANCE.quote(column) + "::pg_catalog.numeric[]::pg_catalog.text"
                : PostgresValues.INSTANCE.selectExpression(column, type);
        return switch (type.kind()) {
            case JSONB -> new ColumnSelect(expression, JSONB, JSONB_COPY);
            case DECIMAL -> new ColumnSelect(expression, DECIMAL, DECIMAL_COPY);
            case TIMESTAMPTZ -> new ColumnSelect(expression, TIMESTAMPTZ, TIMESTAMPTZ_COPY);
            default ->
                new ColumnSelect(
                        expression, PostgresValues.INSTANCE.reader(type), PostgresValues.INSTANCE.copyReader(type));
        };
    }

    /*
     * Fast paths for the commonest wide-table types. The table writer checks and normalises every
     * value anyway (Codecs.canonical), so these only skip work PostgresValues does for callers that
     * need a canonical value without a writer: the result written is the same.
     */

    private static final StagingType TIMESTAMPTZ_TYPE = StagingType.of(StagingKind.TIMESTAMPTZ);

    /** numeric::text is always plain notation (never an exponent), NaN or ±Infinity: no BigDecimal round trip. */
    private static final ColumnReader DECIMAL = ResultSet::getString;

    private static final CopyReader DECIMAL_COPY = PostgresCopyRows::text;

    /**
     * timestamptz under TimeZone=UTC ends in {@code +00}: append {@code :00}; anything else
     * (BC years, infinity) goes the general way.
     */
    private static final ColumnReader TIMESTAMPTZ = (rs, i) -> timestamptz(rs.getString(i));

    private static final CopyReader TIMESTAMPTZ_COPY = (row, i) -> timestamptz(row.text(i));

    private static String timestamptz(String text) {
        if (text == null) {
            return null;
        }
        if (text.endsWith("+00") && text.length() > 19 && text.charAt(0) != '-') {
            return text + ":00";
        }
        return (String) PostgresValues.fromText(TIMESTAMPTZ_TYPE, text);
    }

    /**
     * jsonb straight to the table writer, which compacts and validates it anyway: PostgreSQL's
     * jsonb output has whitespace only after {@code :} and {@code ,} outside strings, so dropping
     * whitespace outside strings here lets the writer take its no-rebuild path (one check per
     * value instead of a parse and a rebuild: a third of the CPU of a jsonb-heavy table).
     *
     * <p>The whitespace is dropped from the UTF-8 bytes as received, before they become a String:
     * one pass and one String per value instead of a String, a StringBuilder and a second String
     * (the tenant export's charts table, ~2 KB of jsonb per row: 1.45 s of 11.6 s CPU before).
     * Every JSON structural character is ASCII and no byte of a multi-byte UTF-8 sequence is, so
     * working on bytes cannot split a character. A value in another form than text output (binary
     * transfer turned on in the URL starts with a version byte) goes through getString as before.
     */
    private static final ColumnReader JSONB = (rs, i) -> {
        byte[] utf8 = rs.getBytes(i);
        if (utf8 == null) {
            return null;
        }
        if (utf8.length == 0 || utf8[0] < 0x20) {
            return rs.getString(i); // the writer compacts it the general way
        }
        return compactedInPlace(utf8);
    };

    /** As {@link #JSONB}; COPY's fields are always text output. */
    private static final CopyReader JSONB_COPY = (row, i) -> {
        byte[] utf8 = row.bytes(i);
        return utf8 == null ? null : compactedInPlace(utf8);
    };

    /** The text of jsonb output without its whitespace; the array (which nothing reads again) is changed. */
    private static String compactedInPlace(byte[] utf8) {
        int length = withoutWhitespaceOutsideStrings(utf8, utf8.length);
        return new String(utf8, 0, length, StandardCharsets.UTF_8);
    }

    /** {@link #withoutWhitespaceOutsideStrings(byte[], int)} on a String (tests). */
    static String withoutWhitespaceOutsideStrings(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        return new String(utf8, 0, withoutWhitespaceOutsideStrings(utf8, utf8.length), StandardCharsets.UTF_8);
    }

    /**
     * Drops space, tab, CR and LF outside JSON strings from the first {@code length} bytes of
     * UTF-8 JSON text, in place; returns the new length. A string's bytes are found by a tight
     * scan for its closing quote and moved in one copy: most of a document is string content,
     * and a per-byte copy loop was half of the main thread's jsonb work.
     */
    static int withoutWhitespaceOutsideStrings(byte[] json, int length) {
        int out = 0;
        int i = 0;
        while (i < length) {
            byte c = json[i];
            if (c == '"') {
                int start = i;
                i++;
                while (i < length) {
                    byte b = json[i];
                    if (b == '"') {
                        i++;
                        break;
                    }
                    // An escape: the escaped byte, whatever it is, stays in the string.
                    i += b == '\\' ? 2 : 1;
                }
                i = Math.min(i, length);
                if (out != start) {
                    System.arraycopy(json, start, json, out, i - start);
                }
                out += i - start;
                continue;
            }
            i++;
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                json[out++] = c;
            }
        }
        return out;
    }
}
