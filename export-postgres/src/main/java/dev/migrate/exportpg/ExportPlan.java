package dev.migrate.exportpg;

import dev.migrate.core.schema.SchemaSnapshot;
import dev.migrate.core.staging.TenantFilter;
import java.util.List;
import java.util.Map;

/**
 * Everything decided before the first row is read: the tables in dependency order, the schema
 * snapshot, the tenant plan (null for a whole-database export) and what the output must say.
 *
 * @param tables the exported tables, in dependency order
 * @param snapshot the manifest's schema
 * @param tenant the tenant plan, or null
 * @param tenantFilter the manifest's tenant record, or null
 * @param tenantNotes per table name, extra notes from tenant planning (dangling references...)
 * @param warnings every warning line, in output order
 */
record ExportPlan(
        List<SourceTable> tables,
        SchemaSnapshot snapshot,
        TenantPlan tenant,
        TenantFilter tenantFilter,
        Map<String, List<String>> tenantNotes,
        List<String> warnings) {}
