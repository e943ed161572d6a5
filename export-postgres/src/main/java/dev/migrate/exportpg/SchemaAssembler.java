package dev.migrate.exportpg;

import dev.migrate.core.mapping.TypeMappings;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Identity;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.SkippedObject;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.exportpg.RawCatalog.RawColumn;
import dev.migrate.exportpg.RawCatalog.RawConstraint;
import dev.migrate.exportpg.RawCatalog.RawIndex;
import dev.migrate.exportpg.RawCatalog.RawTable;
import dev.migrate.exportpg.SourceTable.SourceForeignKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interprets the raw catalog rows: staging types through {@link TypeMappings#fromPostgres} only,
 * identities with their sequence positions, keys, constraints and indexes, and a note or warning
 * for everything that will not arrive on the other side as it was.
 */
final class SchemaAssembler {

    // Collected per table while it is assembled.
    private List<String> warnings;
    private List<SkippedObject> skipped;

    List<SourceTable> assemble(RawCatalog raw) {
        Map<Long, List<RawColumn>> columns = new LinkedHashMap<>();
        raw.columns()
                .forEach(c -> columns.computeIfAbsent(c.tableOid(), k -> new ArrayList<>())
                        .add(c));
        Map<Long, List<RawConstraint>> constraints = new LinkedHashMap<>();
        raw.constraints()
                .forEach(c -> constraints
                        .computeIfAbsent(c.tableOid(), k -> new ArrayList<>())
                        .add(c));
        Map<Long, List<RawIndex>> indexes = new LinkedHashMap<>();
        raw.indexes()
                .forEach(i -> indexes.computeIfAbsent(i.tableOid(), k -> new ArrayList<>())
                        .add(i));

        List<SourceTable> out = new ArrayList<>();
        for (RawTable t : raw.tables()) {
            out.add(table(
                    t,
                    columns.getOrDefault(t.oid(), List.of()),
                    constraints.getOrDefault(t.oid(), List.of()),
                    indexes.getOrDefault(t.oid(), List.of())));
        }
        return out;
    }

    private SourceTable table(
            RawTable t, List<RawColumn> rawColumns, List<RawConstraint> rawConstraints, List<RawIndex> rawIndexes) {
        warnings = new ArrayList<>();
        skipped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<ColumnSchema> columns = new ArrayList<>();
        List<ColumnSelect> readers = new ArrayList<>();
        for (RawColumn c : rawColumns) {
            StagingType type = TypeMappings.fromPostgres(
                    c.leafType(),
                    c.leafIsEnum() ? c.leafTypeName() : null,
                    c.isArray() ? Math.max(1, c.arrayDims()) : 0);
            boolean money = !c.leafIsEnum() && c.leafType().equals("money");
            columns.add(new ColumnSchema(
                    c.name(),
                    c.declaredType(),
                    type,
                    !c.notNull(),
                    c.defaultExpression(),
                    c.generationExpression(),
                    identity(t, c),
                    columnNote(t, c, type, money, notes)));
            readers.add(ColumnSelect.of(c.name(), type, money));
        }

        List<String> primaryKey = List.of();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<SourceForeignKey> foreignKeys = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (RawConstraint c : rawConstraints) {
            switch (c.type()) {
                case 'p' -> primaryKey = c.columns();
                case 'u' -> uniques.add(new UniqueConstraint(c.name(), c.columns()));
                case 'f' -> foreignKeys.add(foreignKey(t, c, notes));
                case 'c' -> checks.add(c.definition());
                case 'x' ->
                    skipped.add(new SkippedObject(
                            "constraint",
                            t.name() + "." + c.name(),
                            "exclusion constraints are not migrated",
                            c.definition()));
                default -> throw new IllegalStateException("unexpected constraint type " + c.type());
            }
        }

        List<IndexSchema> indexes = new ArrayList<>();
        for (RawIndex i : rawIndexes) {
            if (!i.valid()) {
                warnings.add("index " + t.name() + "." + i.name()
                        + " is invalid (an interrupted concurrent build) and is not recorded");
                continue;
            }
            String why = unportable(i);
            indexes.add(new IndexSchema(
                    i.name(),
                    i.unique(),
                    i.hasExpressions() ? List.of() : i.columns(),
                    i.definition(),
                    i.predicate(),
                    why == null));
            if (why != null) {
                warnings.add("index " + t.name() + "." + i.name() + " is not portable (" + why
                        + "): recorded with its definition; importers to SQLite may not recreate it");
            }
        }

        if (t.relkind() == 'p') {
            notes.add("partitioned (" + t.partitionKey() + "): the rows of its " + t.partitions()
                    + " partitions are exported as this one table");
            skipped.add(new SkippedObject(
                    "partitioning",
                    t.name(),
                    "the rows of its " + t.partitions()
                            + " partitions are exported as one table; the partitioning itself is not recreated",
                    "PARTITION BY " + t.partitionKey()));
        }
        if (t.hasChildren()) {
            notes.add("inheritance parent: only its own rows (its child tables export as tables of their own)");
        }
        if (t.rowSecurity()) {
            notes.add("row-level security is enabled: read with row_security=off, so every row or an error");
        }
        List<ForeignKey> keys = foreignKeys.stream().map(SourceForeignKey::key).toList();
        TableSchema schema =
                new TableSchema(t.name(), t.schema(), columns, primaryKey, keys, uniques, indexes, checks, List.of());
        return new SourceTable(
                t.oid(),
                t.schema(),
                t.relkind(),
                t.partitions(),
                t.partitionKey(),
                t.estimatedBytes(),
                t.estimatedRows(),
                schema,
                foreignKeys,
                readers,
                notes,
                warnings,
                skipped);
    }

    private Identity identity(RawTable t, RawColumn c) {
        String kind;
        if ("a".equals(c.identity())) {
            kind = "identity_always";
        } else if ("d".equals(c.identity())) {
            kind = "identity_by_default";
        } else if (c.sequenceName() != null
                && c.defaultExpression() != null
                && c.defaultExpression().contains("nextval(")) {
            kind = "serial";
        } else {
            return null;
        }
        if (Boolean.FALSE.equals(c.sequenceReadable())) {
            warnings.add("sequence " + c.sequenceName() + " of " + t.name() + "." + c.name()
                    + " is not readable by this role (no SELECT or USAGE): its current value is not exported");
        }
        return new Identity(kind, c.sequenceName(), c.sequenceLastValue());
    }

    private String columnNote(RawTable t, RawColumn c, StagingType type, boolean money, List<String> tableNotes) {
        List<String> parts = new ArrayList<>();
        if (type.leaf().kind() == StagingKind.SOURCE_TEXT) {
            parts.add("no mapping rule for " + c.leafType() + ": exported as PostgreSQL's text form (source_text)");
            warnings.add("column " + t.name() + "." + c.name() + " (" + c.declaredType()
                    + ") has no mapping rule: exported as its PostgreSQL text form (source_text fallback)");
            tableNotes.add("fallback column " + c.name() + " (" + c.declaredType() + ") exported as source_text");
        }
        if (c.domainBaseType() != null) {
            parts.add("domain " + c.declaredType() + " over " + c.domainBaseType()
                    + ": values exported as the base type; the domain's constraints are not migrated");
        }
        if (money) {
            parts.add("money exported as numeric (no currency symbol, lc_monetary independent)");
        }
        if ("v".equals(c.generated())) {
            parts.add("virtual generated column: its computed values are exported");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private SourceForeignKey foreignKey(RawTable t, RawConstraint c, List<String> notes) {
        String deferrable = !c.deferrable()
                ? null
                : c.deferred() ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE INITIALLY IMMEDIATE";
        if ("f".equals(c.matchType())) {
            notes.add("foreign key " + c.name() + " is MATCH FULL (recorded as a plain foreign key)");
        }
        if (c.definition().matches("(?s).*SET (NULL|DEFAULT) \\(.*")) {
            notes.add("foreign key " + c.name() + " sets only some columns on delete: " + c.definition());
        }
        if (!c.validated()) {
            warnings.add("foreign key " + t.name() + "." + c.name()
                    + " is NOT VALID: existing rows may violate it, and an importer that creates it may fail");
        }
        ForeignKey key = new ForeignKey(
                c.name(),
                c.columns(),
                c.referencedTable(),
                c.referencedColumns(),
                action(c.onDelete()),
                action(c.onUpdate()),
                deferrable);
        return new SourceForeignKey(key, c.referencedSchema());
    }

    private static String action(String code) {
        return switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    /** Why an index cannot be recreated from its column list alone, or null when it can. */
    private static String unportable(RawIndex i) {
        List<String> why = new ArrayList<>();
        if (!i.accessMethod().equals("btree")) {
            why.add(i.accessMethod());
        }
        if (i.hasExpressions()) {
            why.add("expression");
        }
        if (i.predicate() != null) {
            why.add("partial");
        }
        if (i.hasInclude()) {
            why.add("INCLUDE columns");
        }
        if (i.hasOptions()) {
            why.add("DESC/NULLS ordering");
        }
        return why.isEmpty() ? null : String.join(", ", why);
    }
}
