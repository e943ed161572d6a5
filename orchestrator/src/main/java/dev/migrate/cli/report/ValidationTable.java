package dev.migrate.cli.report;

import dev.migrate.core.config.Redactor;
import dev.migrate.validate.ValidationReport;
import dev.migrate.validate.ValidationReport.MismatchedKey;
import dev.migrate.validate.ValidationReport.TableResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders a {@link ValidationReport} as a readable table: per table the two counts and whether
 * counts and checksums match, the first differing keys of a mismatch, then errors, warnings and
 * the overall status.
 */
public final class ValidationTable {

    private ValidationTable() {}

    public static void print(ValidationReport report, PrintWriter out) {
        out.println("validation: " + Redactor.redact(report.source()) + " vs " + Redactor.redact(report.target())
                + (report.userEmail() == null ? "" : " (user " + report.userEmail() + ")"));
        int w = Math.max(
                24,
                Math.min(
                        48,
                        report.tables().stream()
                                .mapToInt(t -> t.table().length())
                                .max()
                                .orElse(0)));
        String format = "  %-" + w + "s %12s %12s %6s %9s%n";
        out.printf(Locale.ROOT, format, "table", "source rows", "target rows", "count", "checksum");
        out.println("  " + "-".repeat(w) + " " + "-".repeat(12) + " " + "-".repeat(12) + " " + "-".repeat(6) + " "
                + "-".repeat(9));
        for (TableResult t : report.tables()) {
            out.printf(
                    Locale.ROOT,
                    format,
                    t.table(),
                    t.sourceCount(),
                    t.targetCount(),
                    t.countMatch() ? "ok" : "FAIL",
                    t.checksumMatch() ? "ok" : "FAIL");
            if (t.firstMismatchingKeys() != null) {
                for (MismatchedKey k : t.firstMismatchingKeys()) {
                    out.println("      " + k.kind() + " " + describe(k));
                }
            }
        }
        if (!report.rules().isEmpty()) {
            out.println("  rules:");
            report.rules()
                    .forEach(r -> out.println("    " + r.rule() + ": " + r.violations() + " violation(s) in "
                            + r.checkedRows() + " rows"));
        }
        report.errors().forEach(e -> out.println("  error: " + Redactor.redact(e)));
        report.warnings().forEach(wn -> out.println("  warning: " + Redactor.redact(wn)));
        out.println("  overall: " + report.overallStatus());
        out.flush();
    }

    private static String describe(MismatchedKey k) {
        String key = k.key().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
        return k.columns() == null || k.columns().isEmpty() ? key : key + " columns " + k.columns();
    }
}
