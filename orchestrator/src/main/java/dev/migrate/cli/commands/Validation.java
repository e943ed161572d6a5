package dev.migrate.cli.commands;

import dev.migrate.cli.ExitCodes;
import dev.migrate.cli.report.RunSummary;
import dev.migrate.cli.report.SummaryJson;
import dev.migrate.cli.report.SummaryTable;
import dev.migrate.cli.report.ValidationTable;
import dev.migrate.cli.steps.ValidateStep;
import dev.migrate.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The end of any run that validated: the readable table, the summary, and the exit code. */
final class Validation {

    private static final Logger LOG = LoggerFactory.getLogger(Validation.class);

    private Validation() {}

    /**
     * Prints the validation table and the run's summary; returns 0 on PASS and {@link
     * ExitCodes#VALIDATION_FAILED} on FAIL (with one error line saying where the report is).
     */
    static int finish(ValidateStep.Outcome outcome, PrintWriter out, Path summaryFile, RunSummary summary) {
        ValidationReport report = outcome.report();
        RunSummary done =
                summary.withValidation(report.overallStatus()).withFile("validation report: " + outcome.reportFile());
        SummaryTable.print(done, out);
        ValidationTable.print(report, out);
        if (summaryFile != null) {
            SummaryJson.write(done, summaryFile);
        }
        if (report.passed()) {
            return ExitCodes.SUCCESS;
        }
        long differing = report.tables().stream().filter(t -> !t.matches()).count();
        LOG.error(
                "validation FAIL: {} table(s) differ, {} error(s); details in {}",
                differing,
                report.errors().size(),
                outcome.reportFile());
        return ExitCodes.VALIDATION_FAILED;
    }
}
