package dev.migrate.exportsqlite;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.SkippedObject;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.exportsqlite.catalog.SchemaSql;
import dev.migrate.exportsqlite.catalog.SourceColumn;
import dev.migrate.exportsqlite.catalog.SourceForeignKey;
import dev.migrate.exportsqlite.catalog.SourceIndex;
import dev.migrate.exportsqlite.catalog.SourceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a table's manifest schema from its catalog entry and its profiled columns: primary key,
 * foreign keys resolved to the referenced table's exact names, UNIQUE constraints, indexes
 * (partial and expression ones recorded as not portable), CHECKs and table options. Whatever
 * cannot be carried is recorded as a {@link SkippedObject} and a warning, never dropped silently.
 */
final class TableSchemas {

    private final Map<String, SourceTable> exportedByKey;
    private final Map<String, SourceTable> allByKey;
    private final List<String> warnings;
    private final List<SkippedObject> skipped;

    /**
     * @param exportedByKey the exported tables by lower-case name
     * @param allByKey every table of the source by lower-case name
     * @param warnings receives warning lines
     * @param skipped receives objects recorded but not carried
     */
    TableSchemas(
            Map<String, SourceTable> exportedByKey,
            Map<String, SourceTable> allByKey,
            List<String> warnings,
            List<SkippedObject> skipped) {
        this.exportedByKey = exportedByKey;
        this.allByKey = allByKey;
        this.warnings = warnings;
        this.skipped = skipped;
    }

    /**
     * @param nullsInKey per primary-key column, the number of NULLs found (SQLite lets a non-integer
     *     primary key hold NULL; PostgreSQL refuses such a key)
     */
    TableSchema build(SourceTable t, List<ColumnSchema> columns, Map<String, String> nullsInKey) {
        List<String> primaryKey =
                t.primaryKey().stream().map(SourceColumn::name).toList();
        if (!nullsInKey.isEmpty()) {
            String which = String.join(
                    ", ",
                    nullsInKey.entrySet().stream()
                            .map(e -> "\"" + e.getKey() + "\" holds " + e.getValue())
                            .toList());
            String reason = "primary key column " + which
                    + " (SQLite allows NULL in a primary key that is not INTEGER PRIMARY KEY);"
                    + " the key is recorded here, not in the schema, so importers can load every row";
            skipped.add(new SkippedObject(
                    "primary_key", t.name() + ".(" + String.join(", ", primaryKey) + ")", reason, null));
            warnings.add("table \"" + t.name() + "\": " + reason);
            primaryKey = List.of();
        }
        List<String> options = new ArrayList<>();
        if (t.withoutRowid()) {
            options.add("WITHOUT ROWID");
        }
        if (t.strict()) {
            options.add("STRICT");
        }
        return new TableSchema(
                t.name(),
                null,
                columns,
                primaryKey,
                foreignKeys(t),
                uniqueConstraints(t),
                indexes(t),
                t.facts().checks(),
                options);
    }

    private List<ForeignKey> foreignKeys(SourceTable t) {
        List<ForeignKey> out = new ArrayList<>();
        for (SourceForeignKey fk : t.foreignKeys()) {
            String label = t.name() + ".(" + String.join(", ", fk.columns()) + ")";
            SourceTable parent = exportedByKey.get(key(fk.referencedTable()));
            if (parent == null) {
                boolean exists = allByKey.containsKey(key(fk.referencedTable()));
                String reason = "references table \"" + fk.referencedTable() + "\", which "
                        + (exists ? "is not part of this export" : "does not exist in the source");
                skipped.add(new SkippedObject("foreign_key", label, reason, null));
                warnings.add("table \"" + t.name() + "\": foreign key (" + String.join(", ", fk.columns())
                        + ") not exported: " + reason);
                continue;
            }
            List<String> referenced = resolveReferenced(fk, parent);
            List<String> columns = fk.columns().stream()
                    .map(c -> t.column(c) == null ? c : t.column(c).name())
                    .toList();
            if (referenced == null || referenced.size() != columns.size()) {
                String reason = "its referenced columns do not match the columns of \"" + parent.name() + "\"";
                skipped.add(new SkippedObject("foreign_key", label, reason, null));
                warnings.add("table \"" + t.name() + "\": foreign key (" + String.join(", ", fk.columns())
                        + ") not exported: " + reason);
                continue;
            }
            out.add(new ForeignKey(
                    fk.name(), columns, parent.name(), referenced, fk.onDelete(), fk.onUpdate(), fk.deferrable()));
        }
        return out;
    }

    /** The parent's exact column names; its primary key when REFERENCES names no columns. */
    private static List<String> resolveReferenced(SourceForeignKey fk, SourceTable parent) {
        if (fk.referencedColumns().isEmpty()) {
            List<String> pk =
                    parent.primaryKey().stream().map(SourceColumn::name).toList();
            return pk.isEmpty() ? null : pk;
        }
        List<String> out = new ArrayList<>();
        for (String c : fk.referencedColumns()) {
            SourceColumn column = parent.column(c);
            if (column == null) {
                return null;
            }
            out.add(column.name());
        }
        return out;
    }

    private List<UniqueConstraint> uniqueConstraints(SourceTable t) {
        List<UniqueConstraint> out = new ArrayList<>();
        for (SourceIndex i : t.indexes()) {
            if (!i.origin().equals("u")) {
                continue;
            }
            List<String> columns =
                    i.columns().stream().map(SourceIndex.Key::column).toList();
            String name = t.facts().uniqueNames().stream()
                    .filter(c -> c.name() != null && c.covers(columns))
                    .map(SchemaSql.Clause::name)
                    .findFirst()
                    .orElse(null);
            out.add(new UniqueConstraint(name, columns));
        }
        return out;
    }

    private List<IndexSchema> indexes(SourceTable t) {
        List<IndexSchema> out = new ArrayList<>();
        for (SourceIndex i : t.indexes()) {
            if (!i.origin().equals("c")) {
                continue; // backing a PRIMARY KEY or UNIQUE constraint, recorded as those
            }
            String where = SchemaSql.partialIndexPredicate(i.sql());
            boolean plain = i.plainColumns();
            boolean portable = plain && !i.partial();
            List<String> columns =
                    plain ? i.columns().stream().map(SourceIndex.Key::column).toList() : List.of();
            out.add(new IndexSchema(i.name(), i.unique(), columns, i.sql(), where, portable));
            if (!portable) {
                List<String> why = new ArrayList<>();
                if (i.partial()) {
                    why.add("partial (WHERE " + where + ")");
                }
                if (i.columns().stream().anyMatch(k -> k.column() == null)) {
                    why.add("on expressions");
                }
                if (i.columns().stream().anyMatch(SourceIndex.Key::descending)) {
                    why.add("with DESC keys");
                }
                if (i.columns().stream()
                        .anyMatch(k -> k.collation() != null && !k.collation().equalsIgnoreCase("BINARY"))) {
                    why.add("with a non-binary collation");
                }
                warnings.add("table \"" + t.name() + "\": index \"" + i.name() + "\" is " + String.join(", ", why)
                        + "; recorded with its SQL as not portable: " + i.sql());
            }
        }
        return out;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
