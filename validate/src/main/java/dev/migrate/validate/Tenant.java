package dev.migrate.validate;

import java.util.Map;

/**
 * The tenant of a tenant run, resolved once.
 *
 * @param email the user's email
 * @param userId the user's key value as text, or null when it could not be found
 * @param usersTable the multi-user users table
 * @param userKey its key column
 * @param emailColumn its email column
 * @param ownerColumn the owner column of owned tables
 * @param scopes the export's table scopes (from the manifest's tenant filter), possibly empty
 */
record Tenant(
        String email,
        String userId,
        String usersTable,
        String userKey,
        String emailColumn,
        String ownerColumn,
        Map<String, String> scopes) {

    /** The single-user database's table holding the user's own row. */
    static final String APP_CONFIG = "app_config";

    /** The column of {@code app_config} that keeps the user's original key. */
    static final String APP_CONFIG_USER_KEY = "user_id";

    /** The singleton key of {@code app_config} and of one-per-user tables in the single-user database. */
    static final String SINGLETON_KEY = "id";
}
