package dev.migrate.exportpg;

import dev.migrate.core.canonical.ColumnReader;
import dev.migrate.core.canonical.PostgresValues;
import dev.migrate.core.sql.PostgresDialect;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
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
 * @param reader turns the JDBC value into the canonical value
 */
record ColumnSelect(String expression, ColumnReader reader) {

    /**
     * @param column the column name (quoted here)
     * @param type its staging type
     * @param money whether the PostgreSQL type (or array element type) is {@code money}
     */
    static ColumnSelect of(String column, StagingType type, boolean money) {
        String expression = money && type.kind() == StagingKind.ARRAY
                ? PostgresDialect.INSTANCE.quote(column) + "::pg_catalog.numeric[]::pg_catalog.text"
                : PostgresValues.INSTANCE.selectExpression(column, type);
        ColumnReader reader = switch (type.kind()) {
            case JSONB -> JSONB;
            case DECIMAL -> DECIMAL;
            case TIMESTAMPTZ -> TIMESTAMPTZ;
            default -> PostgresValues.INSTANCE.reader(type);
        };
        return new ColumnSelect(expression, reader);
    }

    /*
     * Fast paths for the commonest wide-table types. The table writer checks and normalises every
     * value anyway (Codecs.canonical), so these only skip work PostgresValues does for callers that
     * need a canonical value without a writer: the result written is the same.
     */

    private static final StagingType TIMESTAMPTZ_TYPE = StagingType.of(StagingKind.TIMESTAMPTZ);

    /** numeric::text is always plain notation (never an exponent), NaN or ±Infinity: no BigDecimal round trip. */
    private static final ColumnReader DECIMAL = ResultSet::getString;

    /**
     * timestamptz under TimeZone=UTC ends in {@code +00}: append {@code :00}; anything else
     * (BC years, infinity) goes the general way.
     */
    private static final ColumnReader TIMESTAMPTZ = (rs, i) -> {
        String text = rs.getString(i);
        if (text == null) {
            return null;
        }
        if (text.endsWith("+00") && text.length() > 19 && text.charAt(0) != '-') {
            return text + ":00";
        }
        return PostgresValues.fromText(TIMESTAMPTZ_TYPE, text);
    };

    /**
     * jsonb straight to the table writer, which compacts and validates it anyway: PostgreSQL's
     * jsonb output has whitespace only after {@code :} and {@code ,} outside strings, so dropping
     * whitespace outside strings here lets the writer take its no-rebuild path (one parse per
     * value instead of two plus a rebuild: a third of the CPU of a jsonb-heavy table).
     */
    private static final ColumnReader JSONB = (rs, i) -> {
        String text = rs.getString(i);
        return text == null ? null : withoutWhitespaceOutsideStrings(text);
    };

    static String withoutWhitespaceOutsideStrings(String json) {
        StringBuilder out = null;
        boolean inString = false;
        for (int i = 0, n = json.length(); i < n; i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++; // the escaped character, whatever it is, stays in the string
                    if (out != null && i < n) {
                        out.append(c).append(json.charAt(i));
                    }
                    continue;
                }
                if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                if (out == null) {
                    out = new StringBuilder(n).append(json, 0, i);
                }
                continue;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }
}
