package dev.migrate.cli.plan;

import dev.migrate.cli.steps.TenantNames;
import dev.migrate.core.staging.ExportPreview.TableRows;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.StagingReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        List<String> notes = new ArrayList<>();
        notes.add("existing export in " + stagingDir + " verified ("
                + manifest.tables().size() + " tables, created " + manifest.createdAt() + ")");
        if (manifest.tenant() != null) {
            notes.add("the export holds the data of user " + manifest.tenant().userEmail());
        }
        return Plans.of(
                manifest.schema(),
                table -> manifest.entry(table)
                        .map(e -> new TableRows(table, e.rows(), true))
                        .orElse(null),
                manifest.tenant(),
                tenant,
                toPostgres,
                fromPostgres,
                notes);
    }
}
