package dev.migrate.core.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A foreign key, composite or not.
 *
 * @param name the constraint name, or null when the source has none (SQLite)
 * @param columns the referencing columns, in order
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns, in the same order
 * @param onDelete {@code NO ACTION}, {@code RESTRICT}, {@code CASCADE}, {@code SET NULL} or {@code SET DEFAULT}
 * @param onUpdate as {@code onDelete}
 * @param deferrable {@code null}, {@code DEFERRABLE INITIALLY IMMEDIATE} or {@code DEFERRABLE INITIALLY DEFERRED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForeignKey(
        String name,
        List<String> columns,
        String referencedTable,
        List<String> referencedColumns,
        String onDelete,
        String onUpdate,
        String deferrable) {}
