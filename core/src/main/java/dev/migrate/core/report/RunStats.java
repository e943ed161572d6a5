package dev.migrate.core.report;

import dev.migrate.core.config.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What happened in a run (one step, or export → import → validate): timed phases, per-table
 * statistics and warnings, in the order they happened. Text is redacted on construction, so no
 * rendering of it can show a password.
 *
 * @param phases named phases with their durations (schema, data, indexes, validate, ...)
 * @param tables per-table statistics
 * @param warnings things the user should read, one line each
 */
public record RunStats(List<Phase> phases, List<TableStats> tables, List<String> warnings) {

    /**
     * One timed phase.
     *
     * @param name e.g. {@code export}, {@code create schema}, {@code load data}
     * @param seconds its wall-clock duration
     */
    public record Phase(String name, double seconds) {
        public Phase {
            Objects.requireNonNull(name, "name");
        }
    }

    public RunStats {
        phases = List.copyOf(phases);
        tables = List.copyOf(tables);
        warnings = redactAll(warnings);
    }

    /** Nothing happened yet. */
    public static RunStats empty() {
        return new RunStats(List.of(), List.of(), List.of());
    }

    /** Sum of the tables' rows. */
    public long totalRows() {
        return tables.stream().mapToLong(TableStats::rows).sum();
    }

    /** Sum of the tables' bytes. */
    public long totalBytes() {
        return tables.stream().mapToLong(TableStats::bytes).sum();
    }

    /** Sum of the phases' durations. */
    public double totalSeconds() {
        return phases.stream().mapToDouble(Phase::seconds).sum();
    }

    /** This run followed by another (the orchestrator joins its steps' statistics this way). */
    public RunStats plus(RunStats next) {
        return new RunStats(concat(phases, next.phases), concat(tables, next.tables), concat(warnings, next.warnings));
    }

    /** These statistics with one more phase. */
    public RunStats withPhase(String name, double seconds) {
        return new RunStats(concat(phases, List.of(new Phase(name, seconds))), tables, warnings);
    }

    /** These statistics with one more warning. */
    public RunStats withWarning(String warning) {
        return new RunStats(phases, tables, concat(warnings, List.of(warning)));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static List<String> redactAll(List<String> lines) {
        return lines == null ? List.of() : lines.stream().map(Redactor::redact).toList();
    }
}
