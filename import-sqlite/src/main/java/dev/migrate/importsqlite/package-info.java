/**
 * import-sqlite: loads a verified staging directory into a new SQLite file and swaps it in
 * atomically.
 *
 * <p>Entry point: {@link dev.migrate.importsqlite.SqliteImporter#run} with an {@link
 * dev.migrate.importsqlite.ImportSqliteOptions}; it returns an {@link
 * dev.migrate.importsqlite.ImportResult}. The steps, in order:
 *
 * <ol>
 *   <li>check the staging directory ({@code StagingReader.openForStreaming}: manifest, every file
 *       present and of its size) and the target path, before anything is written;
 *   <li>plan the target tables from the manifest's schema snapshot ({@code TablePlanner}),
 *       collapsing a tenant export into the single-user layout ({@code app_config}, singletons,
 *       no owner columns);
 *   <li>build the new database in an owner-only temporary file beside the target: schema from the
 *       snapshot ({@code SchemaDdl}) or from the user's DDL file ({@code UserSchema}), rows
 *       streamed in one transaction with batched prepared statements ({@code TableLoader}), each
 *       table file's SHA-256 and row count verified as it is read (nothing reaches the target
 *       before every file was verified: the swap comes last), then {@code PRAGMA foreign_key_check} and {@code PRAGMA integrity_check};
 *   <li>lock the existing target, back it up with SQLite's online backup API, and rename the new
 *       file over it ({@code TargetFiles}, {@code TargetLock}).
 * </ol>
 *
 * <p>On any failure, including Ctrl-C, the target is left byte-identical and the temporary file
 * is removed; after a {@code kill -9} the next run removes the stale temporary file.
 */
package dev.migrate.importsqlite;
