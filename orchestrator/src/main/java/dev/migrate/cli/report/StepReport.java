package dev.migrate.cli.report;

import dev.migrate.core.report.RunStats;
import java.util.List;
import java.util.Objects;

/**
 * What one step of a run did.
 *
 * @param step the step's command name, e.g. {@code export-postgres}
 * @param description what it read and wrote, without secrets, e.g. {@code PostgreSQL
 *     localhost:5432/app -> migration_data}
 * @param stats its tables, phases and warnings
 * @param files what it produced, one line each for the run's summary, e.g. {@code SQLite file:
 *     a.db}
 */
public record StepReport(String step, String description, RunStats stats, List<String> files) {

    public StepReport {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(stats, "stats");
        description = description == null ? "" : description;
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A step that produced nothing worth listing. */
    public StepReport(String step, String description, RunStats stats) {
        this(step, description, stats, List.of());
    }

    /** The step's wall-clock time: the sum of its phases. */
    public double seconds() {
        return stats.totalSeconds();
    }
}
