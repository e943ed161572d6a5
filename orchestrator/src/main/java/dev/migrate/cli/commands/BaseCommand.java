package dev.migrate.cli.commands;

import dev.migrate.cli.CliContext;
import dev.migrate.cli.CommonOptions;
import dev.migrate.cli.Settings;
import dev.migrate.cli.progress.Progress;
import dev.migrate.cli.report.RunSummary;
import dev.migrate.cli.report.SummaryJson;
import dev.migrate.cli.report.SummaryTable;
import dev.migrate.core.config.ConfigKey;
import dev.migrate.core.config.MigrateConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the common options, the run's context (environment, working
 * directory), its output stream, and rendering the end-of-run summary.
 */
abstract class BaseCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BaseCommand.class);

    @ParentCommand
    MigrateCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin(name = "common")
    CommonOptions common;

    /** The environment and working directory of this run. */
    CliContext context() {
        return parent.context();
    }

    /** Settings starting from the common options. */
    Settings settings() {
        return Settings.of(context(), common);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Runs a step with a console progress display, closed when the step ends. */
    static <T> T withProgress(Function<Progress, T> step) {
        try (Progress progress = Progress.forConsole()) {
            return step.apply(progress);
        }
    }

    /** Prints the summary table and writes it as JSON to the configured {@code summary} file, if any. */
    void finish(RunSummary summary, MigrateConfig config) {
        finish(summary, config.path(ConfigKey.SUMMARY).orElse(null));
    }

    /** Prints the summary table and writes it as JSON when asked to. */
    void finish(RunSummary summary, Path summaryFile) {
        SummaryTable.print(summary, out());
        if (summaryFile != null) {
            SummaryJson.write(summary, summaryFile);
            LOG.info("summary written to {}", summaryFile);
        }
    }
}
