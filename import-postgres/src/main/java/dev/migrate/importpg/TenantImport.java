package dev.migrate.importpg;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.TableEntry;
import dev.migrate.core.staging.TableReader;
import dev.migrate.core.types.StagingType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tenant expansion: single-user staged data (an {@code app_config} singleton holding the user,
 * one-per-user singletons, owned tables without the owner column) merged into a multi-user
 * schema that already exists in the target.
 *
 * <p>The user is found by email or created from {@code app_config}; the owner column of owned
 * and one-per-user tables is filled with the user's id; shared rows that are missing are
 * inserted and existing ones left as they are (differences reported). The user's existing rows
 * are REPLACED: afterwards the user's rows in every staged table are exactly the staged rows.
 * This is done as a merge rather than delete-everything-then-insert: rows the staging no longer
 * has are deleted (children first), changed rows updated in place and new rows inserted (parents
 * first). Deleting and re-inserting rows that still exist would fire ON DELETE actions on other
 * users' rows that reference them (a SET NULL would silently change another user's row); the
 * merge never does. Importing the same staging twice therefore changes nothing the second time,
 * and other users' rows are never touched — deletions that would reach them are refused.
 *
 * <p>The staged rows first go through COPY into temporary tables shaped like the target tables,
 * so type conversion and streaming are the same as a full import, and the merge is a few
 * set-based statements per table.
 */
final class TenantImport {

    private static final String APP_CONFIG = "app_config";

    private final ImportContext ctx;
    private final Connection c;
    private final String schema;
    private final TenantOptions opts;

    /** One staged table and where its columns go. */
    private static final class Mapping {
        final TableSchema staged;
        final String target;
        final TenantScopes.Scope scope;
        /** Target column of each staged column, or null when the staged column is discarded. */
        final List<String> targetColumns = new ArrayList<>();
        /** Whether the owner column is supplied (the user's id) after the staged columns. */
        boolean ownerSupplied;

        String temp;
        final List<String> notes = new ArrayList<>();

        Mapping(TableSchema staged, String target, TenantScopes.Scope scope) {
            this.staged = staged;
            this.target = target;
            this.scope = scope;
        }

        /** The temp table's columns, in COPY order. */
        List<String> columns(TenantOptions opts) {
            List<String> cols = new ArrayList<>();
            for (String t : targetColumns) {
                if (t != null) {
                    cols.add(t);
                }
            }
            if (ownerSupplied) {
                cols.add(opts.ownerColumn());
            }
            return cols;
        }
    }

    TenantImport(ImportContext ctx) {
        this.ctx = ctx;
        this.c = ctx.connection;
        this.schema = ctx.schema();
        this.opts = ctx.options.tenant();
    }

    void run(TargetCatalog before) throws SQLException {
        TargetCatalog.Table users = before.tables.get(opts.usersTable());
        if (users == null) {
            throw MigrateException.input("tenant import: target schema " + PgNames.describe(schema) + " has no table "
                    + PgNames.describe(opts.usersTable())
                    + "; the multi-user schema must exist first (created by the application's migrations)");
        }
        for (String col : List.of(opts.userKey(), opts.emailColumn())) {
            if (users.column(col).isEmpty()) {
                throw MigrateException.input("tenant import: table " + PgNames.describe(opts.usersTable())
                        + " has no column " + PgNames.describe(col));
            }
        }
        TableSchema userTable = ctx.manifest
                .schema()
                .table(APP_CONFIG)
                .or(() -> ctx.manifest.schema().table(opts.usersTable()))
                .orElseThrow(() -> MigrateException.input("tenant import: the staging has no " + APP_CONFIG
                        + " table (the user's row); it is not a single-user export"));

        TenantScopes scopes = new TenantScopes(before, opts);
        Map<String, Mapping> mappings = map(before, scopes, userTable);

        // Lock every table the import changes against writers, then read everything again under
        // the transaction's snapshot: what is backed up is what is replaced.
        List<String> touched = BackupWriter.dependencyOrder(
                before, mappings.values().stream().map(m -> m.target).distinct().toList());
        Sql.execute(
                c,
                "LOCK TABLE "
                        + touched.stream()
                                .map(t -> PgNames.qualified(schema, t))
                                .collect(Collectors.joining(", ")) + " IN SHARE ROW EXCLUSIVE MODE");
        TargetCatalog catalog = TargetCatalog.read(c, schema);
        scopes = new TenantScopes(catalog, opts);
        if (ctx.options.backup()) {
            ctx.listener.step("backing up " + touched.size() + " tables");
            ctx.backup = BackupWriter.write(c, catalog, touched, ctx.options.backupRoot(), ctx.database);
        }

        Mapping userMapping = mappings.get(userTable.name());
        copyToTemp(catalog, userMapping, 0, null);
        String userId = resolveUser(catalog, userMapping);
        ctx.userId = userId;

        int n = 1;
        for (Mapping m : mappings.values()) {
            if (m != userMapping) {
                copyToTemp(catalog, m, n++, userId);
            }
        }
        // Every file verified (SHA-256, rows) before the merge: staged tables no mapping reads too.
        ctx.staging.verifyRemaining();

        Map<String, Mapping> byTarget = new LinkedHashMap<>();
        for (Mapping m : mappings.values()) {
            byTarget.put(m.target, m);
        }
        List<String> order = BackupWriter.dependencyOrder(catalog, new ArrayList<>(byTarget.keySet()));
        Merge merge = new Merge(ctx, catalog, scopes, userId);
        ctx.listener.step("removing the user's rows that the staging no longer has");
        for (int i = order.size() - 1; i >= 0; i--) {
            Mapping m = byTarget.get(order.get(i));
            if (m.scope != TenantScopes.Scope.USER) {
                merge.deleteMissing(m.target, m.temp, m.columns(opts), m.notes);
            }
        }
        ctx.listener.step("updating and inserting the user's rows");
        for (String t : order) {
            Mapping m = byTarget.get(t);
            if (m.scope != TenantScopes.Scope.USER) {
                merge.upsert(m.target, m.temp, m.columns(opts), m.notes);
            }
        }
        for (Mapping m : mappings.values()) {
            for (String note : m.notes) {
                ctx.notesOf(m.staged.name()).add(note);
            }
        }
        ctx.listener.step("moving sequences past the loaded ids");
        for (String t : order) {
            Mapping m = byTarget.get(t);
            for (TargetCatalog.Column col : catalog.tables.get(t).columns) {
                if (col.sequence() != null) {
                    Long last = m.staged
                            .column(col.name())
                            .map(ColumnSchema::identity)
                            .map(id -> id.lastValue())
                            .orElse(null);
                    Sequences.advance(c, schema, t, col.name(), last);
                }
            }
        }
        for (String t : order) {
            Sql.execute(c, "ANALYZE " + PgNames.qualified(schema, t));
        }
    }

    // ------------------------------------------------------------------ mapping

    private Map<String, Mapping> map(TargetCatalog catalog, TenantScopes scopes, TableSchema userTable) {
        Map<String, Mapping> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (TableSchema t : ctx.manifest.schema().tables()) {
            String target = t == userTable ? opts.usersTable() : t.name();
            TargetCatalog.Table tt = catalog.tables.get(target);
            if (tt == null) {
                missing.add(PgNames.describe(t.name()));
                continue;
            }
            TenantScopes.Scope scope = scopes.of(target);
            if (scope == TenantScopes.Scope.USER && t != userTable) {
                problems.add("table " + PgNames.describe(t.name()) + " maps to the users table; only " + APP_CONFIG
                        + " may");
                continue;
            }
            Mapping m = new Mapping(t, target, scope);
            Set<String> ignored = new LinkedHashSet<>();
            Set<String> supplied = new LinkedHashSet<>();
            boolean stagedHasOwner = t.column(opts.ownerColumn()).isPresent();
            for (ColumnSchema col : t.columns()) {
                String name = col.name();
                String to = name;
                if (scope == TenantScopes.Scope.USER) {
                    if (stagedHasOwner && name.equals(opts.ownerColumn())) {
                        to = opts.userKey(); // app_config.user_id holds the original users.id
                    } else if (stagedHasOwner && name.equals(opts.userKey())) {
                        to = null; // the singleton key (always 1)
                    }
                } else if (scope == TenantScopes.Scope.PER_USER || scope == TenantScopes.Scope.OWNED) {
                    if (name.equals(opts.ownerColumn())) {
                        to = null; // replaced by the user's id in the target
                        m.notes.add("staged owner column replaced by the user's id");
                    } else if (tt.column(name).isEmpty() && t.primaryKey().equals(List.of(name))) {
                        to = null; // a singleton key of the single-user side
                        m.notes.add("singleton key " + PgNames.describe(name) + " dropped; the row is the user's");
                    }
                }
                if (to == null) {
                    ignored.add(name);
                } else if (!to.equals(name)) {
                    // Compatibility of a renamed column: checked against its target directly.
                    ignored.add(name);
                    var tc = tt.column(to);
                    if (tc.isEmpty() || !ColumnCompatibility.accepts(tc.get().type(), col.type())) {
                        problems.add("table " + PgNames.describe(t.name()) + ": column " + PgNames.describe(name)
                                + " does not fit " + PgNames.describe(target) + "." + PgNames.describe(to));
                    }
                    supplied.add(to);
                }
                m.targetColumns.add(to);
            }
            if (scope == TenantScopes.Scope.PER_USER || scope == TenantScopes.Scope.OWNED) {
                m.ownerSupplied = true;
                supplied.add(opts.ownerColumn());
            }
            for (String p : ColumnCompatibility.problems(t, tt, ignored, supplied)) {
                problems.add("table " + PgNames.describe(t.name()) + ": " + p);
            }
            List<String> extra = ColumnCompatibility.extraTargetColumns(t, tt, supplied);
            if (!extra.isEmpty()) {
                m.notes.add("target columns not in the staging keep their defaults: "
                        + extra.stream().map(PgNames::describe).collect(Collectors.joining(", ")));
            }
            m.notes.add("scope " + scope.manifestName() + " (from the target schema)" + manifestScopeNote(t, scope));
            out.put(t.name(), m);
        }
        if (!missing.isEmpty()) {
            throw MigrateException.input("tenant import: target schema " + PgNames.describe(schema) + " lacks "
                    + (missing.size() == 1 ? "table " : "tables ") + String.join(", ", missing)
                    + "; the application's migrations must create them first");
        }
        if (!problems.isEmpty()) {
            throw MigrateException.input(
                    "tenant import: staged tables do not fit the target: " + String.join("; ", problems));
        }
        return out;
    }

    private String manifestScopeNote(TableSchema t, TenantScopes.Scope scope) {
        if (ctx.manifest.tenant() == null || ctx.manifest.tenant().tableScopes() == null) {
            return "";
        }
        String staged = ctx.manifest.tenant().tableScopes().get(t.name());
        if (staged == null || staged.equalsIgnoreCase(scope.manifestName())) {
            return "";
        }
        return "; the manifest says " + staged;
    }

    // ------------------------------------------------------------------ loading

    private void copyToTemp(TargetCatalog catalog, Mapping m, int n, String userId) throws SQLException {
        m.temp = "migrate_stage_" + n;
        List<String> cols = m.columns(opts);
        String select = cols.stream().map(PgNames::quote).collect(Collectors.joining(", "));
        Sql.execute(
                c,
                "CREATE TEMP TABLE " + PgNames.quote(m.temp) + " ON COMMIT DROP AS SELECT " + select + " FROM "
                        + PgNames.qualified(schema, m.target) + " WITH NO DATA");
        List<CopyRowEncoder.Slot> slots = new ArrayList<>();
        TargetCatalog.Table target = catalog.tables.get(m.target);
        for (int i = 0; i < m.targetColumns.size(); i++) {
            String to = m.targetColumns.get(i);
            if (to != null) {
                ColumnSchema staged = m.staged.columns().get(i);
                StagingType targetType = target.column(to).orElseThrow().type();
                slots.add(CopyRowEncoder.Slot.staged(i, ColumnCompatibility.encodingType(staged.type(), targetType)));
                if (ColumnCompatibility.parsedByServer(staged.type(), targetType)) {
                    m.notes.add("column " + PgNames.describe(staged.name()) + " is " + staged.type()
                            + " in the staging; its values are parsed as "
                            + target.column(to).orElseThrow().declaredType());
                }
            }
        }
        if (m.ownerSupplied) {
            slots.add(CopyRowEncoder.Slot.constant(userId));
        }
        TableEntry entry = ctx.manifest.entry(m.staged.name()).orElseThrow();
        ctx.listener.tableStarted(m.staged.name(), entry.rows());
        long start = System.nanoTime();
        long rows;
        try (TableReader reader = ctx.staging.openTable(m.staged.name())) {
            rows = TableCopier.copy(
                    c,
                    reader,
                    "pg_temp." + PgNames.quote(m.temp),
                    cols.stream().map(PgNames::quote).toList(),
                    new CopyRowEncoder(slots),
                    new Location(entry.file(), m.staged.name(), null, null),
                    ctx.listener);
        }
        TableImportStats stats = new TableImportStats(
                m.staged.name(), rows, entry.bytes(), (System.nanoTime() - start) / 1e9, List.of());
        ctx.stats.add(stats);
        ctx.listener.tableFinished(stats);
    }

    // ------------------------------------------------------------------ the user

    /** Finds the user by email (updating its row from the staging) or creates it; returns its id as text. */
    private String resolveUser(TargetCatalog catalog, Mapping m) throws SQLException {
        String temp = "pg_temp." + PgNames.quote(m.temp);
        String users = PgNames.qualified(schema, opts.usersTable());
        String key = PgNames.quote(opts.userKey());
        String email = PgNames.quote(opts.emailColumn());
        List<String> cols = m.columns(opts);
        if (!cols.contains(opts.emailColumn())) {
            throw MigrateException.input(
                    Location.table(m.staged.name()),
                    "has no " + opts.emailColumn() + " column: cannot identify the user");
        }
        long count = Long.parseLong(Sql.queryString(c, "SELECT count(*) FROM " + temp));
        if (count != 1) {
            throw MigrateException.input(
                    Location.table(m.staged.name()),
                    "holds " + count + " rows; a single-user export holds exactly one");
        }
        String stagedEmail = Sql.queryString(c, "SELECT " + email + "::text FROM " + temp);
        if (stagedEmail == null || !stagedEmail.equalsIgnoreCase(opts.userEmail())) {
            throw MigrateException.input("the staging holds the data of " + stagedEmail + ", not of " + opts.userEmail()
                    + "; refusing to attach it to another user");
        }
        String stagedKey =
                cols.contains(opts.userKey()) ? Sql.queryString(c, "SELECT " + key + "::text FROM " + temp) : null;

        List<String> found = ids(
                "SELECT " + key + "::text FROM " + users + " WHERE " + email + "::text = ?", opts.userEmail(), false);
        if (found.isEmpty()) {
            found = ids(
                    "SELECT " + key + "::text FROM " + users + " WHERE lower(" + email + "::text) = lower(?)",
                    opts.userEmail(),
                    false);
        }
        if (found.size() > 1) {
            throw MigrateException.input("email " + opts.userEmail() + " matches " + found.size() + " users in "
                    + PgNames.describe(opts.usersTable()) + "; refusing to guess");
        }
        List<String> settable =
                cols.stream().filter(col -> !col.equals(opts.userKey())).toList();
        if (found.size() == 1) {
            String id = found.get(0);
            if (stagedKey != null && !stagedKey.equals(id)) {
                ctx.warn(
                        m.staged.name(),
                        "the staged user id " + stagedKey + " differs from the id " + id + " of " + opts.userEmail()
                                + " in the target; the rows are attached to " + id);
            }
            String set = settable.stream()
                    .map(col -> PgNames.quote(col) + " = s." + PgNames.quote(col))
                    .collect(Collectors.joining(", "));
            if (!set.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE " + users + " t SET " + set + " FROM " + temp + " s WHERE t." + key + " = ?")) {
                    ps.setObject(1, id, Types.OTHER);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    throw SqlErrors.statement(Location.table(opts.usersTable()), "updating the user's row", e);
                }
            }
            ctx.notesOf(m.staged.name()).add("user " + opts.userEmail() + " found (id " + id + "); its row updated");
            return id;
        }
        if (stagedKey != null) {
            List<String> holder =
                    ids("SELECT " + email + "::text FROM " + users + " WHERE " + key + " = ?", stagedKey, true);
            if (!holder.isEmpty()) {
                throw MigrateException.input("user id " + stagedKey + " already belongs to " + holder.get(0)
                        + " in the target; refusing to merge two users");
            }
        }
        String insertCols = cols.stream().map(PgNames::quote).collect(Collectors.joining(", "));
        String id;
        try {
            id = Sql.queryString(
                    c,
                    "INSERT INTO " + users + " (" + insertCols + ") SELECT " + insertCols + " FROM " + temp
                            + " RETURNING " + key + "::text");
        } catch (SQLException e) {
            throw SqlErrors.statement(Location.table(opts.usersTable()), "creating the user", e);
        }
        ctx.userCreated = true;
        ctx.notesOf(m.staged.name())
                .add("user " + opts.userEmail() + " created (id " + id + ") from " + m.staged.name());
        return id;
    }

    private List<String> ids(String sql, String param, boolean typedByColumn) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (typedByColumn) {
                ps.setObject(1, param, Types.OTHER);
            } else {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
