package dev.migrate.core.staging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The tenant scope of an export made with {@code --user-email}.
 *
 * @param userEmail the user's email
 * @param userId the user's key value as text
 * @param usersTable the users table
 * @param userKey the users table's key column
 * @param emailColumn the users table's email column
 * @param ownerColumn the owner column name in owned tables ({@code user_id})
 * @param tableScopes per table how its rows were chosen: {@code user} (the user's own row),
 *     {@code owned} (owner column = user, plus NULL-owner shared rows), {@code per_user} (keyed by
 *     the owner column), {@code via_fk} (reached through foreign keys from owned rows), {@code
 *     shared} (no path to the users table, exported whole)
 * @param danglingReferences owned rows that reference another user's rows, one line each; those
 *     references were not followed
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TenantFilter(
        String userEmail,
        String userId,
        String usersTable,
        String userKey,
        String emailColumn,
        String ownerColumn,
        Map<String, String> tableScopes,
        List<String> danglingReferences) {}
