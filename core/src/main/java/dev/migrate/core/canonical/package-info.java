/**
 * Reading database values in their canonical staging form ({@link dev.migrate.core.types.StagingKind}):
 * one {@link dev.migrate.core.canonical.CanonicalReader} per dialect says which select-list
 * expression to use for a column and turns the JDBC value into the canonical Java value, so that
 * exporters and the validator read PostgreSQL and SQLite the same way. For SQLite, {@link
 * dev.migrate.core.canonical.SqliteValues#convert} is the one cell → staging value conversion:
 * export-sqlite writes what it returns and the validator reads with it, parameterised by the
 * column's staging type and its recorded {@link dev.migrate.core.canonical.SqliteConversion}.
 */
package dev.migrate.core.canonical;
