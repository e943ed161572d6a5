package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The command line's contract: help, version, usage errors, error lines, exit codes, redaction. */
class CommandLineTest {

    @Test
    void helpListsEverySubcommand() {
        CliRun run = CliRun.run("--help");

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains("Usage: migrate")
                .contains(
                        "export-postgres",
                        "import-sqlite",
                        "export-sqlite",
                        "import-postgres",
                        "validate",
                        "demo",
                        "generate-completion")
                .contains("--skip-export", "--skip-import", "--dry-run", "--user-email", "--export-dir")
                .contains("Exit codes: 0 success, 1 validation FAIL, 2 usage error, 3 input error");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub :
                new String[] {"export-postgres", "import-sqlite", "export-sqlite", "import-postgres", "validate", "demo"
                }) {
            CliRun run = CliRun.run(sub, "--help");
            assertThat(run.code()).as(sub).isZero();
            assertThat(run.out()).as(sub).contains("Usage: migrate " + sub).contains("--verbose", "--config");
        }
        assertThat(CliRun.run("export-postgres", "--help").out())
                .contains("--from", "--user-email", "--export-dir", "--schema", "--include-table", "--exclude-table");
        assertThat(CliRun.run("import-sqlite", "--help").out())
                .contains("--to", "--schema", "--no-backup", "--backup-dir");
        assertThat(CliRun.run("import-postgres", "--help").out())
                .contains("--to", "--user-email", "--schema", "--no-backup", "--data-only", "--drop-existing");
        assertThat(CliRun.run("validate", "--help").out())
                .contains("--from", "--to", "--export-dir", "--user-email", "--report", "--rules");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        CliRun run = CliRun.run("--version");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("migrate " + VersionProvider.version());
        assertThat(VersionProvider.version()).isNotEqualTo("unknown").doesNotContain("${");
    }

    @Test
    void unknownOptionIsAOneLineUsageError() {
        CliRun run = CliRun.run("export-postgres", "--bogus");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("migrate export-postgres: Unknown option: '--bogus'", "--help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void conflictingOptionsAreAUsageError() {
        CliRun run = CliRun.run("import-postgres", "--data-only", "--drop-existing");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).hasSize(1);
    }

    @Test
    void completionScriptIsGenerated() {
        CliRun run = CliRun.run("generate-completion");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("complete -F").contains("export-postgres");
    }

    @Test
    void migrateExceptionIsOneLineWithItsExitCode() {
        CommandLine cmd = withFailing(() -> {
            throw MigrateException.input(Location.file("users.json").withTable("users"), "checksum mismatch");
        });

        CliRun run = CliRun.run(cmd, "boom");

        assertThat(run.code()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run.errLines()).containsExactly("error: file users.json, table \"users\": checksum mismatch");
    }

    @Test
    void eachKindHasItsOwnCode() {
        assertThat(CliRun.run(
                                withFailing(() -> {
                                    throw MigrateException.runtime("connection refused", null);
                                }),
                                "boom")
                        .code())
                .isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(CliRun.run(
                                withFailing(() -> {
                                    throw new MigrateException(MigrateException.Kind.VALIDATION, null, "FAIL");
                                }),
                                "boom")
                        .code())
                .isEqualTo(ExitCodes.VALIDATION_FAILED);
        assertThat(CliRun.run(
                                withFailing(() -> {
                                    throw new UsageException("--from and --to name the same database");
                                }),
                                "boom")
                        .code())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void verboseShowsTheStackTrace() {
        CommandLine cmd = withFailing(() -> {
            throw MigrateException.runtime("cannot connect", new java.io.IOException("refused"));
        });

        CliRun quiet = CliRun.run(cmd, "boom");
        CliRun verbose = CliRun.run(cmd, "boom", "--verbose");

        assertThat(quiet.err()).doesNotContain("\tat ").doesNotContain("IOException");
        assertThat(verbose.code()).isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(verbose.errLines()[0]).isEqualTo("error: cannot connect");
        assertThat(verbose.err()).contains("\tat ").contains("Caused by: java.io.IOException: refused");
    }

    @Test
    void anyOtherExceptionIsAnInternalError() {
        CommandLine cmd = withFailing(() -> {
            throw new IllegalStateException("bug here");
        });

        CliRun run = CliRun.run(cmd, "boom");

        assertThat(run.code()).isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(run.errLines())
                .containsExactly(
                        "internal error: IllegalStateException: bug here (run with --verbose for the stack trace)");
    }

    @Test
    void passwordsInErrorsAreRedacted() {
        CommandLine cmd = withFailing(() -> {
            throw MigrateException.runtime(
                    "cannot connect to postgresql://bob:s3cr3t-pw@db.example.com:5432/app", null);
        });

        CliRun run = CliRun.run(cmd, "boom", "--verbose");

        assertThat(run.err()).doesNotContain("s3cr3t-pw").contains("postgresql://bob:***@db.example.com:5432/app");
    }

    @Test
    void passwordsInLogLinesAreRedacted(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("run.log");
        CommandLine cmd = withFailing(() -> {
            LoggerFactory.getLogger("dev.migrate.test").info("connecting to postgres://u:hunter22@h/db");
            LoggerFactory.getLogger("dev.migrate.test").debug("debug detail");
            return 0;
        });

        CliRun run = CliRun.run(cmd, "boom", "--log-file", log.toString());

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEqualTo("connecting to postgres://u:***@h/db" + System.lineSeparator());
        assertThat(Files.readString(log))
                .contains("INFO", "dev.migrate.test", "connecting to postgres://u:***@h/db", "debug detail")
                .doesNotContain("hunter22");
    }

    @Test
    void verboseShowsDebugLinesOnTheConsole() {
        CommandLine cmd = withFailing(() -> {
            LoggerFactory.getLogger("dev.migrate.test").debug("debug detail");
            LoggerFactory.getLogger("dev.migrate.test").warn("careful");
            return 0;
        });

        assertThat(CliRun.run(cmd, "boom").err()).isEqualTo("warning: careful" + System.lineSeparator());
        assertThat(CliRun.run(cmd, "boom", "-v").err()).contains("debug: debug detail", "warning: careful");
    }

    @Test
    void aBadConfigFileIsAOneLineInputError(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("migrate.properties");
        Files.writeString(config, "sqlite_pth=/tmp/typo.db\n");

        CliRun typo = CliRun.run("--config", config.toString(), "--dry-run");
        CliRun missing = CliRun.run("--config", dir.resolve("none.properties").toString(), "--dry-run");

        assertThat(typo.code()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(typo.errLines()).hasSize(1);
        assertThat(typo.err()).contains("unknown key \"sqlite_pth\"");
        assertThat(missing.code()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void noTargetAnywhereIsAUsageErrorSayingWhatToGive() {
        CliRun run = CliRun.runWithEnv(java.util.Map.of(), "--from", "postgresql://u@localhost:1/db", "--dry-run");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.lastErrLine()).contains("no SQLite file: give --to FILE, or set sqlite_path");
    }

    private static CommandLine withFailing(Callable<Integer> body) {
        CommandLine cmd = CliRun.commandLine();
        cmd.addSubcommand("boom", new CommandLine(new Boom(body)));
        return cmd;
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Callable<Integer> body;

        @Mixin(name = "common")
        CommonOptions common;

        @Option(names = "--unused", hidden = true)
        boolean unused;

        Boom(Callable<Integer> body) {
            this.body = body;
        }

        @Override
        public Integer call() throws Exception {
            return body.call();
        }
    }
}
