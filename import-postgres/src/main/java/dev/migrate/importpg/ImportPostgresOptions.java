package dev.migrate.importpg;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything an import into PostgreSQL needs, resolved by the CLI.
 *
 * @param stagingDir the staging directory to import (verified before anything else)
 * @param jdbcUrl the target's JDBC URL, without a password
 * @param connectionProperties user, password, sslmode... (copied; never logged)
 * @param schema the target schema ({@code public} when null); created when missing
 * @param dataOnly load into tables that already exist (after a column compatibility check)
 *     instead of creating them
 * @param dropExisting drop the staged tables that already exist in the target (never CASCADE),
 *     after the backup, and create them afresh
 * @param backup back up the tables the import touches when they hold rows (and always in
 *     tenant mode)
 * @param backupRoot the directory under which backups are made ({@code backups} when null)
 * @param tenant tenant expansion settings, or null for a whole-database import
 */
public record ImportPostgresOptions(
        Path stagingDir,
        String jdbcUrl,
        Properties connectionProperties,
        String schema,
        boolean dataOnly,
        boolean dropExisting,
        boolean backup,
        Path backupRoot,
        TenantOptions tenant) {

    public ImportPostgresOptions {
        Objects.requireNonNull(stagingDir, "stagingDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Properties copy = new Properties();
        if (connectionProperties != null) {
            copy.putAll(connectionProperties);
        }
        connectionProperties = copy;
        schema = schema == null || schema.isBlank() ? "public" : schema;
        backupRoot = backupRoot == null ? Path.of("backups") : backupRoot;
        if (dataOnly && dropExisting) {
            throw new IllegalArgumentException("--data-only and --drop-existing cannot be combined");
        }
    }

    /** The properties (a copy: nobody can change this record, or read its password into a log, through it). */
    @Override
    public Properties connectionProperties() {
        Properties copy = new Properties();
        copy.putAll(connectionProperties);
        return copy;
    }

    /** Defaults: schema {@code public}, create tables, backup on into {@code backups/}, no tenant. */
    public static ImportPostgresOptions of(Path stagingDir, String jdbcUrl, Properties connectionProperties) {
        return new ImportPostgresOptions(
                stagingDir, jdbcUrl, connectionProperties, null, false, false, true, null, null);
    }

    public ImportPostgresOptions withSchema(String newSchema) {
        return new ImportPostgresOptions(
                stagingDir,
                jdbcUrl,
                connectionProperties,
                newSchema,
                dataOnly,
                dropExisting,
                backup,
                backupRoot,
                tenant);
    }

    public ImportPostgresOptions withDataOnly(boolean on) {
        return new ImportPostgresOptions(
                stagingDir, jdbcUrl, connectionProperties, schema, on, dropExisting, backup, backupRoot, tenant);
    }

    public ImportPostgresOptions withDropExisting(boolean on) {
        return new ImportPostgresOptions(
                stagingDir, jdbcUrl, connectionProperties, schema, dataOnly, on, backup, backupRoot, tenant);
    }

    public ImportPostgresOptions withBackup(boolean on, Path root) {
        return new ImportPostgresOptions(
                stagingDir, jdbcUrl, connectionProperties, schema, dataOnly, dropExisting, on, root, tenant);
    }

    public ImportPostgresOptions withTenant(TenantOptions newTenant) {
        return new ImportPostgresOptions(
                stagingDir,
                jdbcUrl,
                connectionProperties,
                schema,
                dataOnly,
                dropExisting,
                backup,
                backupRoot,
                newTenant);
    }

    /** Never shows the connection properties (they hold the password). */
    @Override
    public String toString() {
        return "ImportPostgresOptions[stagingDir=" + stagingDir + ", target=" + SqlErrors.describeUrl(jdbcUrl)
                + ", schema=" + schema + ", dataOnly=" + dataOnly + ", dropExisting=" + dropExisting + ", backup="
                + backup + ", backupRoot=" + backupRoot + ", tenant=" + tenant + "]";
    }
}
