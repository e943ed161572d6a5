package dev.migrate.exportpg;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.SchemaSnapshot;
import dev.migrate.core.schema.SkippedObject;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.exportpg.RawCatalog.RawEnum;
import dev.migrate.exportpg.SourceTable.SourceForeignKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The work before the first row: read the catalog, choose the tables (globs), order them by
 * their foreign keys, lock them, name what is not migrated and, in tenant mode, find the user and
 * plan every filter. Nothing is written here, so every failure of this stage (unknown user,
 * missing privilege, unknown schema) leaves no staging directory behind.
 */
final class ExportPlanner {

    private final PgSession session;
    private final ExportPostgresOptions options;

    ExportPlanner(PgSession session, ExportPostgresOptions options) {
        this.session = session;
        this.options = options;
    }

    /** Reads the catalog, chooses and orders the tables, plans the tenant filters. */
    ExportPlan plan() {
        List<String> warnings = new ArrayList<>();
        List<SkippedObject> skipped = new ArrayList<>();
        CatalogReader catalog = new CatalogReader(session.connection());
        RawCatalog raw;
        try {
            requireSchemas();
            raw = catalog.read(options.schemas());
        } catch (SQLException e) {
            throw session.error(e, null);
        }
        List<SourceTable> all = new SchemaAssembler().assemble(raw);
        List<SourceTable> chosen =
                new TableGlobs(options.includeTables(), options.excludeTables()).select(all, warnings, skipped);
        requireUniqueNames(chosen);
        chosen = withoutForeignKeysToMissingTables(chosen, skipped);
        DependencyOrder.Result order =
                DependencyOrder.order(chosen.stream().map(SourceTable::schema).toList());
        List<SourceTable> exported = reorder(chosen, order.tables());
        for (SourceTable t : exported) {
            warnings.addAll(t.warnings());
            skipped.addAll(t.skipped());
        }
        warnings.addAll(order.cycleNotes());
        List<EnumType> enums = enums(raw.enums(), exported, skipped);

        Tenant tenant;
        try {
            lock(exported);
            skipped.addAll(NotMigrated.of(catalog.notMigrated(
                    options.schemas(), exported.stream().map(SourceTable::oid).toList())));
            tenant = options.tenant() == null ? Tenant.NONE : tenant(all, exported);
        } catch (SQLException e) {
            throw session.error(e, null);
        }

        List<String> allWarnings = new ArrayList<>();
        skipped.forEach(s -> allWarnings.add(NotMigrated.describe(s)));
        allWarnings.addAll(warnings);
        tenant.dangling().forEach(d -> allWarnings.add("dangling reference, not followed: " + d));
        tenant.ambiguous().forEach(a -> allWarnings.add("owned by two users, not exported: " + a));
        return new ExportPlan(
                exported,
                new SchemaSnapshot(order.tables(), enums, skipped),
                tenant.plan(),
                tenant.plan() == null ? null : tenant.plan().toManifest(exported, tenant.dangling()),
                tenant.notes(),
                allWarnings);
    }

    /** The tenant plan and what it found: dangling references, rows of two owners, per-table notes. */
    private record Tenant(
            TenantPlan plan, List<String> dangling, List<String> ambiguous, Map<String, List<String>> notes) {
        static final Tenant NONE = new Tenant(null, List.of(), List.of(), Map.of());
    }

    private Tenant tenant(List<SourceTable> all, List<SourceTable> exported) throws SQLException {
        TenantPlan plan = new TenantPlanner(options.tenant(), all).plan(session);
        // The filters also read scoped tables left out of the export: lock those too.
        Set<TableKey> locked = exported.stream().map(TableKey::of).collect(Collectors.toSet());
        lock(all.stream()
                .filter(t -> !locked.contains(TableKey.of(t)))
                .filter(t -> plan.scope(TableKey.of(t)) != TenantScope.SHARED)
                .toList());
        Map<String, Long> danglingPerTable = new HashMap<>();
        Map<String, Long> ambiguousPerTable = new HashMap<>();
        List<String> dangling = DanglingReferences.find(session, plan, exported, danglingPerTable);
        List<String> ambiguous = DanglingReferences.ambiguous(session, plan, exported, ambiguousPerTable);
        Map<String, List<String>> notes = new HashMap<>();
        danglingPerTable.forEach((table, n) -> notes.computeIfAbsent(table, k -> new ArrayList<>())
                .add(n + " dangling reference(s) to rows outside this export, reported and not followed"));
        ambiguousPerTable.forEach((table, n) -> notes.computeIfAbsent(table, k -> new ArrayList<>())
                .add(n + " row(s) owned through foreign keys by this user and another user, not exported"));
        return new Tenant(plan, dangling, ambiguous, notes);
    }

    // ---------------------------------------------------------------- table choice

    private void requireSchemas() throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement s = session.connection()
                .prepareStatement("SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)")) {
            s.setArray(
                    1,
                    session.connection().createArrayOf("text", options.schemas().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        for (String schema : options.schemas()) {
            if (!found.contains(schema)) {
                throw MigrateException.input(
                        "schema \"" + schema + "\" does not exist in PostgreSQL at " + session.target());
            }
        }
    }

    /** Staging names tables without their schema, so two exported tables may not share a name. */
    private static void requireUniqueNames(List<SourceTable> tables) {
        Map<String, List<String>> schemasByName = new LinkedHashMap<>();
        tables.forEach(t ->
                schemasByName.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t.schemaName()));
        schemasByName.forEach((name, schemas) -> {
            if (schemas.size() > 1) {
                throw MigrateException.input(
                        Location.table(name),
                        "a table of this name exists in schemas " + schemas
                                + "; export the schemas separately or leave one out with --exclude-table schema.name");
            }
        });
    }

    /** A foreign key to a table that is not exported cannot be recreated: it is recorded as skipped. */
    private static List<SourceTable> withoutForeignKeysToMissingTables(
            List<SourceTable> tables, List<SkippedObject> skipped) {
        Set<TableKey> exported = tables.stream().map(TableKey::of).collect(Collectors.toSet());
        List<SourceTable> out = new ArrayList<>();
        for (SourceTable t : tables) {
            List<ForeignKey> kept = new ArrayList<>();
            for (SourceForeignKey fk : t.foreignKeys()) {
                TableKey parent = new TableKey(fk.referencedSchema(), fk.key().referencedTable());
                if (exported.contains(parent)) {
                    kept.add(fk.key());
                } else {
                    skipped.add(new SkippedObject(
                            "foreign key",
                            t.name() + "." + fk.key().name(),
                            "references " + parent + ", which is not exported",
                            null));
                }
            }
            TableSchema s = t.schema();
            out.add(t.withSchema(new TableSchema(
                    s.name(),
                    s.sourceSchema(),
                    s.columns(),
                    s.primaryKey(),
                    kept,
                    s.uniqueConstraints(),
                    s.indexes(),
                    s.checks(),
                    s.options())));
        }
        return out;
    }

    private static List<SourceTable> reorder(List<SourceTable> tables, List<TableSchema> order) {
        Map<String, SourceTable> byName = new HashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        return order.stream().map(s -> byName.get(s.name())).toList();
    }

    /** The enums exported columns use; the schemas' other enums are named as not migrated. */
    private static List<EnumType> enums(List<RawEnum> raw, List<SourceTable> exported, List<SkippedObject> skipped) {
        Set<String> used = new TreeSet<>();
        for (SourceTable t : exported) {
            t.schema().columns().stream()
                    .map(c -> c.type().leaf())
                    .filter(type -> type.kind() == StagingKind.ENUM)
                    .forEach(type -> used.add(type.name()));
        }
        Map<String, List<RawEnum>> byName = new LinkedHashMap<>();
        raw.forEach(
                e -> byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e));
        List<EnumType> out = new ArrayList<>();
        for (String name : used) {
            List<RawEnum> candidates = byName.getOrDefault(name, List.of());
            Set<List<String>> labelSets = new LinkedHashSet<>();
            candidates.forEach(e -> labelSets.add(e.labels()));
            if (labelSets.size() > 1) {
                throw MigrateException.input("enum type \"" + name
                        + "\" exists in several schemas with different labels ("
                        + candidates.stream().map(RawEnum::schema).toList() + "); export the schemas separately");
            }
            if (!candidates.isEmpty()) {
                out.add(new EnumType(name, candidates.get(0).labels()));
            }
        }
        for (RawEnum e : raw) {
            if (!used.contains(e.name())) {
                skipped.add(new SkippedObject(
                        "type",
                        e.name(),
                        "enum type not used by any exported column",
                        "CREATE TYPE " + e.name() + " AS ENUM " + e.labels()));
            }
        }
        return out;
    }

    /** ACCESS SHARE: nobody drops or rewrites these tables mid-export; writers are not blocked. */
    private void lock(List<SourceTable> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        String names = tables.stream().map(SourceTable::qualifiedName).collect(Collectors.joining(", "));
        try (Statement s = session.connection().createStatement()) {
            s.execute("LOCK TABLE " + names + " IN ACCESS SHARE MODE");
        }
    }
}
