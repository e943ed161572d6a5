package dev.migrate.importpg;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The set-based statements of a tenant merge, for one target table and the temporary table
 * holding its staged rows (owner column already filled). Rows are matched by primary key; the
 * user's rows are those {@link TenantScopes#belongsToUser} selects.
 */
final class Merge {

    private static final int SHOWN = 5;

    private final ImportContext ctx;
    private final Connection c;
    private final TargetCatalog catalog;
    private final TenantScopes scopes;
    private final String userId;
    private final Set<String> replacedWholesale = new HashSet<>();

    Merge(ImportContext ctx, TargetCatalog catalog, TenantScopes scopes, String userId) {
        this.ctx = ctx;
        this.c = ctx.connection;
        this.catalog = catalog;
        this.scopes = scopes;
        this.userId = userId;
    }

    private String target(String table) {
        return PgNames.qualified(catalog.schema, table);
    }

    private static String temp(String temp) {
        return "pg_temp." + PgNames.quote(temp);
    }

    private static String match(List<String> pk, String a, String b) {
        return pk.stream()
                .map(k -> a + "." + PgNames.quote(k) + " = " + b + "." + PgNames.quote(k))
                .collect(Collectors.joining(" AND "));
    }

    /** Deletes the user's rows of {@code table} that the staging no longer has (children first). */
    void deleteMissing(String table, String tempTable, List<String> cols, List<String> notes) throws SQLException {
        if (scopes.of(table) == TenantScopes.Scope.SHARED) {
            return;
        }
        TargetCatalog.Table t = catalog.tables.get(table);
        List<Object> params = new ArrayList<>();
        String mine = scopes.belongsToUser(table, "t", params, userId);
        String doomed;
        if (t.primaryKey.isEmpty() || !cols.containsAll(t.primaryKey)) {
            replacedWholesale.add(table);
            doomed = mine;
            notes.add("no primary key among the staged columns: the user's rows are replaced as a whole");
        } else {
            doomed = mine + " AND NOT EXISTS (SELECT 1 FROM " + temp(tempTable) + " s WHERE "
                    + match(t.primaryKey, "t", "s") + ")";
        }
        refuseTouchingOthers(table, doomed, params);
        long deleted = update("DELETE FROM " + target(table) + " t WHERE " + doomed, params, table, "deleting");
        if (deleted > 0 && !replacedWholesale.contains(table)) {
            notes.add(deleted + " rows of the user deleted (no longer in the staging)");
        }
    }

    /**
     * Refuses when deleting would reach rows that are not the user's: rows of other users (or
     * shared rows) referencing a row about to be deleted would be cascaded, set to NULL or block
     * the delete.
     */
    private void refuseTouchingOthers(String table, String doomed, List<Object> doomedParams) throws SQLException {
        TargetCatalog.Table parent = catalog.tables.get(table);
        for (TargetCatalog.Table child : catalog.tables.values()) {
            for (TargetCatalog.Fk fk : child.foreignKeys) {
                if (!catalog.schema.equals(fk.referencedSchema())
                        || !fk.key().referencedTable().equals(table)) {
                    continue;
                }
                List<Object> params = new ArrayList<>(doomedParams);
                List<Object> childParams = new ArrayList<>();
                String childMine = scopes.belongsToUser(child.name, "ch", childParams, userId);
                params.addAll(childParams);
                String cols = fk.key().columns().stream()
                        .map(col -> "ch." + PgNames.quote(col))
                        .collect(Collectors.joining(", "));
                String refs = fk.key().referencedColumns().stream()
                        .map(col -> "t." + PgNames.quote(col))
                        .collect(Collectors.joining(", "));
                String sql = "SELECT count(*) FROM " + target(child.name) + " ch WHERE (" + cols + ") IN (SELECT "
                        + refs + " FROM " + target(parent.name) + " t WHERE " + doomed + ") AND NOT COALESCE("
                        + childMine + ", false)";
                long n = count(sql, params);
                if (n > 0) {
                    throw MigrateException.input(
                            Location.table(table),
                            "replacing the user's rows would delete rows that " + n + " rows of "
                                    + PgNames.describe(child.name)
                                    + " not belonging to the user reference (foreign key "
                                    + (fk.key().name() == null
                                            ? ""
                                            : PgNames.describe(fk.key().name()) + ", ")
                                    + "ON DELETE " + fk.key().onDelete()
                                    + "); other users' rows are never changed, so nothing was imported");
                }
            }
        }
    }

    /** Updates the user's changed rows and inserts the new ones (parents first). */
    void upsert(String table, String tempTable, List<String> cols, List<String> notes) throws SQLException {
        TargetCatalog.Table t = catalog.tables.get(table);
        TenantScopes.Scope scope = scopes.of(table);
        String tgt = target(table);
        String src = temp(tempTable);
        String colList = cols.stream().map(PgNames::quote).collect(Collectors.joining(", "));
        long staged = count("SELECT count(*) FROM " + src, List.of());
        if (replacedWholesale.contains(table)) {
            long inserted = update(
                    "INSERT INTO " + tgt + " (" + colList + ") SELECT " + colList + " FROM " + src,
                    List.of(),
                    table,
                    "inserting the user's rows");
            notes.add(inserted + " rows inserted");
            return;
        }
        List<String> pk = t.primaryKey;
        if (pk.isEmpty() || !cols.containsAll(pk)) {
            // A shared table without a usable key: rows cannot be matched, so none is added twice.
            ctx.warn(table, "shared table without a primary key among the staged columns: staged rows not merged");
            return;
        }
        // Compared and updated: everything but the key and the owner (which is the user's id on
        // the staged side and may be NULL on a shared row).
        String owner = ctx.options.tenant().ownerColumn();
        List<String> others = cols.stream()
                .filter(col -> !pk.contains(col) && !col.equals(owner))
                .toList();
        String differs = others.isEmpty()
                ? "false"
                : "ROW("
                        + others.stream()
                                .map(col -> "t." + PgNames.quote(col) + "::text")
                                .collect(Collectors.joining(", "))
                        + ") IS DISTINCT FROM ROW("
                        + others.stream()
                                .map(col -> "s." + PgNames.quote(col) + "::text")
                                .collect(Collectors.joining(", "))
                        + ")";
        String pkText =
                pk.stream().map(k -> "s." + PgNames.quote(k) + "::text").collect(Collectors.joining(" || ',' || "));

        if (scope == TenantScopes.Scope.SHARED) {
            List<String> differing = keys(
                    "SELECT " + pkText + " FROM " + src + " s JOIN " + tgt + " t ON " + match(pk, "t", "s") + " WHERE "
                            + differs + " ORDER BY 1",
                    List.of());
            long existing =
                    count("SELECT count(*) FROM " + src + " s JOIN " + tgt + " t ON " + match(pk, "t", "s"), List.of());
            long inserted = update(
                    "INSERT INTO " + tgt + " (" + colList + ") SELECT " + colList + " FROM " + src
                            + " s WHERE NOT EXISTS" + " (SELECT 1 FROM " + tgt + " t WHERE " + match(pk, "t", "s")
                            + ") ON CONFLICT DO NOTHING",
                    List.of(),
                    table,
                    "inserting shared rows");
            notes.add("shared: " + inserted + " rows inserted, " + existing + " already present");
            if (!differing.isEmpty()) {
                ctx.warn(
                        table,
                        differing.size() + " shared rows already present differ from the staging and were"
                                + " left as they are: " + shown(differing));
            }
            long skipped = staged - existing - inserted;
            if (skipped > 0) {
                ctx.warn(table, skipped + " shared rows not inserted: another row has the same unique key");
            }
            return;
        }

        List<Object> params = new ArrayList<>();
        String mine = scopes.belongsToUser(table, "t", params, userId);
        // Staged rows whose key exists but is not the user's: shared rows of an owned table
        // (owner NULL) are left as they are; anything else belongs to someone else: reported.
        String notMine = "NOT COALESCE(" + mine + ", false)";
        boolean owned = scope == TenantScopes.Scope.OWNED;
        String ownerNull = owned ? "t." + PgNames.quote(ctx.options.tenant().ownerColumn()) + " IS NULL" : "false";
        List<String> sharedDiffering = keys(
                "SELECT " + pkText + " FROM " + src + " s JOIN " + tgt + " t ON " + match(pk, "t", "s") + " WHERE "
                        + notMine + " AND " + ownerNull + " AND " + differs + " ORDER BY 1",
                params);
        long sharedPresent = count(
                "SELECT count(*) FROM " + src + " s JOIN " + tgt + " t ON " + match(pk, "t", "s") + " WHERE " + notMine
                        + " AND " + ownerNull,
                params);
        List<String> conflicts = keys(
                "SELECT " + pkText + " FROM " + src + " s JOIN " + tgt + " t ON " + match(pk, "t", "s") + " WHERE "
                        + notMine + " AND NOT (" + ownerNull + ") ORDER BY 1",
                params);
        if (sharedPresent > 0) {
            notes.add(sharedPresent + " staged rows are shared rows of the target (owner NULL), left as they are");
        }
        if (!sharedDiffering.isEmpty()) {
            ctx.warn(
                    table,
                    sharedDiffering.size() + " shared rows differ from the staging and were left as they are: "
                            + shown(sharedDiffering));
        }
        if (!conflicts.isEmpty()) {
            ctx.warn(
                    table,
                    conflicts.size() + " staged rows not imported: their key belongs to another user's row: "
                            + shown(conflicts));
        }
        long updated = 0;
        if (!others.isEmpty()) {
            String set = others.stream()
                    .map(col -> PgNames.quote(col) + " = s." + PgNames.quote(col))
                    .collect(Collectors.joining(", "));
            updated = update(
                    "UPDATE " + tgt + " t SET " + set + " FROM " + src + " s WHERE " + match(pk, "t", "s") + " AND "
                            + mine + " AND " + differs,
                    params,
                    table,
                    "updating the user's rows");
        }
        long inserted = update(
                "INSERT INTO " + tgt + " (" + colList + ") SELECT " + colList + " FROM " + src + " s WHERE NOT EXISTS"
                        + " (SELECT 1 FROM " + tgt + " t WHERE " + match(pk, "t", "s") + ")",
                List.of(),
                table,
                "inserting the user's rows");
        notes.add(inserted + " rows inserted, " + updated + " updated, "
                + (staged - inserted - updated - sharedPresent - conflicts.size()) + " unchanged");
    }

    private static String shown(List<String> keys) {
        return String.join("; ", keys.subList(0, Math.min(SHOWN, keys.size()))) + (keys.size() > SHOWN ? "; ..." : "");
    }

    private long update(String sql, List<Object> params, String table, String doing) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeLargeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.statement(Location.table(table), doing, e);
        }
    }

    private long count(String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> keys(String sql, List<Object> params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i), Types.OTHER);
        }
    }
}
