package dev.migrate.exportsqlite.catalog;

import java.util.List;

/**
 * One column as SQLite describes it ({@code PRAGMA table_xinfo}) plus what its CREATE TABLE text
 * adds.
 *
 * @param name the column name exactly as declared
 * @param declaredType the declared type text, empty when none
 * @param notNull whether NOT NULL is declared
 * @param defaultExpression the default expression's source text, or null
 * @param primaryKeyPosition 1-based position in the primary key, 0 when not part of it
 * @param hidden 0 normal, 2 virtual generated column, 3 stored generated column
 * @param generatedExpression the generation expression of a generated column, or null
 * @param enumLabels the labels of a {@code CHECK (col IN ('a', ...))} on this column, or empty
 */
public record SourceColumn(
        String name,
        String declaredType,
        boolean notNull,
        String defaultExpression,
        int primaryKeyPosition,
        int hidden,
        String generatedExpression,
        List<String> enumLabels) {

    public SourceColumn {
        declaredType = declaredType == null ? "" : declaredType;
        enumLabels = enumLabels == null ? List.of() : List.copyOf(enumLabels);
    }

    /** True for a generated column (virtual or stored). */
    public boolean isGenerated() {
        return hidden == 2 || hidden == 3;
    }
}
