/**
 * {@code migrate --dry-run}: what a run would do, and nothing written (no staging directory, no
 * target). The tables, their load order, staging types, notes, tenant scopes, row counts and the
 * objects not migrated come from the exporter's own read-only {@code plan()} (the same snapshot,
 * catalog, profiling and tenant filters as the export), or from the existing export's manifest
 * with {@code --skip-export}; target types come from core's {@link
 * dev.migrate.core.mapping.TypeMappings}.
 */
package dev.migrate.cli.plan;
