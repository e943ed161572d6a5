package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.testing.Datasets;
import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main use, through the real CLI in-process: one user of the reference multi-user PostgreSQL
 * database collapsed into a SQLite file, re-imported, validated, planned.
 */
class PostgresToSqliteTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private static final String ALICE = "alice@example.com";
    private static final String ALICE_ID = "10100000-0000-4000-8000-000000000001";

    @BeforeAll
    static void loadReference() throws Exception {
        db.runScript(Datasets.schemaDesign("postgres/multi_user_schema.sql"));
        db.runScript(Datasets.schemaDesign("postgres/sample_data.sql"));
    }

    @Test
    void fullTenantRunCollapsesAliceAndPasses(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("alice.db");
        Path export = dir.resolve("export");
        Path summary = dir.resolve("summary.json");

        CliRun run = CliRun.run(
                "--from",
                db.uri(),
                "--to",
                target.toString(),
                "--user-email",
                ALICE,
                "--export-dir",
                export.toString(),
                "--summary",
                summary.toString());

        assertThat(run.code()).as(run.err()).isZero();
        // the summary table: every step, per-table figures, the phases and the outcome
        assertThat(run.out())
                .contains("export-postgres", "import-sqlite", "validate")
                .contains("phases")
                .contains("validation: PASS")
                .contains("overall: PASS");
        // values, not just counts: alice's own row became app_config, her clients came along
        assertThat(SqliteFiles.rows(target, "select email, full_name from app_config"))
                .containsExactly(List.of(ALICE, "Alice Zoë Whitmore"));
        assertThat(SqliteFiles.rows(target, "select first_name from clients order by first_name"))
                .extracting(r -> r.get(0))
                .containsExactly("Hiroshi", "Julius", "Zoë", "Łukasz");
        assertThat(SqliteFiles.count(target, "interpretations")).isEqualTo(8); // 2 own + 6 shared
        assertThat(SqliteFiles.count(target, "location_cache")).isEqualTo(7);
        // no other user's row left the database
        for (String file : List.of("clients.json", "charts.json", "session_notes.json")) {
            try (Stream<Path> files = Files.list(export)) {
                assertThat(files.map(p -> p.getFileName().toString())).contains(file);
            }
            assertThat(Files.readString(export.resolve(file)))
                    .doesNotContain("10200000-0000-4000-8000-000000000001")
                    .doesNotContain("10300000-0000-4000-8000-000000000001");
        }
        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        assertThat(json.get("validation_status").asText()).isEqualTo("PASS");
        assertThat(json.get("steps")).hasSize(3);
        assertThat(json.get("steps").get(0).get("step").asText()).isEqualTo("export-postgres");
        assertThat(json.get("steps").get(0).get("rows").asLong()).isEqualTo(48);
        assertThat(json.get("steps").get(1).get("tables").size()).isEqualTo(11);
        JsonNode report = new ObjectMapper()
                .readTree(export.resolve("validation_report.json").toFile());
        assertThat(report.get("overall_status").asText()).isEqualTo("PASS");
        // import-sqlite's integrity_check of the file it has just swapped in stands for validate's.
        assertThat(report.get("notes")).hasSize(1);
        assertThat(report.get("notes").get(0).asText())
                .startsWith(
                        "target: PRAGMA integrity_check passed in import-sqlite on this file before it was swapped in at ")
                .endsWith("; not run again");
    }

    @Test
    void skipExportReimportsTheExistingExportAndBacksUpTheTarget(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("alice.db");
        Path export = dir.resolve("export");
        String[] base = migrateAlice(target, export);
        SqliteFiles.execute(target, "update clients set first_name = 'changed in the app'");

        CliRun again = CliRun.run(concat(base, "--skip-export"));

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).doesNotContain("export-postgres:").contains("import-sqlite", "validation: PASS");
        assertThat(SqliteFiles.rows(target, "select count(*) from clients where first_name = 'changed in the app'"))
                .containsExactly(List.of("0"));
        try (Stream<Path> backups = Files.list(dir.resolve("backups"))) {
            assertThat(backups.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("alice_backup_"));
        }
    }

    @Test
    void skipExportRefusesATamperedExportBeforeTouchingTheTarget(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("alice.db");
        Path export = dir.resolve("export");
        String[] base = migrateAlice(target, export);
        byte[] before = Files.readAllBytes(target);
        Path clients = export.resolve("clients.json");
        Files.writeString(clients, Files.readString(clients).replace("Zoë", "Zoe"));

        CliRun again = CliRun.run(concat(base, "--skip-export"));

        assertThat(again.code()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(again.lastErrLine()).startsWith("error: file ").contains("clients.json");
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
    }

    /**
     * A change that keeps the file's size passes the cheap checks {@code --skip-export} makes up
     * front; the importer's verification while loading must still refuse it before the target
     * changes, and name the SHA-256 mismatch.
     */
    @Test
    void skipExportRefusesASameSizeTamperingBeforeTouchingTheTarget(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("alice.db");
        Path export = dir.resolve("export");
        String[] base = migrateAlice(target, export);
        byte[] before = Files.readAllBytes(target);
        Path clients = export.resolve("clients.json");
        long size = Files.size(clients);
        Files.writeString(clients, Files.readString(clients).replace("Zoë", "Zoé"));
        assertThat(Files.size(clients)).isEqualTo(size);

        CliRun again = CliRun.run(concat(base, "--skip-export"));

        assertThat(again.code()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(again.lastErrLine())
                .startsWith("error: file ")
                .contains("clients.json", "SHA-256 mismatch: the file was modified or corrupted after export");
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void validateOnlyPassesThenFailsNamingTheTableWhenAValueChanges(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("alice.db");
        Path export = dir.resolve("export");
        String[] base = migrateAlice(target, export);

        CliRun pass = CliRun.run(concat(base, "--skip-export", "--skip-import"));
        assertThat(pass.code()).as(pass.err()).isZero();
        assertThat(pass.out()).doesNotContain("import-sqlite:").contains("validation: PASS");
        // No import in this command: validate runs integrity_check itself.
        assertThat(new ObjectMapper()
                        .readTree(export.resolve("validation_report.json").toFile())
                        .get("notes"))
                .isEmpty();

        SqliteFiles.execute(target, "update clients set notes = 'edited' where first_name = 'Hiroshi'");
        CliRun fail = CliRun.run(concat(base, "--skip-export", "--skip-import"));

        assertThat(fail.code()).isEqualTo(ExitCodes.VALIDATION_FAILED);
        assertThat(fail.out())
                .contains("validation: FAIL")
                .contains("clients")
                .contains("20100000-0000-4000-8000-000000000003");
        assertThat(fail.err()).contains("validation FAIL");
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing(@TempDir Path dir) {
        Path target = dir.resolve("alice.db");
        Path export = dir.resolve("export");

        CliRun run = CliRun.run(
                "--from",
                db.uri(),
                "--to",
                target.toString(),
                "--user-email",
                ALICE,
                "--export-dir",
                export.toString(),
                "--dry-run");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Plan (dry run: nothing is written)")
                .contains("user " + ALICE + " found: id = " + ALICE_ID)
                .contains("users  (1 rows; the user's own row")
                .contains("clients  (4 rows; rows with user_id = the user")
                .contains("birth_data")
                .contains("rows reachable through foreign keys")
                .contains("location_cache")
                .contains("shared: no path to users")
                .containsPattern("session_fee +numeric\\(12,2\\) -> decimal\\(12,2\\) -> DECIMAL TEXT\\(12,2\\)")
                .containsPattern(
                        "check constraint on clients CHECK .*session_fee.*: recorded in the manifest, not reproduced in SQLite");
        assertThat(run.out().indexOf("users  (")).isLessThan(run.out().indexOf("clients  ("));
        assertThat(export).doesNotExist();
        assertThat(target).doesNotExist();
    }

    @Test
    void unknownUserIsOneLineAndLeavesNothing(@TempDir Path dir) {
        Path target = dir.resolve("nobody.db");
        Path export = dir.resolve("export");

        CliRun run = CliRun.run(
                "--from",
                db.uri(),
                "--to",
                target.toString(),
                "--user-email",
                "nobody@example.com",
                "--export-dir",
                export.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run.lastErrLine()).isEqualTo("error: user not found: nobody@example.com");
        assertThat(export).doesNotExist();
        assertThat(target).doesNotExist();
    }

    @Test
    void defaultsComeFromTheEnvironmentAndTheConfigFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("from-config.db");
        Path config = dir.resolve("migrate.properties");
        Files.writeString(config, "sqlite_path=" + target + "\nexport_dir=" + dir.resolve("export") + "\n");

        // `migrate --user-email x` alone: PostgreSQL from DATABASE_URL, SQLite from the config file
        CliRun run = CliRun.runWithEnv(
                Map.of("DATABASE_URL", db.uri(), "HOME", dir.toString()),
                "--user-email",
                ALICE,
                "--config",
                config.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(SqliteFiles.rows(target, "select email from app_config")).containsExactly(List.of(ALICE));
        assertThat(dir.resolve("export/manifest.json")).isRegularFile();
    }

    @Test
    void theSameDatabaseOnBothSidesIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.run("--from", db.uri(), "--to", db.uri(), "--export-dir", dir.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.lastErrLine()).contains("--from and --to name the same database");
    }

    @Test
    void passwordsNeverReachTheOutput(@TempDir Path dir) {
        CliRun run = CliRun.run(
                "--from",
                db.uri(),
                "--to",
                dir.resolve("a.db").toString(),
                "--user-email",
                ALICE,
                "--export-dir",
                dir.resolve("export").toString(),
                "--verbose");

        assertThat(run.code()).as(run.err()).isZero();
        String password = db.server().password();
        assertThat(run.out() + run.err()).doesNotContain(":" + password + "@");
    }

    @Test
    void stepsRunOneByOne(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("export");
        Path target = dir.resolve("alice.db");

        CliRun export1 = CliRun.run(
                "export-postgres", "--from", db.uri(), "--user-email", ALICE, "--export-dir", export.toString());
        assertThat(export1.code()).as(export1.err()).isZero();
        assertThat(export1.out()).contains("export-postgres: PostgreSQL").contains("total (11 tables)");

        CliRun import1 = CliRun.run("import-sqlite", "--export-dir", export.toString(), "--to", target.toString());
        assertThat(import1.code()).as(import1.err()).isZero();
        assertThat(import1.out()).contains("import-sqlite:").contains("app_config");

        CliRun validate = CliRun.run(
                "validate",
                "--from",
                db.uri(),
                "--to",
                target.toString(),
                "--user-email",
                ALICE,
                "--export-dir",
                export.toString());
        assertThat(validate.code()).as(validate.err()).isZero();
        assertThat(validate.out()).contains("overall: PASS");
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from clients where user_id = '" + ALICE_ID + "'")) {
            rs.next();
            assertThat(SqliteFiles.count(target, "clients")).isEqualTo(rs.getLong(1));
        }
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    /**
     * Runs the whole migration of Alice into {@code target} through {@code export}, checks it
     * succeeded, and returns its command line for the test's next runs.
     */
    private static String[] migrateAlice(Path target, Path export) {
        String[] base = {
            "--from", db.uri(), "--to", target.toString(), "--user-email", ALICE, "--export-dir", export.toString()
        };
        CliRun first = CliRun.run(base);
        assertThat(first.code()).as(first.err()).isZero();
        return base;
    }
}
