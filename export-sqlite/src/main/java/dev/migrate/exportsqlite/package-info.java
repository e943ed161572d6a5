/**
 * export-sqlite: a SQLite file to a staging directory. {@link dev.migrate.exportsqlite.SqliteExporter}
 * is the one entry point (options {@link dev.migrate.exportsqlite.ExportSqliteOptions}, result
 * {@link dev.migrate.exportsqlite.ExportResult}). The source is opened read-only and read as one
 * snapshot; each table is read twice inside it, once to profile its values and once to stream
 * them. Nothing here prints or exits.
 */
package dev.migrate.exportsqlite;
