package dev.migrate.validate;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.sql.CheckedSqliteFile;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.SecureFiles;
import dev.migrate.core.staging.StagingJson;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.staging.TenantFilter;
import dev.migrate.validate.DomainRules.Rule;
import dev.migrate.validate.ValidationReport.RuleResult;
import dev.migrate.validate.ValidationReport.TableResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validate step. Compares source and target table by table as the staging directory's
 * manifest describes them (tables, columns, staging types), runs the integrity, tenant and domain
 * checks, writes {@code validation_report.json} (owner-only) and returns the report:
 *
 * <pre>{@code
 * ValidationReport r = new Validator(options).run(event -> log(event));
 * exit(r.passed() ? 0 : VALIDATION_FAILED);
 * }</pre>
 *
 * A SQLite side's integrity checks run on a thread and connection of their own while the tables
 * are compared ({@link SqliteChecksInBackground}); their findings keep their place in the report.
 *
 * <p>Differences in the data are results (status FAIL), not exceptions; a {@link MigrateException}
 * is thrown only when validation cannot run (unreachable database, missing manifest, bad rules
 * file).
 */
public final class Validator {

    private static final Logger LOG = LoggerFactory.getLogger(Validator.class);

    private final ValidateOptions options;

    private final SourceReadAhead sourceReadAhead;

    public Validator(ValidateOptions options) {
        this(options, null);
    }

    /**
     * A validator that takes each table's source from {@code sourceReadAhead} where it read the
     * table as this validation would (null: reads every source table itself).
     */
    public Validator(ValidateOptions options, SourceReadAhead sourceReadAhead) {
        this.options = options;
        this.sourceReadAhead = sourceReadAhead;
    }

    /** Runs without progress events. */
    public ValidationReport run() {
        return run(event -> {});
    }

    /**
     * Runs the validation.
     *
     * @param progress receives one short line per step and table ("table clients: 12 rows, match")
     */
    public ValidationReport run(Consumer<String> progress) {
        long started = System.nanoTime();
        List<Rule> rules = options.rulesFile() == null ? List.of() : DomainRules.load(options.rulesFile());
        Findings findings = new Findings();
        List<TableResult> tables = new ArrayList<>();
        List<RuleResult> ruleResults = new ArrayList<>();
        Tenant tenant = null;
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "validate-source-reader");
            t.setDaemon(true);
            return t;
        });
        try (Side source = open(options.source());
                Side target = open(options.target())) {
            Manifest manifest = manifest(source, target);
            if (options.tenant()) {
                tenant = resolveTenant(manifest, source, target, findings);
            }
            if (tenant == null || tenant.userId() != null) {
                // Every table is planned first (catalog queries only) so that the SQLite checks can
                // run beside the comparison; each plan's findings are added where they always were.
                List<String> planWarnings = new ArrayList<>();
                Planner planner = new Planner(manifest, source, target, tenant, planWarnings);
                List<TablePlan> plans = new ArrayList<>();
                List<List<String>> planErrors = new ArrayList<>();
                List<List<String>> planWarningsByTable = new ArrayList<>();
                List<TablePlan> planned = new ArrayList<>();
                for (TableSchema t : manifest.schema().tables()) {
                    int warningsBefore = planWarnings.size();
                    List<String> errors = new ArrayList<>();
                    TablePlan plan = planner.plan(t, errors);
                    planned.add(plan);
                    planErrors.add(errors);
                    planWarningsByTable.add(List.copyOf(planWarnings.subList(warningsBefore, planWarnings.size())));
                    if (plan != null) {
                        plans.add(plan);
                    }
                }
                PairScanner scanner = new PairScanner(source, target, executor);
                TableComparer comparer = new TableComparer(scanner, findings, options.maxReportedKeys());
                boolean targetIntegrityKnown = integrityAlreadyChecked(target, findings);
                try (SqliteChecksInBackground sourceChecks =
                                SqliteChecksInBackground.start(source, false, plans, manifest, false);
                        SqliteChecksInBackground targetChecks =
                                SqliteChecksInBackground.start(target, true, plans, manifest, targetIntegrityKnown)) {
                    for (int i = 0; i < planned.size(); i++) {
                        findings.errors.addAll(planErrors.get(i));
                        findings.warnings.addAll(planWarningsByTable.get(i));
                        TablePlan plan = planned.get(i);
                        if (plan == null) {
                            continue;
                        }
                        TableResult result = comparer.compare(
                                plan, sourceReadAhead == null ? null : sourceReadAhead.readFor(plan, options.source()));
                        tables.add(result);
                        progress.accept("table " + plan.table() + ": " + result.sourceCount() + " / "
                                + result.targetCount() + " rows, " + (result.matches() ? "match" : "MISMATCH"));
                    }
                    checkSide(source, sourceChecks, false, plans, findings);
                    checkSide(target, targetChecks, true, plans, findings);
                }
                if (tenant != null) {
                    checkSingleUser(source, tenant, findings);
                    checkSingleUser(target, tenant, findings);
                }
                for (Rule rule : rules) {
                    ruleResults.add(evaluate(rule, plans, planner, target, scanner, findings));
                }
                progress.accept("checks done: " + findings.errors.size() + " error(s), " + findings.warnings.size()
                        + " warning(s)");
            }
        } finally {
            executor.shutdownNow();
        }
        boolean pass = findings.errors.isEmpty() && tables.stream().allMatch(TableResult::matches);
        ValidationReport report = new ValidationReport(
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                options.source().describe(),
                options.target().describe(),
                options.stagingDir().toString(),
                options.userEmail(),
                tenant == null ? null : tenant.userId(),
                tables,
                ruleResults,
                List.copyOf(findings.errors),
                List.copyOf(findings.warnings),
                List.copyOf(findings.notes),
                pass ? ValidationReport.PASS : ValidationReport.FAIL,
                Math.round((System.nanoTime() - started) / 1e6) / 1e3);
        write(report, options.reportPath());
        LOG.info(
                "validation {}: {} tables, {} errors, {} warnings",
                report.overallStatus(),
                tables.size(),
                report.errors().size(),
                report.warnings().size());
        return report;
    }

    static Side open(Endpoint e) {
        if (e instanceof Endpoint.Postgres p) {
            return new PostgresSide(p);
        }
        if (e instanceof Endpoint.Sqlite s) {
            return new SqliteSide(s);
        }
        return new StagingSide((Endpoint.Staging) e);
    }

    /** The manifest of a staging side (verified), else the staging directory's (read, not re-verified). */
    private Manifest manifest(Side source, Side target) {
        if (source instanceof StagingSide s) {
            return s.manifest();
        }
        if (target instanceof StagingSide s) {
            return s.manifest();
        }
        return StagingReader.readManifest(options.stagingDir());
    }

    private Tenant resolveTenant(Manifest manifest, Side source, Side target, Findings findings) {
        TenantFilter filter = manifest.tenant();
        String email = options.userEmail();
        if (filter != null && filter.userEmail() != null && !filter.userEmail().equalsIgnoreCase(email)) {
            findings.error("the staging directory was exported for " + filter.userEmail() + ", not " + email);
        }
        PostgresSide multi = null;
        for (Side s : List.of(source, target)) {
            if (s instanceof PostgresSide p && p.tables().contains(options.usersTable())) {
                multi = p;
            }
        }
        String userKey = filter != null && filter.userKey() != null ? filter.userKey() : null;
        if (userKey == null && multi != null) {
            List<String> pk = multi.primaryKey(options.usersTable());
            userKey = pk.size() == 1 ? pk.get(0) : null;
        }
        if (userKey == null) {
            userKey = "id";
        }
        String userId = filter == null ? null : filter.userId();
        if (multi != null) {
            String[] found = new String[1];
            String sql =
                    "select " + PostgresSide.quote(userKey) + "::text from " + multi.qualified(options.usersTable())
                            + " where " + PostgresSide.quote(options.emailColumn()) + " = ?";
            multi.query(sql, options.usersTable(), rs -> found[0] = rs.getString(1), email);
            if (found[0] == null) {
                findings.error("user not found: " + email + " (table \"" + options.usersTable() + "\" on "
                        + multi.endpoint().describe() + ")");
            } else if (userId != null && !userId.equals(found[0])) {
                findings.error("user " + email + " has id " + found[0] + " in "
                        + multi.endpoint().describe() + ", the export says " + userId);
            }
            userId = found[0];
        } else if (userId == null) {
            for (Side s : List.of(source, target)) {
                if (s instanceof SqliteSide q
                        && q.tables().contains(Tenant.APP_CONFIG)
                        && q.columns(Tenant.APP_CONFIG).containsKey(Tenant.APP_CONFIG_USER_KEY)) {
                    String[] found = new String[1];
                    q.query(
                            "select " + SqliteSide.quote(Tenant.APP_CONFIG_USER_KEY) + " from "
                                    + SqliteSide.quote(Tenant.APP_CONFIG) + " limit 1",
                            Tenant.APP_CONFIG,
                            rs -> found[0] = rs.getString(1));
                    userId = found[0];
                }
            }
        }
        Map<String, String> scopes = filter == null || filter.tableScopes() == null ? Map.of() : filter.tableScopes();
        String owner = filter != null && filter.ownerColumn() != null ? filter.ownerColumn() : options.ownerColumn();
        return new Tenant(email, userId, options.usersTable(), userKey, options.emailColumn(), owner, scopes);
    }

    /**
     * Whether the SQLite target is the very file the same command's import found sound with {@code
     * PRAGMA integrity_check} moments ago ({@link ValidateOptions#targetIntegrityChecked}), and not
     * written to since: then the check (a whole-file scan) is not run again, and a note says whose
     * check stands. Anything less than proof (another file, another size, modification time or
     * header, a write-ahead log with changes) runs it as always.
     */
    private boolean integrityAlreadyChecked(Side target, Findings findings) {
        CheckedSqliteFile checked = options.targetIntegrityChecked();
        if (checked == null || !(target instanceof SqliteSide s)) {
            return false;
        }
        // The same file system identity as the stamped file: the same file, whatever the path.
        boolean same = checked.stillDescribes(((Endpoint.Sqlite) s.endpoint()).file());
        if (same) {
            findings.notes.add("target: PRAGMA integrity_check passed in " + checked.checkedBy()
                    + " on this file before it was swapped in at "
                    + checked.checkedAt().truncatedTo(ChronoUnit.MILLIS)
                    + ", unchanged since (same file, size, modification time and header); not run again");
        }
        return same;
    }

    /**
     * The integrity checks of one side; a SQLite side's ran in the background ({@link
     * SqliteChecksInBackground#start} gives every SQLite side its checks) and are collected.
     */
    private static void checkSide(
            Side side,
            SqliteChecksInBackground background,
            boolean isTarget,
            List<TablePlan> plans,
            Findings findings) {
        if (background != null) {
            background.awaitInto(findings, () -> formats((SqliteSide) side, isTarget, plans, findings));
            return;
        }
        Set<String> tables = new LinkedHashSet<>();
        for (TablePlan p : plans) {
            tables.add(isTarget ? p.targetTable() : p.sourceTable());
        }
        if (side instanceof PostgresSide p) {
            PostgresChecks checks = new PostgresChecks(p, isTarget, findings);
            checks.foreignKeys(tables);
            checks.sequences(tables);
        }
    }

    /**
     * {@code PRAGMA integrity_check} (unless {@code integrityKnown}: {@link #integrityAlreadyChecked})
     * and {@code PRAGMA foreign_key_check} of a SQLite side.
     */
    static void checkSqliteFile(
            SqliteSide s, boolean isTarget, Manifest manifest, Findings findings, boolean integrityKnown) {
        SqliteChecks checks = new SqliteChecks(s, isTarget, findings);
        if (!integrityKnown) {
            checks.integrity();
        }
        List<String> dangling = manifest.tenant() == null || manifest.tenant().danglingReferences() == null
                ? List.of()
                : manifest.tenant().danglingReferences();
        checks.foreignKeys(dangling);
    }

    /** {@code sqlite_sequence} of the compared tables of a SQLite side. */
    static void checkSqliteSequences(SqliteSide s, boolean isTarget, List<TablePlan> plans, Findings findings) {
        Set<String> tables = new LinkedHashSet<>();
        for (TablePlan p : plans) {
            tables.add(isTarget ? p.targetTable() : p.sourceTable());
        }
        new SqliteChecks(s, isTarget, findings).sequences(new ArrayList<>(tables));
    }

    /**
     * The stored formats of every compared table of a SQLite side: counted by the comparison's
     * read when the side did ({@link SqliteSide#checksStoredForms}), else by one SQL scan per table.
     */
    static void formats(SqliteSide s, boolean isTarget, List<TablePlan> plans, Findings findings) {
        SqliteChecks checks = new SqliteChecks(s, isTarget, findings);
        for (TablePlan p : plans) {
            String table = isTarget ? p.targetTable() : p.sourceTable();
            List<String> cols = isTarget ? p.targetColumns() : p.sourceColumns();
            long[] counted = s.badForms(table);
            if (counted == null) {
                checks.formats(table, cols, p.compared(), s.primaryKey(table));
            } else {
                checks.reportFormats(table, cols, p.compared(), s.primaryKey(table), counted);
            }
        }
    }

    /** In a single-user SQLite database: exactly one {@code app_config} row, the user's. */
    private static void checkSingleUser(Side side, Tenant tenant, Findings findings) {
        if (!(side instanceof SqliteSide s) || !s.tables().contains(Tenant.APP_CONFIG)) {
            return;
        }
        Map<String, String> cols = s.columns(Tenant.APP_CONFIG);
        List<String> select = new ArrayList<>();
        select.add("count(*)");
        boolean hasEmail = cols.containsKey(tenant.emailColumn());
        boolean hasKey = cols.containsKey(Tenant.APP_CONFIG_USER_KEY);
        select.add(hasEmail ? "max(" + SqliteSide.quote(tenant.emailColumn()) + ")" : "null");
        select.add(hasEmail ? "min(" + SqliteSide.quote(tenant.emailColumn()) + ")" : "null");
        select.add(hasKey ? "max(" + SqliteSide.quote(Tenant.APP_CONFIG_USER_KEY) + ")" : "null");
        Object[] r = new Object[4];
        s.query(
                "select " + String.join(", ", select) + " from " + SqliteSide.quote(Tenant.APP_CONFIG),
                Tenant.APP_CONFIG,
                rs -> {
                    r[0] = rs.getLong(1);
                    r[1] = rs.getString(2);
                    r[2] = rs.getString(3);
                    r[3] = rs.getString(4);
                });
        String where = s.endpoint().describe();
        if ((long) r[0] != 1) {
            findings.error("app_config in " + where + " holds " + r[0] + " rows; a single-user database holds exactly"
                    + " one, the user's");
            if ((long) r[0] == 0) {
                return;
            }
        }
        if (hasEmail
                && (!tenant.email().equalsIgnoreCase((String) r[1])
                        || !tenant.email().equalsIgnoreCase((String) r[2]))) {
            findings.error("app_config in " + where + " holds another user's email ("
                    + (tenant.email().equalsIgnoreCase((String) r[1]) ? r[2] : r[1]) + "), expected " + tenant.email());
        }
        if (hasKey && tenant.userId() != null && !tenant.userId().equalsIgnoreCase(String.valueOf(r[3]))) {
            findings.error("app_config in " + where + " holds user id " + r[3] + ", expected " + tenant.userId());
        }
    }

    private RuleResult evaluate(
            Rule rule, List<TablePlan> plans, Planner planner, Side target, PairScanner scanner, Findings findings) {
        TablePlan plan = null;
        for (TablePlan p : plans) {
            if (p.table().equals(rule.table()) || p.targetTable().equals(rule.table())) {
                plan = p;
            }
        }
        int column = plan == null ? -1 : plan.stagingNames().indexOf(rule.column());
        if (plan != null && column < 0) {
            column = plan.targetColumns().indexOf(rule.column());
        }
        if (column < 0) {
            findings.error("rule \"" + rule.text() + "\": no compared column " + rule.table() + "." + rule.column());
            return new RuleResult(rule.text(), rule.table(), 0, 0, List.of());
        }
        TablePlan p = plan;
        int c = column;
        long[] counts = new long[2];
        List<Map<String, String>> first = new ArrayList<>();
        Consumer<Object[]> check = row -> {
            counts[0]++;
            if (!rule.test(row[c])) {
                if (counts[1]++ < options.maxReportedKeys()) {
                    first.add(new LinkedHashMap<>(DiffFinder.describeKey(p, row)));
                }
            }
        };
        if (p.targetSelection().byOtherSideKeys()) {
            scanner.scan(p, row -> {}, check);
        } else {
            try (RowStream rows = target.rows(p.targetTable(), p.targetColumns(), p.compared(), p.targetSelection())) {
                for (Object[] row = rows.next(); row != null; row = rows.next()) {
                    check.accept(row);
                }
            }
        }
        if (counts[1] > 0) {
            findings.error("rule \"" + rule.text() + "\": " + counts[1] + " of " + counts[0] + " row(s) of \""
                    + p.targetTable() + "\" break it, first at " + first.get(0));
        }
        return new RuleResult(rule.text(), p.targetTable(), counts[0], counts[1], first);
    }

    /** Writes the report owner-only, replacing an earlier one. */
    static void write(ValidationReport report, Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                SecureFiles.createPrivateDirectories(parent);
            }
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try (OutputStream out = SecureFiles.newPrivateFile(tmp)) {
                StagingJson.MAPPER.writeValue(out, report);
            }
            Files.move(
                    tmp,
                    path,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw MigrateException.runtime(
                    Location.file(path.toString()),
                    "cannot write the validation report: "
                            + String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT),
                    e);
        }
    }
}
