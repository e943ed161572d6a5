package dev.migrate.exportsqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.staging.ExportPreview;
import dev.migrate.testing.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan()} says what {@code run()} writes (schema, rows, warnings) and writes nothing. */
class PlanTest {

    @TempDir
    Path tmp;

    @Test
    void planIsTheExportWithoutWriting() throws Exception {
        Path source = Datasets.dataset("pgloader-sqlite-tests/test-sqlite/sqlite.db");
        Path out = tmp.resolve("out");
        long size = Files.size(source);

        ExportPreview plan = new SqliteExporter(ExportSqliteOptions.of(source, out, "t")).plan();

        assertThat(out).doesNotExist();
        assertThat(Files.size(source)).isEqualTo(size);
        ExportResult run = TestFiles.export(source, out);
        assertThat(plan.schema()).isEqualTo(run.manifest().schema());
        assertThat(plan.source()).isEqualTo(run.manifest().source());
        assertThat(plan.warnings()).isEqualTo(run.warnings());
        assertThat(plan.tenant()).isNull();
        assertThat(plan.rows())
                .extracting(ExportPreview.TableRows::table, ExportPreview.TableRows::rows)
                .containsExactlyElementsOf(run.tables().stream()
                        .map(t -> org.assertj.core.groups.Tuple.tuple(t.table(), t.rows()))
                        .toList());
        assertThat(plan.rows()).allMatch(ExportPreview.TableRows::exact);
    }
}
