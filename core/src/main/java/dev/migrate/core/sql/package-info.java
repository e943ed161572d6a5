/**
 * SQL dialects: the one place where an identifier or a DDL literal becomes SQL text. Every module
 * quotes table, column, index and constraint names through {@link dev.migrate.core.sql.Dialect#quote}
 * of {@link dev.migrate.core.sql.PostgresDialect} or {@link dev.migrate.core.sql.SqliteDialect}; values
 * are bound parameters or travel through COPY and never pass through here.
 */
package dev.migrate.core.sql;
