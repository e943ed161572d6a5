package dev.migrate.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrate.core.staging.StagingJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunStatsTest {

    private final RunStats export = new RunStats(
            List.of(new RunStats.Phase("export", 1.5)),
            List.of(
                    TableStats.of("users", 3, 900, 0.5),
                    new TableStats("charts", 10, 4000, 1.0, List.of("index charts_expr_idx skipped: expression"))),
            List.of("view v_active not migrated"));

    @Test
    void addsUpTablesAndPhases() {
        RunStats run = export.plus(new RunStats(
                        List.of(new RunStats.Phase("import", 2.0)),
                        List.of(TableStats.of("users", 3, 900, 0.25)),
                        List.of()))
                .withPhase("validate", 0.5)
                .withWarning("sequence reset");
        assertThat(run.totalRows()).isEqualTo(16);
        assertThat(run.totalBytes()).isEqualTo(5800);
        assertThat(run.totalSeconds()).isCloseTo(4.0, within(1e-9));
        assertThat(run.phases()).extracting(RunStats.Phase::name).containsExactly("export", "import", "validate");
        assertThat(run.warnings()).containsExactly("view v_active not migrated", "sequence reset");
        assertThat(run.tables().get(1).rowsPerSecond()).isEqualTo(10.0);
        assertThat(TableStats.of("t", 5, 0, 0).rowsPerSecond()).isZero();
        assertThat(RunStats.empty().totalRows()).isZero();
    }

    @Test
    void redactsSecretsInEveryLine() {
        RunStats run = RunStats.empty()
                .withWarning("cannot reach postgresql://app:Hunter22@db/prod")
                .plus(new RunStats(
                        List.of(),
                        List.of(new TableStats("t", 1, 1, 1, List.of("password=Hunter22 was in a default"))),
                        List.of()));
        // (other tests may have registered "postgres" as a secret, so only the password part is compared)
        assertThat(run.warnings())
                .singleElement()
                .asString()
                .endsWith(":***@db/prod")
                .doesNotContain("Hunter22");
        assertThat(run.tables().get(0).notes()).containsExactly("password=*** was in a default");
    }

    @Test
    void rendersAsJsonWithTheStagingMapper() throws Exception {
        JsonNode json = StagingJson.MAPPER.readTree(StagingJson.MAPPER.writeValueAsString(export));
        assertThat(json.at("/phases/0/name").asText()).isEqualTo("export");
        assertThat(json.at("/phases/0/seconds").asDouble()).isEqualTo(1.5);
        assertThat(json.at("/tables/1/table").asText()).isEqualTo("charts");
        assertThat(json.at("/tables/1/rows").asLong()).isEqualTo(10);
        assertThat(json.at("/tables/1/bytes").asLong()).isEqualTo(4000);
        assertThat(json.at("/tables/1/notes/0").asText()).startsWith("index charts_expr_idx skipped");
        assertThat(json.at("/warnings/0").asText()).isEqualTo("view v_active not migrated");
    }
}
