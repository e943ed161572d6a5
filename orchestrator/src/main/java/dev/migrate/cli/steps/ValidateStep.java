package dev.migrate.cli.steps;

import dev.migrate.cli.Endpoints.Database;
import dev.migrate.cli.report.StepReport;
import dev.migrate.core.report.RunStats;
import dev.migrate.core.sql.CheckedSqliteFile;
import dev.migrate.validate.Endpoint;
import dev.migrate.validate.SourceReadAhead;
import dev.migrate.validate.ValidateOptions;
import dev.migrate.validate.ValidationReport;
import dev.migrate.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs validate. */
public final class ValidateStep {

    /** The step's name in summaries. */
    public static final String NAME = "validate";

    private static final Logger LOG = LoggerFactory.getLogger(ValidateStep.class);

    /**
     * What to compare.
     *
     * @param stagingDir the export whose manifest defines the comparison
     * @param tenant the tenant of a tenant run, or null
     * @param reportFile where the report goes, or null ({@code validation_report.json} in the
     *     staging directory)
     * @param rulesFile domain rules, or null
     * @param targetIntegrityChecked the SQLite target as the same command's import left it after
     *     its integrity check, or null ({@link ValidateOptions#targetIntegrityChecked})
     */
    public record Request(
            Endpoint source,
            Endpoint target,
            Path stagingDir,
            TenantNames tenant,
            Path reportFile,
            Path rulesFile,
            CheckedSqliteFile targetIntegrityChecked) {

        /** A request with nothing known about the target beforehand. */
        public Request(
                Endpoint source,
                Endpoint target,
                Path stagingDir,
                TenantNames tenant,
                Path reportFile,
                Path rulesFile) {
            this(source, target, stagingDir, tenant, reportFile, rulesFile, null);
        }

        /** This request, knowing the SQLite target as the import left it ({@code null}: nothing known). */
        public Request withTargetIntegrityChecked(CheckedSqliteFile checked) {
            return new Request(source, target, stagingDir, tenant, reportFile, rulesFile, checked);
        }
    }

    /** The report as the module returned it, and the run's statistics. */
    public record Outcome(ValidationReport report, StepReport step, Path reportFile) {}

    private ValidateStep() {}

    /** The validate module's endpoint for a resolved database. */
    public static Endpoint endpoint(Database db, String schema) {
        return db.isPostgres()
                ? new Endpoint.Postgres(db.postgres().jdbcUrl(), db.postgres().properties(), schema)
                : new Endpoint.Sqlite(db.sqlite().path());
    }

    /** The module's options for a request. */
    public static ValidateOptions options(Request r) {
        ValidateOptions o = ValidateOptions.of(r.source(), r.target(), r.stagingDir());
        if (r.tenant() != null) {
            TenantNames t = r.tenant();
            o = o.withTenant(t.email(), t.usersTable(), t.emailColumn(), t.ownerColumn());
        }
        if (r.reportFile() != null) {
            o = o.withReportPath(r.reportFile());
        }
        if (r.rulesFile() != null) {
            o = o.withRulesFile(r.rulesFile());
        }
        if (r.targetIntegrityChecked() != null) {
            o = o.withTargetIntegrityChecked(r.targetIntegrityChecked());
        }
        return o;
    }

    /**
     * A read ahead of the request's source ({@link SourceReadAhead}), not started; null when it
     * does not apply (a tenant run, a staging side).
     */
    public static SourceReadAhead sourceReadAhead(Request request) {
        return SourceReadAhead.of(options(request));
    }

    /** Runs the validation; differences are in the report, only failures to run are thrown. */
    public static Outcome run(Request request) {
        return run(request, null);
    }

    /**
     * As {@link #run(Request)}, taking the source tables {@code sourceReadAhead} has read (null:
     * reads them all itself).
     */
    public static Outcome run(Request request, SourceReadAhead sourceReadAhead) {
        long t0 = System.nanoTime();
        ValidateOptions options = options(request);
        ValidationReport report = new Validator(options, sourceReadAhead).run(line -> LOG.info("validate: {}", line));
        // Per-table results and errors are in the report (rendered by ValidationTable); the step's
        // statistics carry only its time, so the two views never disagree.
        RunStats stats = new RunStats(List.of(new RunStats.Phase(NAME, Timing.since(t0))), List.of(), List.of());
        StepReport step = new StepReport(
                NAME,
                options.source().describe() + " vs " + options.target().describe() + ": " + report.overallStatus(),
                stats);
        return new Outcome(report, step, options.reportPath());
    }
}
