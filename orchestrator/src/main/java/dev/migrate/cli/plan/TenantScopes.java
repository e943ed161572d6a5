package dev.migrate.cli.plan;

import dev.migrate.cli.plan.Plan.ColumnPlan;
import dev.migrate.cli.steps.TenantNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tenant scope of each table as the export applies it (the names are the manifest's {@code
 * tableScopes} values): the users table gives the user's own row; a table with the owner column
 * gives the user's rows and the shared NULL-owner rows; a table that references such rows through
 * foreign keys gives the rows reachable from them; any other table is shared and exported whole.
 */
final class TenantScopes {

    static final String USER = "user";
    static final String OWNED = "owned";
    static final String VIA_FK = "via_fk";
    static final String SHARED = "shared";

    private TenantScopes() {}

    static Map<String, String> of(
            Collection<String> tables,
            Map<String, Set<String>> parents,
            Map<String, List<ColumnPlan>> columns,
            TenantNames tenant) {
        Map<String, String> scopes = new HashMap<>();
        for (String t : tables) {
            if (t.equals(tenant.usersTable())) {
                scopes.put(t, USER);
            } else if (columns.get(t).stream().anyMatch(c -> c.name().equals(tenant.ownerColumn()))) {
                scopes.put(t, OWNED);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String t : tables) {
                if (scopes.containsKey(t)) {
                    continue;
                }
                boolean reachable = parents.getOrDefault(t, Set.of()).stream()
                        .anyMatch(p -> OWNED.equals(scopes.get(p)) || VIA_FK.equals(scopes.get(p)));
                if (reachable) {
                    scopes.put(t, VIA_FK);
                    changed = true;
                }
            }
        }
        tables.forEach(t -> scopes.putIfAbsent(t, SHARED));
        return scopes;
    }

    /** A scope name in words. */
    static String describe(String scope, TenantNames tenant) {
        return switch (scope) {
            case USER -> "the user's own row (" + tenant.emailColumn() + " = " + tenant.email() + ")";
            case OWNED -> "rows with " + tenant.ownerColumn() + " = the user, plus shared rows where it is NULL";
            case "per_user" -> "the user's one row (keyed by " + tenant.ownerColumn() + ")";
            case VIA_FK -> "rows reachable through foreign keys from the user's rows";
            case SHARED -> "shared: no path to " + tenant.usersTable() + ", exported whole";
            default -> scope;
        };
    }
}
