package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate demo} runs end to end on its own embedded PostgreSQL and passes both validations. */
class DemoTest {

    @Test
    void demoCollapsesAndExpandsAliceAndPasses(@TempDir Path dir) {
        CliRun run = CliRun.run(
                "demo",
                "--dir",
                dir.toString(),
                "--summary",
                dir.resolve("summary.json").toString());

        assertThat(run.code()).as(run.err() + run.out()).isZero();
        assertThat(run.out())
                .contains("demo PASSED")
                .contains("export-postgres", "import-sqlite", "export-sqlite", "import-postgres", "validate")
                .contains("overall: PASS");
        assertThat(dir.resolve("alice.db")).isRegularFile();
        assertThat(dir.resolve("export-from-postgres/manifest.json")).isRegularFile();
        assertThat(dir.resolve("export-from-sqlite/manifest.json")).isRegularFile();
        assertThat(dir.resolve("export-from-postgres/validation_report.json")).isRegularFile();
        assertThat(dir.resolve("summary.json")).isRegularFile();
    }

    @Test
    void unknownUserFailsWithOneLine(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("demo", "--dir", dir.toString(), "--user-email", "nobody@example.com");

        assertThat(run.code()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run.err()).contains("user not found: nobody@example.com");
        assertThat(Files.exists(dir.resolve("nobody.db"))).isFalse();
    }
}
