/**
 * Reading database values in their canonical staging form ({@link dev.migrate.core.types.StagingKind}):
 * one {@link dev.migrate.core.canonical.CanonicalReader} per dialect says which select-list
 * expression to use for a column and turns the JDBC value into the canonical Java value, so that
 * exporters and the validator read PostgreSQL and SQLite the same way. {@link
 * dev.migrate.core.canonical.ComparableValues} goes one step further for comparisons across
 * dialects (UTC instants, decimals by value, JSON with sorted keys).
 */
package dev.migrate.core.canonical;
