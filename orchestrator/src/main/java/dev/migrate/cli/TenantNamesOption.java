package dev.migrate.cli;

import dev.migrate.core.config.ConfigKey;
import picocli.CommandLine.Option;

/**
 * How a multi-user schema names its users and the ownership of rows (tenant runs). A picocli
 * mixin; each option also has a config-file key and an environment variable.
 */
public final class TenantNamesOption implements SettingsOptions {

    @Option(
            names = "--users-table",
            paramLabel = "NAME",
            description = "Tenant runs: the table holding the users (default: users).")
    String usersTable;

    @Option(
            names = "--users-key",
            paramLabel = "COLUMN",
            description = "Tenant runs: the users table's key column (default: id).")
    String usersKey;

    @Option(
            names = "--users-email-column",
            paramLabel = "COLUMN",
            description = "Tenant runs: the users table's e-mail column (default: email).")
    String usersEmailColumn;

    @Option(
            names = "--owner-column",
            paramLabel = "COLUMN",
            description = "Tenant runs: the column naming a row's owner in other tables (default: user_id).")
    String ownerColumn;

    /** Puts the given names into the settings. */
    @Override
    public void applyTo(Settings settings) {
        settings.flag(ConfigKey.USERS_TABLE, usersTable)
                .flag(ConfigKey.USERS_KEY, usersKey)
                .flag(ConfigKey.USERS_EMAIL_COLUMN, usersEmailColumn)
                .flag(ConfigKey.OWNER_COLUMN, ownerColumn);
    }
}
