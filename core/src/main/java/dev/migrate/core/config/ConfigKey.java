package dev.migrate.core.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Every setting {@link MigrateConfig} knows: its key in the config file, the environment variable
 * that sets it and its default. A config file with any other key is refused, so a typo never goes
 * unnoticed. The command line's flags map to the same keys ({@code --export-dir} →
 * {@code export_dir}).
 */
public enum ConfigKey {
    /** Source location: a PostgreSQL URL or a SQLite file. */
    FROM("from", "MIGRATE_FROM", null),
    /** Target location: a PostgreSQL URL or a SQLite file. */
    TO("to", "MIGRATE_TO", null),
    /** The staging directory. */
    EXPORT_DIR("export_dir", "MIGRATE_EXPORT_DIR", "migration_data"),
    /** The tenant to collapse or expand. */
    USER_EMAIL("user_email", "MIGRATION_USER_EMAIL", null),
    /** The single-user SQLite file, when neither --from nor --to names one. */
    SQLITE_PATH("sqlite_path", "MIGRATE_SQLITE_PATH", null),
    /** Where backups go (default: decided by each importer, beside its target). */
    BACKUP_DIR("backup_dir", "MIGRATE_BACKUP_DIR", null),
    /** Skip the backup before an import. */
    NO_BACKUP("no_backup", "MIGRATE_NO_BACKUP", "false"),
    /** The table holding the users (tenant mode). */
    USERS_TABLE("users_table", "MIGRATE_USERS_TABLE", "users"),
    /** The users table's key column. */
    USERS_KEY("users_key", "MIGRATE_USERS_KEY", "id"),
    /** The users table's e-mail column. */
    USERS_EMAIL_COLUMN("users_email_column", "MIGRATE_USERS_EMAIL_COLUMN", "email"),
    /** The column that names a row's owner in multi-user tables. */
    OWNER_COLUMN("owner_column", "MIGRATE_OWNER_COLUMN", "user_id"),
    /** The PostgreSQL schema to read or write. */
    SCHEMA("schema", "MIGRATE_SCHEMA", "public"),
    /** Where validate writes its report (default: in the staging directory). */
    REPORT("report", "MIGRATE_REPORT", null),
    /** Where the run summary JSON goes, if anywhere. */
    SUMMARY("summary", "MIGRATE_SUMMARY", null),
    /** An optional log file. */
    LOG_FILE("log_file", "MIGRATE_LOG_FILE", null),
    /** Debug logging and stack traces. */
    VERBOSE("verbose", "MIGRATE_VERBOSE", "false");

    private final String key;
    private final String environmentVariable;
    private final String defaultValue;

    ConfigKey(String key, String environmentVariable, String defaultValue) {
        this.key = key;
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
    }

    /** The key in the config file, e.g. {@code export_dir}. */
    public String key() {
        return key;
    }

    /** The environment variable, e.g. {@code MIGRATE_EXPORT_DIR}. */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** The built-in default, if any. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The flag spelling, e.g. {@code --export-dir}. */
    public String flag() {
        return "--" + key.replace('_', '-');
    }

    /**
     * The key for a name in any of its spellings: {@code export_dir}, {@code export-dir}, {@code
     * --export-dir}, {@code EXPORT_DIR}.
     */
    public static Optional<ConfigKey> byName(String name) {
        String normalised =
                name.strip().replaceFirst("^--", "").replace('-', '_').toLowerCase(Locale.ROOT);
        for (ConfigKey k : values()) {
            if (k.key.equals(normalised)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
