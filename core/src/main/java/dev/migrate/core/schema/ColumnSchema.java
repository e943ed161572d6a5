package dev.migrate.core.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.migrate.core.types.StagingType;

/**
 * One column.
 *
 * @param name the column name exactly as in the source
 * @param sourceType the source's declared type text, e.g. {@code numeric(10,2)}, {@code DATETIME}
 * @param type the staging type the values are written as
 * @param nullable whether NULL is allowed
 * @param defaultExpression the source's default expression text, or null
 * @param generated the generation expression of a generated column (values are exported; the
 *     importer decides whether to recreate it), or null
 * @param identity how the column's values are generated, or null
 * @param note why the staging type differs from what the declared type means (profiling
 *     findings, fallback rule), or null; a note that starts with a conversion tag ({@code
 *     epoch_seconds: ...}) records how the source's values were converted, see {@link
 *     dev.migrate.core.canonical.SqliteConversion}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnSchema(
        String name,
        String sourceType,
        StagingType type,
        boolean nullable,
        String defaultExpression,
        String generated,
        Identity identity,
        String note) {

    public ColumnSchema withType(StagingType newType, String newNote) {
        return new ColumnSchema(name, sourceType, newType, nullable, defaultExpression, generated, identity, newNote);
    }

    public ColumnSchema withNullable(boolean newNullable) {
        return new ColumnSchema(name, sourceType, type, newNullable, defaultExpression, generated, identity, note);
    }
}
