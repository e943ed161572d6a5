/**
 * Configuration and secrets: where the databases are ({@link dev.migrate.core.config.PostgresTarget},
 * {@link dev.migrate.core.config.SqliteTarget}, {@link dev.migrate.core.config.Locations}), the
 * layered settings ({@link dev.migrate.core.config.MigrateConfig}: defaults &lt; config file &lt;
 * environment &lt; flags), {@code .pgpass} ({@link dev.migrate.core.config.PgPass}), and the one
 * redaction helper ({@link dev.migrate.core.config.Redactor}) every log line, error and report
 * goes through. The environment is always passed in as a map so that tests never depend on the
 * real one.
 */
package dev.migrate.core.config;
