package dev.migrate.cli.plan;

import dev.migrate.cli.plan.Plan.ColumnPlan;
import dev.migrate.cli.plan.Plan.TablePlan;
import dev.migrate.cli.steps.TenantNames;
import dev.migrate.core.mapping.TypeMappings;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.SkippedObject;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.staging.TableEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans an import of an existing export ({@code --skip-export}) from its manifest: the exact row
 * counts, the staging types and the target types, the tenant scopes the export applied.
 */
public final class ManifestPlanner {

    private final Path stagingDir;
    private final boolean toPostgres;
    private final TenantNames tenant;

    public ManifestPlanner(Path stagingDir, boolean toPostgres, TenantNames tenant) {
        this.stagingDir = stagingDir;
        this.toPostgres = toPostgres;
        this.tenant = tenant;
    }

    public Plan plan() {
        // open() verifies sizes, checksums and row counts, as the import will; it writes nothing.
        Manifest manifest = StagingReader.open(stagingDir).manifest();
        boolean fromPostgres = manifest.source() != null
                && "postgresql".equals(manifest.source().dialect());
        Map<String, String> scopes =
                manifest.tenant() == null ? Map.of() : manifest.tenant().tableScopes();
        List<TablePlan> tables = new ArrayList<>();
        for (TableSchema t : manifest.schema().tables()) {
            long rows = manifest.entry(t.name()).map(TableEntry::rows).orElse(0L);
            List<ColumnPlan> columns = new ArrayList<>();
            for (ColumnSchema c : t.columns()) {
                columns.add(new ColumnPlan(
                        c.name(),
                        c.sourceType(),
                        c.type().toString(),
                        toPostgres ? TypeMappings.toPostgres(c.type(), fromPostgres) : TypeMappings.toSqlite(c.type()),
                        !c.nullable(),
                        c.note()));
            }
            String scope = scopes.get(t.name());
            tables.add(new TablePlan(
                    t.name(),
                    rows,
                    true,
                    scope == null || tenant == null ? scope : TenantScopes.describe(scope, tenant),
                    columns));
        }
        List<String> skipped = new ArrayList<>();
        for (SkippedObject s : manifest.schema().skipped()) {
            skipped.add(s.kind() + " " + s.name() + ": " + s.reason());
        }
        List<String> notes = new ArrayList<>();
        notes.add("existing export in " + stagingDir + " verified ("
                + manifest.tables().size() + " tables, created " + manifest.createdAt() + ")");
        if (manifest.tenant() != null) {
            notes.add("the export holds the data of user " + manifest.tenant().userEmail());
        }
        return new Plan(tables, skipped, notes);
    }
}
