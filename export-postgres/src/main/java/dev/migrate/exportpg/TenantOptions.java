package dev.migrate.exportpg;

import java.util.Objects;

/**
 * What {@code --user-email} asks for: the one user whose data the export keeps, and the names
 * that tell the exporter where users and ownership live. See {@link dev.migrate.exportpg} for
 * how each table's rows are chosen.
 *
 * @param userEmail the user's email, matched exactly, else case-insensitively (when exactly one
 *     user matches that way)
 * @param usersTable the users table, {@code users} or {@code schema.users}
 * @param userKey the users table's key column, {@code id}
 * @param emailColumn the users table's email column, {@code email}
 * @param ownerColumn the owner column of owned tables, {@code user_id}
 */
public record TenantOptions(
        String userEmail, String usersTable, String userKey, String emailColumn, String ownerColumn) {

    public static final String DEFAULT_USERS_TABLE = "users";
    public static final String DEFAULT_USER_KEY = "id";
    public static final String DEFAULT_EMAIL_COLUMN = "email";
    public static final String DEFAULT_OWNER_COLUMN = "user_id";

    /** Missing names take their defaults; the email is required. */
    public TenantOptions {
        Objects.requireNonNull(userEmail, "userEmail");
        usersTable = orDefault(usersTable, DEFAULT_USERS_TABLE);
        userKey = orDefault(userKey, DEFAULT_USER_KEY);
        emailColumn = orDefault(emailColumn, DEFAULT_EMAIL_COLUMN);
        ownerColumn = orDefault(ownerColumn, DEFAULT_OWNER_COLUMN);
    }

    /** The user with every other name at its default. */
    public static TenantOptions forEmail(String userEmail) {
        return new TenantOptions(userEmail, null, null, null, null);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
