package dev.migrate.exportpg;

import dev.migrate.core.canonical.ColumnReader;
import dev.migrate.core.canonical.PostgresValues;
import dev.migrate.core.sql.PostgresDialect;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;

/**
 * How one column is selected and turned into its canonical staging value, built once per table:
 * per row only the reader runs. The expression and reader come from core's {@link
 * PostgresValues} (PostgreSQL's text output under fixed session settings; the validator reads the
 * same way), with one addition: an array of {@code money} is cast to {@code numeric[]}, because
 * money's own text carries a currency symbol and depends on {@code lc_monetary}.
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
        ColumnReader reader = type.kind() == StagingKind.JSONB ? JSONB : PostgresValues.INSTANCE.reader(type);
        return new ColumnSelect(expression, reader);
    }

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
