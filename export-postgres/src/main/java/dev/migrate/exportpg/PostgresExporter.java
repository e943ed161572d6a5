package dev.migrate.exportpg;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.SchemaSnapshot;
import dev.migrate.core.schema.SkippedObject;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.SourceInfo;
import dev.migrate.core.staging.StagingWriter;
import dev.migrate.core.staging.TableEntry;
import dev.migrate.core.staging.TenantFilter;
import dev.migrate.core.types.StagingKind;
import dev.migrate.exportpg.RawCatalog.RawEnum;
import dev.migrate.exportpg.RawCatalog.RawObject;
import dev.migrate.exportpg.SourceTable.SourceForeignKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code export-postgres}: reads a PostgreSQL database (or one user's part of it) in one
 * consistent snapshot and writes a staging directory.
 *
 * <pre>{@code
 * ExportResult r = new PostgresExporter(options).run(listener);
 * }</pre>
 *
 * <p>Order of work: connect and take the snapshot; read the catalog; choose the tables; lock them
 * (ACCESS SHARE, so no one drops them mid-export); in tenant mode find the user and plan the
 * filters (an unknown user fails here, before anything is written); then create the staging
 * directory, stream every table and commit the manifest. Any failure after the directory was
 * created removes what was written (and the directory itself when this run created it).
 */
public final class PostgresExporter {

    /** The listener hears about progress every this many rows. */
    public static final int PROGRESS_EVERY = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(PostgresExporter.class);

    /** Kinds whose warning line carries the reason; for the others the kind says it all. */
    private static final Set<String> EXPLAINED_KINDS =
            Set.of("table", "foreign key", "constraint", "partitioning", "domain", "sequence", "type");

    private final ExportPostgresOptions options;

    public ExportPostgresOptions options() {
        return options;
    }

    public PostgresExporter(ExportPostgresOptions options) {
        this.options = options;
    }

    /** Runs the export without progress callbacks. */
    public ExportResult run() {
        return run(ExportListener.NONE);
    }

    /**
     * Runs the export.
     *
     * @throws MigrateException with a one-line message on any failure; the staging directory then
     *     holds no partial export
     */
    public ExportResult run(ExportListener listener) {
        long started = System.nanoTime();
        try (PgSession session = PgSession.open(options.jdbcUrl(), options.connectionProperties(), options.schemas())) {
            return export(session, listener, started);
        }
    }

    private ExportResult export(PgSession session, ExportListener listener, long started) {
        List<String> warnings = new ArrayList<>();
        List<SkippedObject> skipped = new ArrayList<>();
        CatalogReader catalog = new CatalogReader(session.connection());

        RawCatalog raw;
        try {
            requireSchemas(session);
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

        TenantPlan tenant;
        List<String> dangling = List.of();
        List<String> ambiguous = List.of();
        Map<String, Long> danglingPerTable = new HashMap<>();
        Map<String, Long> ambiguousPerTable = new HashMap<>();
        try {
            lock(session, exported);
            skipped.addAll(notMigrated(catalog.notMigrated(
                    options.schemas(), exported.stream().map(SourceTable::oid).toList())));
            tenant = options.tenant() == null ? null : new TenantPlanner(options.tenant(), all).plan(session);
            if (tenant != null) {
                // The filters also read scoped tables left out of the export: lock those too.
                Set<TableKey> locked = exported.stream().map(TableKey::of).collect(Collectors.toSet());
                TenantPlan plan = tenant;
                lock(
                        session,
                        all.stream()
                                .filter(t -> !locked.contains(TableKey.of(t)))
                                .filter(t -> plan.scope(TableKey.of(t)) != TenantScope.SHARED)
                                .toList());
                dangling = DanglingReferences.find(session, tenant, exported, danglingPerTable);
                ambiguous = DanglingReferences.ambiguous(session, tenant, exported, ambiguousPerTable);
            }
        } catch (SQLException e) {
            throw session.error(e, null);
        }

        List<String> allWarnings = new ArrayList<>();
        skipped.forEach(s -> allWarnings.add(describe(s)));
        allWarnings.addAll(warnings);
        dangling.forEach(d -> allWarnings.add("dangling reference, not followed: " + d));
        ambiguous.forEach(a -> allWarnings.add("owned by two users, not exported: " + a));

        SchemaSnapshot snapshot = new SchemaSnapshot(order.tables(), enums, skipped);
        TenantFilter tenantFilter = tenant == null ? null : tenant.toManifest(exported, dangling);
        Map<String, List<String>> tenantNotes = new HashMap<>();
        danglingPerTable.forEach((table, n) -> tenantNotes
                .computeIfAbsent(table, k -> new ArrayList<>())
                .add(n + " dangling reference(s) to rows outside this export, reported and not followed"));
        ambiguousPerTable.forEach((table, n) -> tenantNotes
                .computeIfAbsent(table, k -> new ArrayList<>())
                .add(n + " row(s) owned through foreign keys by this user and another user, not exported"));
        return write(session, listener, started, exported, snapshot, tenant, tenantFilter, tenantNotes, allWarnings);
    }

    private ExportResult write(
            PgSession session,
            ExportListener listener,
            long started,
            List<SourceTable> exported,
            SchemaSnapshot snapshot,
            TenantPlan tenant,
            TenantFilter tenantFilter,
            Map<String, List<String>> tenantNotes,
            List<String> warnings) {
        Path dir = options.exportDir();
        boolean existed = Files.exists(dir);
        StagingWriter writer = StagingWriter.create(dir);
        try {
            listener.started(exported.size());
            TableExporter tables = new TableExporter(session, writer, options.fetchSize(), listener);
            List<TableEntry> entries = new ArrayList<>();
            List<TableStats> stats = new ArrayList<>();
            int index = 0;
            for (SourceTable t : exported) {
                listener.tableStarted(t.name(), ++index, exported.size());
                long t0 = System.nanoTime();
                TableKey key = TableKey.of(t);
                Cond filter = tenant == null ? Cond.TRUE : tenant.filter(key);
                TableEntry entry = tables.export(t, filter, tenant == null ? null : tenant.userId());
                entries.add(entry);
                List<String> notes = new ArrayList<>(t.notes());
                if (tenant != null) {
                    notes.add(tenant.explanation(key));
                    notes.addAll(tenantNotes.getOrDefault(t.name(), List.of()));
                }
                TableStats s = new TableStats(t.name(), entry.rows(), entry.bytes(), seconds(t0), notes);
                stats.add(s);
                LOG.info("exported {}: {} rows, {} bytes in {} s", t.name(), s.rows(), s.bytes(), s.seconds());
                listener.tableFinished(s);
            }
            Manifest manifest = new Manifest(
                    Manifest.FORMAT_VERSION,
                    options.toolVersion(),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                    new SourceInfo("postgresql", session.serverVersion(), session.database()),
                    snapshot,
                    tenantFilter,
                    entries);
            writer.commit(manifest);
            return new ExportResult(dir, manifest, stats, warnings, seconds(started));
        } catch (RuntimeException e) {
            writer.abort();
            if (!existed) {
                deleteIfEmpty(dir);
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- table choice

    private void requireSchemas(PgSession session) throws SQLException {
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

    private static void lock(PgSession session, List<SourceTable> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        String names = tables.stream().map(SourceTable::qualifiedName).collect(Collectors.joining(", "));
        try (Statement s = session.connection().createStatement()) {
            s.execute("LOCK TABLE " + names + " IN ACCESS SHARE MODE");
        }
    }

    private static List<SkippedObject> notMigrated(List<RawObject> objects) {
        List<SkippedObject> out = new ArrayList<>();
        for (RawObject o : objects) {
            out.add(new SkippedObject(o.kind(), o.name(), reason(o.kind()), o.definition()));
        }
        return out;
    }

    private static String reason(String kind) {
        return switch (kind) {
            case "view", "materialized view" -> "views are not migrated; recreate them on the target if needed";
            case "trigger" -> "triggers are not migrated";
            case "rule" -> "rules are not migrated";
            case "policy" -> "row-level security policies are not migrated";
            case "function", "procedure", "aggregate", "window function" -> "functions are not migrated";
            case "domain" ->
                "domains are not migrated: their columns are exported as the base type and the domain's"
                        + " constraints are lost";
            case "sequence" -> "sequences that no exported column uses are not migrated";
            case "type" -> "composite types are not migrated";
            case "foreign table" -> "foreign tables are not migrated";
            case "extension" -> "extensions are not migrated; install them on the target if needed";
            default -> "not migrated";
        };
    }

    private static String describe(SkippedObject s) {
        return "not migrated: " + s.kind() + " " + s.name()
                + (EXPLAINED_KINDS.contains(s.kind()) ? " (" + s.reason() + ")" : "");
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e6) / 1e3;
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("staging directory {} not removed: {}", dir, e.toString());
        }
    }
}
