package dev.migrate.cli.steps;

import dev.migrate.core.config.ConfigKey;
import dev.migrate.core.config.MigrateConfig;
import java.util.Objects;

/**
 * The tenant of a run and how the multi-user schema names users and ownership: one value the
 * CLI resolves once and hands to every step that needs it (each module has its own record).
 *
 * @param email the user's e-mail
 * @param usersTable the users table ({@code users})
 * @param usersKey its key column ({@code id})
 * @param emailColumn its e-mail column ({@code email})
 * @param ownerColumn the owner column of owned tables ({@code user_id})
 */
public record TenantNames(String email, String usersTable, String usersKey, String emailColumn, String ownerColumn) {

    public TenantNames {
        Objects.requireNonNull(email, "email");
    }

    /** The tenant from the settings, or null when no user e-mail is set. */
    public static TenantNames from(MigrateConfig config) {
        return config.userEmail()
                .filter(e -> !e.isBlank())
                .map(e -> new TenantNames(
                        e.strip(),
                        config.usersTable(),
                        config.get(ConfigKey.USERS_KEY).orElse("id"),
                        config.get(ConfigKey.USERS_EMAIL_COLUMN).orElse("email"),
                        config.ownerColumn()))
                .orElse(null);
    }
}
