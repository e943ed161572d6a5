package dev.migrate.cli.report;

import dev.migrate.core.report.RunStats;
import java.util.Objects;

/**
 * What one step of a run did.
 *
 * @param step the step's command name, e.g. {@code export-postgres}
 * @param description what it read and wrote, without secrets, e.g. {@code PostgreSQL
 *     localhost:5432/app -> migration_data}
 * @param stats its tables, phases and warnings
 */
public record StepReport(String step, String description, RunStats stats) {

    public StepReport {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(stats, "stats");
        description = description == null ? "" : description;
    }

    /** The step's wall-clock time: the sum of its phases. */
    public double seconds() {
        return stats.totalSeconds();
    }
}
