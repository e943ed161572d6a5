package dev.migrate.exportsqlite.catalog;

import java.util.List;

/**
 * One foreign key as {@code PRAGMA foreign_key_list} reports it.
 *
 * @param columns the referencing columns in order
 * @param referencedTable the referenced table as written in REFERENCES (its case may differ
 *     from the table's own spelling)
 * @param referencedColumns the referenced columns; empty when REFERENCES names none (the parent's
 *     primary key is meant)
 * @param onUpdate the ON UPDATE action
 * @param onDelete the ON DELETE action
 * @param name the constraint name, or null
 * @param deferrable the DEFERRABLE clause, or null
 */
public record SourceForeignKey(
        List<String> columns,
        String referencedTable,
        List<String> referencedColumns,
        String onUpdate,
        String onDelete,
        String name,
        String deferrable) {

    public SourceForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
