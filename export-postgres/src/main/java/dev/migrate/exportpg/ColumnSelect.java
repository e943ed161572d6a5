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
        return new ColumnSelect(expression, PostgresValues.INSTANCE.reader(type));
    }
}
