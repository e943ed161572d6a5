package dev.migrate.importpg;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.TableEntry;
import dev.migrate.core.staging.TableReader;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A whole-database import: refuse or drop existing tables, create enums and tables, COPY every
 * table, then keys and indexes, foreign keys, sequences, ANALYZE. Runs inside the caller's
 * transaction; the caller commits or rolls back.
 */
final class FullImport {

    private final ImportContext ctx;
    private final Connection c;
    private final String schema;
    private final List<TableSchema> tables;
    /** The target catalog read under the transaction's locks (existing tables for --data-only). */
    private TargetCatalog catalog;

    FullImport(ImportContext ctx) {
        this.ctx = ctx;
        this.c = ctx.connection;
        this.schema = ctx.schema();
        this.tables = ctx.manifest.schema().tables();
    }

    /**
     * @param before the target catalog read before the transaction began (to know what to lock)
     */
    void run(TargetCatalog before) throws SQLException {
        Set<String> staged =
                tables.stream().map(TableSchema::name).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> existing =
                staged.stream().filter(before.relations::containsKey).toList();
        refuseClashes(before, staged, existing);

        if (!existing.isEmpty()) {
            ctx.listener.step("locking " + existing.size() + " existing tables");
            Sql.execute(c, "LOCK TABLE " + qualifiedList(existing) + " IN SHARE ROW EXCLUSIVE MODE");
        }
        catalog = TargetCatalog.read(c, schema);
        if (ctx.options.dataOnly()) {
            checkCompatibility(catalog);
        }
        backup(catalog, existing);
        if (ctx.options.dropExisting() && !existing.isEmpty()) {
            dropExisting(existing);
        }

        Map<String, List<ColumnPlan>> plans = new LinkedHashMap<>();
        if (!ctx.options.dataOnly()) {
            if (!catalog.schemaExists(c)) {
                ctx.listener.step("creating schema " + schema);
                Sql.execute(c, "CREATE SCHEMA " + PgNames.quote(schema));
            }
            // Every name we generate is qualified; the search path is for the source's own
            // expressions (defaults, checks, index definitions), which name types and tables
            // unqualified, as they were in the source schema.
            Sql.execute(c, "SET LOCAL search_path TO " + PgNames.quote(schema));
            Set<String> enums = new EnumInstaller(ctx, catalog).install(usedEnums());
            ctx.listener.step("creating " + tables.size() + " tables");
            for (TableSchema t : tables) {
                plans.put(t.name(), createTable(t, enums));
            }
        }

        for (TableSchema t : tables) {
            load(t);
        }
        // Every file verified (SHA-256, rows) before anything else can fail on the data.
        ctx.staging.verifyRemaining();
        ctx.listener.allRowsLoaded();

        if (!ctx.options.dataOnly()) {
            ctx.listener.step("creating primary keys, unique constraints and indexes");
            Constraints constraints = new Constraints(ctx);
            for (TableSchema t : tables) {
                constraints.keysAndIndexes(t);
            }
            ctx.listener.step("creating foreign keys");
            for (TableSchema t : tables) {
                new ForeignKeys(ctx, staged).create(t);
            }
            ctx.listener.step("moving sequences past the loaded ids");
            for (TableSchema t : tables) {
                for (ColumnPlan p : plans.get(t.name())) {
                    if (p.generatesValues()) {
                        Sequences.advance(
                                c,
                                schema,
                                t.name(),
                                p.column().name(),
                                p.column().identity() == null
                                        ? null
                                        : p.column().identity().lastValue());
                    }
                }
            }
        } else {
            ctx.listener.step("moving sequences past the loaded ids");
            TargetCatalog after = TargetCatalog.read(c, schema);
            for (TableSchema t : tables) {
                for (TargetCatalog.Column col : after.tables.get(t.name()).columns) {
                    if (col.sequence() != null) {
                        Long last = t.column(col.name())
                                .map(ColumnSchema::identity)
                                .map(id -> id.lastValue())
                                .orElse(null);
                        Sequences.advance(c, schema, t.name(), col.name(), last);
                    }
                }
            }
        }
        ctx.listener.step("analyzing");
        for (TableSchema t : tables) {
            Sql.execute(c, "ANALYZE " + PgNames.qualified(schema, t.name()));
        }
    }

    private void refuseClashes(TargetCatalog before, Set<String> staged, List<String> existing) {
        List<String> notTables = existing.stream()
                .filter(n -> {
                    char k = before.relations.get(n);
                    return k != 'r' && k != 'p';
                })
                .map(n -> PgNames.describe(n) + " (" + relkind(before.relations.get(n)) + ")")
                .toList();
        if (!notTables.isEmpty()) {
            throw MigrateException.input("target schema " + PgNames.describe(schema)
                    + " already has objects named like staged tables that are not tables: "
                    + String.join(", ", notTables) + "; they are never dropped, rename or remove them first");
        }
        String names = existing.stream().map(PgNames::describe).collect(Collectors.joining(", "));
        if (!existing.isEmpty() && !ctx.options.dataOnly() && !ctx.options.dropExisting()) {
            throw MigrateException.input("target schema " + PgNames.describe(schema) + " already has "
                    + (existing.size() == 1 ? "table " : "tables ") + names
                    + "; use --data-only to load into them or --drop-existing to replace them");
        }
        if (ctx.options.dataOnly()) {
            List<String> missing =
                    staged.stream().filter(n -> !existing.contains(n)).toList();
            if (!missing.isEmpty()) {
                throw MigrateException.input("--data-only: target schema " + PgNames.describe(schema)
                        + " lacks " + (missing.size() == 1 ? "table " : "tables ")
                        + missing.stream().map(PgNames::describe).collect(Collectors.joining(", ")));
            }
        }
    }

    private static String relkind(char k) {
        return switch (k) {
            case 'v' -> "view";
            case 'm' -> "materialized view";
            case 'f' -> "foreign table";
            case 'S' -> "sequence";
            case 'i', 'I' -> "index";
            case 'c' -> "composite type";
            default -> "relation";
        };
    }

    private void checkCompatibility(TargetCatalog catalog) {
        List<String> problems = new ArrayList<>();
        for (TableSchema t : tables) {
            TargetCatalog.Table target = catalog.tables.get(t.name());
            for (String p : ColumnCompatibility.problems(t, target, Set.of(), Set.of())) {
                problems.add("table " + PgNames.describe(t.name()) + ": " + p);
            }
            List<String> extra = ColumnCompatibility.extraTargetColumns(t, target, Set.of());
            if (!extra.isEmpty()) {
                ctx.notesOf(t.name())
                        .add("target columns not in the staging (defaults or NULL): "
                                + extra.stream().map(PgNames::describe).collect(Collectors.joining(", ")));
            }
        }
        if (!problems.isEmpty()) {
            throw MigrateException.input(
                    "--data-only: staged tables do not fit the target: " + String.join("; ", problems));
        }
    }

    private void backup(TargetCatalog catalog, List<String> existing) throws SQLException {
        if (!ctx.options.backup() || existing.isEmpty()) {
            return;
        }
        List<String> withRows = new ArrayList<>();
        for (String t : existing) {
            if (catalog.hasRows(c, t)) {
                withRows.add(t);
            }
        }
        if (withRows.isEmpty()) {
            return;
        }
        ctx.listener.step("backing up " + withRows.size() + " tables");
        ctx.backup = BackupWriter.write(c, catalog, withRows, ctx.options.backupRoot(), ctx.database);
    }

    private void dropExisting(List<String> existing) throws SQLException {
        ctx.listener.step("dropping " + existing.size() + " existing tables");
        String sql = "DROP TABLE " + qualifiedList(existing); // RESTRICT: never other objects
        SQLException e = Sql.attempt(c, sql);
        if (e != null) {
            throw MigrateException.input("--drop-existing refuses to drop tables other objects depend on: "
                    + SqlErrors.serverText(e) + "; drop or change those objects first (nothing was changed)");
        }
        for (String t : existing) {
            ctx.notesOf(t).add("existing table dropped and recreated (--drop-existing)");
        }
    }

    private Set<String> usedEnums() {
        Set<String> used = new LinkedHashSet<>();
        for (TableSchema t : tables) {
            for (ColumnSchema col : t.columns()) {
                if (col.type().leaf().kind() == StagingKind.ENUM
                        && col.type().leaf().name() != null) {
                    used.add(col.type().leaf().name());
                }
            }
        }
        return used;
    }

    private List<ColumnPlan> createTable(TableSchema t, Set<String> enums) throws SQLException {
        List<String> warnings = new ArrayList<>();
        List<ColumnPlan> plans = new ArrayList<>();
        for (ColumnSchema col : t.columns()) {
            plans.add(ColumnPlan.of(schema, t, col, ctx.sourceIsPostgres, enums, warnings, ctx.notesOf(t.name())));
        }
        for (String w : warnings) {
            ctx.warn(t.name(), w);
        }
        for (int i = 0; i < plans.size(); i++) {
            plans.set(i, checkedOnServer(t, plans.get(i)));
        }
        List<String> defs = new ArrayList<>();
        for (ColumnPlan p : plans) {
            defs.add(PgNames.quote(p.column().name()) + " " + p.definition());
        }
        String sql = "CREATE TABLE " + PgNames.qualified(schema, t.name()) + " (" + String.join(", ", defs) + ")";
        try {
            Sql.execute(c, sql);
        } catch (SQLException e) {
            throw SqlErrors.statement(Location.table(t.name()), "creating the table", e);
        }
        return plans;
    }

    /** Checks a plan's type and default on the server; falls back to text / no default, reported. */
    private ColumnPlan checkedOnServer(TableSchema t, ColumnPlan p) throws SQLException {
        ColumnPlan out = p;
        if (p.column().type().leaf().kind() == StagingKind.SOURCE_TEXT && ctx.sourceIsPostgres) {
            SQLException e = Sql.attempt(c, "SELECT CAST(NULL AS " + p.pgType() + ")");
            if (e != null) {
                String text = p.column().type().kind() == StagingKind.ARRAY ? "text[]" : "text";
                ctx.warn(
                        t.name(),
                        "column " + PgNames.describe(p.column().name()) + ": type " + p.pgType()
                                + " does not exist in the target (" + SqlErrors.serverText(e) + "); created as "
                                + text);
                out = out.withType(text);
            }
        }
        if (out.defaultSql() != null) {
            SQLException e = Sql.attempt(c, "SELECT CAST((" + out.defaultSql() + ") AS " + out.pgType() + ")");
            if (e != null) {
                ctx.warn(
                        t.name(),
                        "column " + PgNames.describe(p.column().name()) + ": default "
                                + SqlErrors.oneLine(p.column().defaultExpression()) + " dropped: "
                                + SqlErrors.serverText(e));
                out = out.withDefault(null);
            }
        }
        return out;
    }

    private void load(TableSchema t) throws SQLException {
        TableEntry entry = ctx.manifest.entry(t.name()).orElseThrow();
        ctx.listener.tableStarted(t.name(), entry.rows());
        long start = System.nanoTime();
        List<String> columns = new ArrayList<>();
        List<CopyRowEncoder.Slot> slots = new ArrayList<>();
        TargetCatalog.Table existing = ctx.options.dataOnly() ? catalog.tables.get(t.name()) : null;
        for (int i = 0; i < t.columns().size(); i++) {
            ColumnSchema col = t.columns().get(i);
            columns.add(PgNames.quote(col.name()));
            StagingType type = col.type();
            if (existing != null) {
                StagingType targetType =
                        existing.column(col.name()).orElseThrow().type();
                type = ColumnCompatibility.encodingType(type, targetType);
                if (ColumnCompatibility.parsedByServer(col.type(), targetType)) {
                    ctx.notesOf(t.name())
                            .add("column " + PgNames.describe(col.name()) + " is " + col.type()
                                    + " in the staging; its values are parsed as "
                                    + existing.column(col.name()).orElseThrow().declaredType());
                }
            }
            slots.add(CopyRowEncoder.Slot.staged(i, type));
        }
        long rows;
        try (TableReader reader = ctx.staging.openTable(t.name())) {
            rows = TableCopier.copy(
                    c,
                    reader,
                    PgNames.qualified(schema, t.name()),
                    columns,
                    new CopyRowEncoder(slots),
                    new Location(entry.file(), t.name(), null, null),
                    ctx.listener);
        }
        if (rows != entry.rows()) {
            throw MigrateException.runtime(
                    Location.table(t.name()),
                    "PostgreSQL stored " + rows + " rows, the staging holds " + entry.rows(),
                    null);
        }
        TableImportStats stats =
                new TableImportStats(t.name(), rows, entry.bytes(), (System.nanoTime() - start) / 1e9, List.of());
        ctx.stats.add(stats);
        ctx.listener.tableFinished(stats);
    }

    private String qualifiedList(List<String> names) {
        return names.stream().map(n -> PgNames.qualified(schema, n)).collect(Collectors.joining(", "));
    }

    /** The enum types of the manifest, for the installer. */
    static Map<String, EnumType> enumsByName(List<EnumType> enums) {
        Map<String, EnumType> m = new LinkedHashMap<>();
        for (EnumType e : enums) {
            m.put(e.name(), e);
        }
        return m;
    }
}
