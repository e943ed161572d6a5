/**
 * import-postgres: loads a verified staging directory into PostgreSQL in one transaction.
 *
 * <p>Public API: {@link dev.migrate.importpg.PostgresImporter} (the entry point), its options
 * {@link dev.migrate.importpg.ImportPostgresOptions} and {@link dev.migrate.importpg.TenantOptions},
 * the result {@link dev.migrate.importpg.ImportResult} with {@link dev.migrate.importpg.TableImportStats},
 * and the progress callback {@link dev.migrate.importpg.ImportListener}. Everything else is
 * package-private machinery: DDL planning ({@code ColumnPlan}, {@code DefaultTranslator}), value
 * conversion to PostgreSQL's text forms ({@code PgText}, {@code PgArrayText}, {@code CopyBuffer}),
 * streaming COPY ({@code TableCopier}), the target catalog ({@code TargetCatalog}, queries in
 * {@code catalog/*.sql}), backups ({@code BackupWriter}), constraints, foreign keys and sequences,
 * and tenant expansion ({@code TenantImport}, {@code TenantScopes}, {@code Merge}).
 */
package dev.migrate.importpg;
