package dev.migrate.importsqlite;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link SqliteImporter} does, built once by the command line.
 *
 * @param stagingDir the staging directory to import (verified before anything is touched)
 * @param target the SQLite file to create or replace
 * @param schemaFile a SQLite DDL file to create the schema from instead of the manifest's
 *     snapshot ({@code --schema}), or null; staged columns are mapped onto its tables by name
 * @param backup whether an existing target is backed up first ({@code --no-backup} turns it off)
 * @param backupDir where backups go ({@code --backup-dir}), or null for {@code backups/} beside the
 *     target
 * @param batchSize rows per {@code executeBatch}, rounded up to whole INSERT statements (sqlite-jdbc
 *     keeps a batch in memory)
 */
public record ImportSqliteOptions(
        Path stagingDir, Path target, Path schemaFile, boolean backup, Path backupDir, int batchSize) {

    /** Rows per batch unless told otherwise: large enough to be fast, small enough to bound memory. */
    public static final int DEFAULT_BATCH_SIZE = 5000;

    /** Name of the default backup directory, created beside the target. */
    public static final String DEFAULT_BACKUP_DIR_NAME = "backups";

    public ImportSqliteOptions {
        Objects.requireNonNull(stagingDir, "stagingDir");
        Objects.requireNonNull(target, "target");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        }
    }

    /** Defaults: schema from the manifest, backup on into {@code backups/} beside the target. */
    public static ImportSqliteOptions of(Path stagingDir, Path target) {
        return new ImportSqliteOptions(stagingDir, target, null, true, null, DEFAULT_BATCH_SIZE);
    }

    public ImportSqliteOptions withSchemaFile(Path file) {
        return new ImportSqliteOptions(stagingDir, target, file, backup, backupDir, batchSize);
    }

    public ImportSqliteOptions withBackup(boolean enabled) {
        return new ImportSqliteOptions(stagingDir, target, schemaFile, enabled, backupDir, batchSize);
    }

    public ImportSqliteOptions withBackupDir(Path dir) {
        return new ImportSqliteOptions(stagingDir, target, schemaFile, backup, dir, batchSize);
    }

    public ImportSqliteOptions withBatchSize(int rows) {
        return new ImportSqliteOptions(stagingDir, target, schemaFile, backup, backupDir, rows);
    }

    /** The backup directory actually used: {@link #backupDir} or {@code <target's directory>/backups}. */
    public Path effectiveBackupDir() {
        if (backupDir != null) {
            return backupDir;
        }
        Path parent = target.toAbsolutePath().getParent();
        return parent.resolve(DEFAULT_BACKUP_DIR_NAME);
    }
}
