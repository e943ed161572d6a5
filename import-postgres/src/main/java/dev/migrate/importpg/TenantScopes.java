package dev.migrate.importpg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each table of a multi-user schema relates to a user, derived from the TARGET schema (which
 * the application's migrations made and which is therefore authoritative, unlike metadata that
 * may not survive a SQLite round trip):
 *
 * <ul>
 *   <li>{@code user}: the users table itself;
 *   <li>{@code per_user}: has the owner column as its whole primary key (one row per user);
 *   <li>{@code owned}: has the owner column;
 *   <li>{@code via_fk}: no owner column, but a foreign key to a user-related table (its rows
 *       belong to the user of the parent row they reference);
 *   <li>{@code shared}: none of these; shared by all users.
 * </ul>
 *
 * <p>A row of a {@code via_fk} table belongs to the user through its <em>owning</em> foreign
 * keys: those to user-related tables whose columns are all NOT NULL (a mandatory parent), or all
 * such keys when none is mandatory. An optional reference (a chart interpretation pointing at a
 * shared or another user's interpretation) does not make a row someone's.
 */
final class TenantScopes {

    enum Scope {
        USER,
        PER_USER,
        OWNED,
        VIA_FK,
        SHARED;

        String manifestName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    final TargetCatalog catalog;
    final TenantOptions options;
    final Map<String, Scope> scopes = new LinkedHashMap<>();

    TenantScopes(TargetCatalog catalog, TenantOptions options) {
        this.catalog = catalog;
        this.options = options;
        for (TargetCatalog.Table t : catalog.tables.values()) {
            if (t.name.equals(options.usersTable())) {
                scopes.put(t.name, Scope.USER);
            } else if (t.column(options.ownerColumn()).isPresent()) {
                scopes.put(t.name, t.primaryKey.equals(List.of(options.ownerColumn())) ? Scope.PER_USER : Scope.OWNED);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TargetCatalog.Table t : catalog.tables.values()) {
                if (scopes.containsKey(t.name)) {
                    continue;
                }
                for (TargetCatalog.Fk fk : t.foreignKeys) {
                    if (isUserRelated(fk)) {
                        scopes.put(t.name, Scope.VIA_FK);
                        changed = true;
                        break;
                    }
                }
            }
        }
        for (TargetCatalog.Table t : catalog.tables.values()) {
            scopes.putIfAbsent(t.name, Scope.SHARED);
        }
    }

    Scope of(String table) {
        return scopes.get(table);
    }

    private boolean isUserRelated(TargetCatalog.Fk fk) {
        return catalog.schema.equals(fk.referencedSchema())
                && scopes.containsKey(fk.key().referencedTable())
                && scopes.get(fk.key().referencedTable()) != Scope.SHARED;
    }

    /** The foreign keys through which a via_fk row belongs to a user. */
    List<TargetCatalog.Fk> owningKeys(TargetCatalog.Table t) {
        List<TargetCatalog.Fk> all = new ArrayList<>();
        List<TargetCatalog.Fk> mandatory = new ArrayList<>();
        for (TargetCatalog.Fk fk : t.foreignKeys) {
            if (!isUserRelated(fk) || fk.key().referencedTable().equals(t.name)) {
                continue;
            }
            all.add(fk);
            boolean notNull = fk.key().columns().stream()
                    .allMatch(col ->
                            t.column(col).map(TargetCatalog.Column::notNull).orElse(false));
            if (notNull) {
                mandatory.add(fk);
            }
        }
        return mandatory.isEmpty() ? all : mandatory;
    }

    /**
     * A SQL condition true for the rows of {@code table} (under {@code alias}) that belong to the
     * user; every {@code ?} is the user's id. {@code params} receives one entry per {@code ?}.
     */
    String belongsToUser(String table, String alias, List<Object> params, Object userId) {
        return predicate(table, alias, params, userId, 0);
    }

    private String predicate(String table, String alias, List<Object> params, Object userId, int depth) {
        Scope scope = scopes.get(table);
        TargetCatalog.Table t = catalog.tables.get(table);
        if (depth > 8 || scope == null || scope == Scope.SHARED) {
            return "false";
        }
        switch (scope) {
            case USER -> {
                params.add(userId);
                return alias + "." + PgNames.quote(options.userKey()) + " = ?";
            }
            case PER_USER, OWNED -> {
                params.add(userId);
                return alias + "." + PgNames.quote(options.ownerColumn()) + " = ?";
            }
            default -> {}
        }
        List<String> parts = new ArrayList<>();
        int n = 0;
        for (TargetCatalog.Fk fk : owningKeys(t)) {
            String p = "p" + depth + "_" + (n++);
            List<String> cols = fk.key().columns().stream()
                    .map(col -> alias + "." + PgNames.quote(col))
                    .toList();
            List<String> refs = fk.key().referencedColumns().stream()
                    .map(col -> p + "." + PgNames.quote(col))
                    .toList();
            String left = cols.size() == 1 ? cols.get(0) : "(" + String.join(", ", cols) + ")";
            parts.add(left + " IN (SELECT " + String.join(", ", refs) + " FROM "
                    + PgNames.qualified(catalog.schema, fk.key().referencedTable()) + " " + p + " WHERE "
                    + predicate(fk.key().referencedTable(), p, params, userId, depth + 1) + ")");
        }
        return parts.isEmpty() ? "false" : "(" + String.join(" OR ", parts) + ")";
    }
}
