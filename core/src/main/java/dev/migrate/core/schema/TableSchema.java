package dev.migrate.core.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * One table of the snapshot.
 *
 * @param name the table name exactly as in the source (without schema)
 * @param sourceSchema the source schema ({@code public}), or null for SQLite
 * @param columns the columns in source order
 * @param primaryKey the primary-key columns in order; empty when there is none
 * @param foreignKeys the foreign keys
 * @param uniqueConstraints UNIQUE constraints
 * @param indexes secondary indexes
 * @param checks CHECK constraint texts in source SQL (recorded; importers may translate them)
 * @param options dialect options such as {@code WITHOUT ROWID} or {@code STRICT}, or empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TableSchema(
        String name,
        String sourceSchema,
        List<ColumnSchema> columns,
        List<String> primaryKey,
        List<ForeignKey> foreignKeys,
        List<UniqueConstraint> uniqueConstraints,
        List<IndexSchema> indexes,
        List<String> checks,
        List<String> options) {

    public TableSchema {
        columns = columns == null ? List.of() : List.copyOf(columns); // NON_EMPTY omits an empty list
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        uniqueConstraints = uniqueConstraints == null ? List.of() : List.copyOf(uniqueConstraints);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        checks = checks == null ? List.of() : List.copyOf(checks);
        options = options == null ? List.of() : List.copyOf(options);
    }

    @JsonIgnore
    public Optional<ColumnSchema> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    @JsonIgnore
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    public TableSchema withColumns(List<ColumnSchema> newColumns) {
        return new TableSchema(
                name, sourceSchema, newColumns, primaryKey, foreignKeys, uniqueConstraints, indexes, checks, options);
    }
}
