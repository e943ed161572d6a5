package dev.migrate.cli.steps;

import dev.migrate.cli.report.StepReport;
import dev.migrate.core.report.RunStats;
import dev.migrate.core.report.TableStats;
import java.util.List;

/** The {@link StepReport} of a step module's run: one phase, its tables, its warnings, its outputs. */
final class StepReports {

    private StepReports() {}

    /**
     * @param name the step's name, also its one phase
     * @param startNanos {@link System#nanoTime()} when the step started
     * @param tables the module's per-table statistics in the suite's form
     * @param files what the step produced, one summary line each
     */
    static StepReport of(
            String name,
            String description,
            long startNanos,
            List<TableStats> tables,
            List<String> warnings,
            List<String> files) {
        RunStats stats = new RunStats(List.of(new RunStats.Phase(name, Timing.since(startNanos))), tables, warnings);
        return new StepReport(name, description, stats, files);
    }

    /** The summary line of a staging directory an export wrote. */
    static String stagingDirectory(java.nio.file.Path dir) {
        return "staging directory: " + dir;
    }
}
