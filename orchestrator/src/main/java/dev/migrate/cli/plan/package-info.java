/**
 * {@code migrate --dry-run}: what a run would do, read from the source's catalog (or the existing
 * export's manifest) in a read-only session, with each column's mapping from core's {@link
 * dev.migrate.core.mapping.TypeMappings}. Nothing is written: no staging directory, no target.
 * The plan is a preview; the export itself is authoritative (it also profiles SQLite values).
 */
package dev.migrate.cli.plan;
