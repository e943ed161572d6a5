package dev.migrate.cli.commands;

import dev.migrate.cli.CliContext;
import dev.migrate.cli.CommonOptions;
import dev.migrate.cli.Settings;
import dev.migrate.cli.report.RunSummary;
import dev.migrate.cli.report.SummaryJson;
import dev.migrate.cli.report.SummaryTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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

    /** Prints the summary table and writes it as JSON when asked to. */
    void finish(RunSummary summary, Path summaryFile) {
        SummaryTable.print(summary, out());
        if (summaryFile != null) {
            SummaryJson.write(summary, summaryFile);
            LOG.info("summary written to {}", summaryFile);
        }
    }
}
