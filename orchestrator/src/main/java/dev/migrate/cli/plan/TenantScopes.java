package dev.migrate.cli.plan;

import dev.migrate.cli.steps.TenantNames;

/**
 * The tenant scopes of the manifest's {@code tableScopes}, in words: the users table gives the
 * user's own row; a table with the owner column gives the user's rows and the shared NULL-owner
 * rows; a table that references such rows through foreign keys gives the rows reachable from
 * them; any other table is shared and exported whole.
 */
final class TenantScopes {

    static final String USER = "user";
    static final String OWNED = "owned";
    static final String VIA_FK = "via_fk";
    static final String SHARED = "shared";

    private TenantScopes() {}

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
