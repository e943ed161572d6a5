package dev.migrate.importpg;

import java.util.Objects;

/**
 * Tenant expansion settings ({@code --user-email}): which user the staged single-user data
 * belongs to and how the target's multi-user schema names the users table and owner columns.
 *
 * @param userEmail the user's email; the user is found by it or created from the staged {@code app_config} row
 * @param usersTable the target's users table ({@code users})
 * @param userKey the users table's key column ({@code id})
 * @param emailColumn the users table's email column ({@code email})
 * @param ownerColumn the owner column of owned tables ({@code user_id})
 */
public record TenantOptions(
        String userEmail, String usersTable, String userKey, String emailColumn, String ownerColumn) {

    public TenantOptions {
        Objects.requireNonNull(userEmail, "userEmail");
        usersTable = usersTable == null ? "users" : usersTable;
        userKey = userKey == null ? "id" : userKey;
        emailColumn = emailColumn == null ? "email" : emailColumn;
        ownerColumn = ownerColumn == null ? "user_id" : ownerColumn;
    }

    /** The defaults: {@code users(id, email)}, owner column {@code user_id}. */
    public static TenantOptions forEmail(String userEmail) {
        return new TenantOptions(userEmail, null, null, null, null);
    }
}
