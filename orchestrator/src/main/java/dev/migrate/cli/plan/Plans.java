package dev.migrate.cli.plan;

import dev.migrate.cli.plan.Plan.ColumnPlan;
import dev.migrate.cli.plan.Plan.TablePlan;
import dev.migrate.cli.steps.TenantNames;
import dev.migrate.core.mapping.TypeMappings;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.SchemaSnapshot;
import dev.migrate.core.schema.SkippedObject;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.ExportPreview.TableRows;
import dev.migrate.core.staging.TenantFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link Plan} from what an export decides (its schema, its tenant record, its row counts),
 * whether the export is about to run ({@code plan()}) or already ran (the manifest).
 */
final class Plans {

    private Plans() {}

    /**
     * @param rows per table name, its rows (null when unknown)
     * @param record the export's tenant record, or null
     * @param tenant the tenant names of this run, or null
     * @param toPostgres the target's dialect: PostgreSQL, else SQLite
     * @param fromPostgres the export's source dialect (for PostgreSQL's own type names of fallbacks)
     * @param notes the plan's notes so far; the table lines are added here
     */
    static Plan of(
            SchemaSnapshot schema,
            Function<String, TableRows> rows,
            TenantFilter record,
            TenantNames tenant,
            boolean toPostgres,
            boolean fromPostgres,
            List<String> notes) {
        Map<String, String> scopes = record == null || record.tableScopes() == null ? Map.of() : record.tableScopes();
        List<TablePlan> tables = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (TableSchema t : schema.tables()) {
            List<ColumnPlan> columns = new ArrayList<>();
            for (ColumnSchema c : t.columns()) {
                columns.add(new ColumnPlan(
                        c.name(),
                        c.sourceType() == null || c.sourceType().isBlank() ? "(none)" : c.sourceType(),
                        c.type().toString(),
                        toPostgres ? TypeMappings.toPostgres(c.type(), fromPostgres) : TypeMappings.toSqlite(c.type()),
                        !c.nullable(),
                        c.note()));
            }
            TableRows r = rows.apply(t.name());
            String scope = scopes.get(t.name());
            tables.add(new TablePlan(
                    t.name(),
                    r == null ? 0 : r.rows(),
                    r != null && r.exact(),
                    scope == null || tenant == null ? scope : TenantScopes.describe(scope, tenant),
                    columns));
            if (!toPostgres && fromPostgres && t.checks() != null) {
                for (String check : t.checks()) {
                    skipped.add("check constraint on " + t.name() + " " + check
                            + ": recorded in the manifest, not reproduced in SQLite");
                }
            }
        }
        for (SkippedObject s : schema.skipped()) {
            skipped.add(s.kind() + " " + s.name() + ": " + s.reason());
        }
        return new Plan(tables, skipped, notes);
    }
}
