package dev.migrate.exportpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import dev.migrate.core.staging.ExportPreview;
import dev.migrate.testing.Datasets;
import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan()} decides what {@code run()} writes (schema, tenant record, rows) and writes nothing. */
class PlanTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        db.runScript(Datasets.schemaDesign("postgres/multi_user_schema.sql"));
        db.runScript(Datasets.schemaDesign("postgres/sample_data.sql"));
    }

    @Test
    void tenantPlanIsTheExportWithoutWriting() {
        Path out = tmp.resolve("out");
        ExportPreview plan = new PostgresExporter(
                        Staged.options(db, out).userEmail("alice@example.com").build())
                .plan();
        assertThat(out).doesNotExist();

        ExportResult run = new PostgresExporter(
                        Staged.options(db, out).userEmail("alice@example.com").build())
                .run();
        assertThat(plan.schema()).isEqualTo(run.manifest().schema());
        assertThat(plan.tenant()).isEqualTo(run.manifest().tenant());
        assertThat(plan.source()).isEqualTo(run.manifest().source());
        assertThat(plan.warnings()).isEqualTo(run.warnings());
        for (ExportPreview.TableRows r : plan.rows()) {
            String scope = plan.tenant().tableScopes().get(r.table());
            if (r.exact()) {
                assertThat(r.rows())
                        .as(r.table())
                        .isEqualTo(run.tables().stream()
                                .filter(t -> t.table().equals(r.table()))
                                .findFirst()
                                .orElseThrow()
                                .rows());
            } else {
                assertThat(scope).as(r.table()).isEqualTo("shared");
            }
        }
        assertThat(plan.rows(run.manifest().tenant().usersTable()).orElseThrow().rows())
                .isEqualTo(1);
    }

    @Test
    void wholeDatabasePlanEstimatesAndAnUnknownUserFailsAsTheExportWould() {
        ExportPreview plan =
                new PostgresExporter(Staged.options(db, tmp.resolve("all")).build()).plan();
        assertThat(plan.tenant()).isNull();
        assertThat(plan.rows()).hasSize(plan.schema().tables().size()).noneMatch(ExportPreview.TableRows::exact);
        assertThatThrownBy(() -> new PostgresExporter(Staged.options(db, tmp.resolve("x"))
                                .userEmail("nobody@example.com")
                                .build())
                        .plan())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("nobody@example.com");
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}
