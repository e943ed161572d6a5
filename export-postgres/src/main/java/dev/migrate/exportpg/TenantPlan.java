package dev.migrate.exportpg;

import dev.migrate.core.staging.TenantFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of tenant planning: who the user is and, for every table of the chosen schemas, its
 * scope, the WHERE condition that selects its exported rows and a sentence explaining it.
 */
final class TenantPlan {

    private final TenantOptions options;
    private final String userId;
    private final SourceTable usersTable;
    private final Map<TableKey, TenantScope> scopes;
    private final Map<TableKey, Cond> filters;
    private final Map<TableKey, Cond> ambiguous;
    private final Map<TableKey, String> explanations;

    TenantPlan(
            TenantOptions options,
            String userId,
            SourceTable usersTable,
            Map<TableKey, TenantScope> scopes,
            Map<TableKey, Cond> filters,
            Map<TableKey, Cond> ambiguous,
            Map<TableKey, String> explanations) {
        this.options = options;
        this.userId = userId;
        this.usersTable = usersTable;
        this.scopes = Map.copyOf(scopes);
        this.filters = Map.copyOf(filters);
        this.ambiguous = Map.copyOf(ambiguous);
        this.explanations = Map.copyOf(explanations);
    }

    /** The user's key value as text; every parameter of every filter is this value. */
    String userId() {
        return userId;
    }

    SourceTable usersTable() {
        return usersTable;
    }

    TenantScope scope(TableKey table) {
        return scopes.getOrDefault(table, TenantScope.SHARED);
    }

    /** The condition over the table's own columns that selects its exported rows. */
    Cond filter(TableKey table) {
        return filters.getOrDefault(table, Cond.TRUE);
    }

    /**
     * Rows that owning foreign keys tie to the user and to another user at once (exported to
     * neither), or null when the table has no two owning keys.
     */
    Cond ambiguous(TableKey table) {
        return ambiguous.get(table);
    }

    String explanation(TableKey table) {
        return explanations.get(table);
    }

    /** The manifest's record of the tenant scope, for the exported tables in manifest order. */
    TenantFilter toManifest(List<SourceTable> exported, List<String> danglingReferences) {
        Map<String, String> tableScopes = new LinkedHashMap<>();
        for (SourceTable t : exported) {
            tableScopes.put(t.name(), scope(TableKey.of(t)).manifestName());
        }
        return new TenantFilter(
                options.userEmail(),
                userId,
                usersTable.name(),
                options.userKey(),
                options.emailColumn(),
                options.ownerColumn(),
                tableScopes,
                danglingReferences);
    }
}
