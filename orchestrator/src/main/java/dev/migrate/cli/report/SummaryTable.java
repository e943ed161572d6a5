package dev.migrate.cli.report;

import dev.migrate.core.config.Redactor;
import dev.migrate.core.report.RunStats;
import dev.migrate.core.report.TableStats;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Renders a {@link RunSummary} as text in the spirit of pgloader's summary: per step a table of
 * tables (rows, bytes, seconds) with each table's notes under it and the step's warnings after
 * it; then the time of each phase, the totals, the validation outcome and the files written.
 */
public final class SummaryTable {

    private static final int MIN_NAME_WIDTH = 24;
    private static final int MAX_NAME_WIDTH = 48;

    private SummaryTable() {}

    public static void print(RunSummary summary, PrintWriter out) {
        for (StepReport step : summary.steps()) {
            printStep(step, out);
        }
        if (summary.steps().size() > 1) {
            printPhases(summary, out);
        }
        if (summary.validationStatus() != null) {
            out.println("validation: " + summary.validationStatus());
        }
        if (!summary.files().isEmpty()) {
            out.println("files:");
            summary.files().forEach(f -> out.println("  " + Redactor.redact(f)));
        }
        out.flush();
    }

    private static void printStep(StepReport step, PrintWriter out) {
        RunStats stats = step.stats();
        out.println(step.step() + (step.description().isEmpty() ? "" : ": " + Redactor.redact(step.description())));
        if (!stats.tables().isEmpty()) {
            int w = nameWidth(stats);
            String format = "  %-" + w + "s %12s %12s %10s%n";
            String rule = "  " + "-".repeat(w) + " " + "-".repeat(12) + " " + "-".repeat(12) + " " + "-".repeat(10);
            out.printf(Locale.ROOT, format, "table", "rows", "bytes", "seconds");
            out.println(rule);
            for (TableStats t : stats.tables()) {
                out.printf(Locale.ROOT, format, fit(t.table(), w), t.rows(), bytes(t.bytes()), seconds(t.seconds()));
                for (String note : t.notes()) {
                    out.println("      " + note);
                }
            }
            out.println(rule);
            out.printf(
                    Locale.ROOT,
                    format,
                    "total (" + stats.tables().size() + (stats.tables().size() == 1 ? " table)" : " tables)"),
                    stats.totalRows(),
                    bytes(stats.totalBytes()),
                    seconds(step.seconds()));
        } else {
            out.printf(Locale.ROOT, "  done in %s s%n", seconds(step.seconds()));
        }
        if (!stats.warnings().isEmpty()) {
            out.println("  warnings (" + stats.warnings().size() + "):");
            stats.warnings().forEach(w -> out.println("    - " + w));
        }
        out.println();
    }

    private static void printPhases(RunSummary summary, PrintWriter out) {
        int w = Math.max(
                "total".length(),
                summary.steps().stream().mapToInt(s -> s.step().length()).max().orElse(0));
        String format = "  %-" + w + "s %12s %12s %10s%n";
        out.println("phases");
        out.printf(Locale.ROOT, format, "phase", "rows", "bytes", "seconds");
        out.println("  " + "-".repeat(w) + " " + "-".repeat(12) + " " + "-".repeat(12) + " " + "-".repeat(10));
        for (StepReport s : summary.steps()) {
            out.printf(
                    Locale.ROOT,
                    format,
                    s.step(),
                    s.stats().tables().isEmpty() ? "" : Long.toString(s.stats().totalRows()),
                    s.stats().tables().isEmpty() ? "" : bytes(s.stats().totalBytes()),
                    seconds(s.seconds()));
        }
        out.printf(Locale.ROOT, format, "total", "", "", seconds(summary.seconds()));
        out.println();
    }

    private static int nameWidth(RunStats stats) {
        int longest =
                stats.tables().stream().mapToInt(t -> t.table().length()).max().orElse(0);
        return Math.max(MIN_NAME_WIDTH, Math.min(MAX_NAME_WIDTH, longest));
    }

    private static String fit(String name, int width) {
        return name.length() <= width ? name : name.substring(0, width - 1) + "~";
    }

    /** Human-readable size: {@code 512 B}, {@code 1.5 KiB}, {@code 12.0 MiB}. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** Seconds with millisecond precision. */
    public static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
