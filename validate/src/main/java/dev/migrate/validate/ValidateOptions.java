package dev.migrate.validate;

import dev.migrate.core.sql.CheckedSqliteFile;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to validate. Built once by the CLI; null optional fields take their defaults.
 *
 * @param source the side the data came from
 * @param target the side the data went to
 * @param stagingDir the export's staging directory: its manifest gives the tables, columns and
 *     staging types that are compared (default {@code migration_data})
 * @param userEmail the tenant's email for a tenant run, or null for a whole-database run
 * @param usersTable the multi-user database's users table (default {@code users})
 * @param emailColumn the users table's email column (default {@code email})
 * @param ownerColumn the owner column of owned tables (default {@code user_id})
 * @param reportPath where to write the report (default {@code <stagingDir>/validation_report.json})
 * @param rulesFile optional domain rules (see {@link DomainRules}), or null
 * @param maxReportedKeys how many differing keys to report per table (default 10)
 * @param targetIntegrityChecked a SQLite target the same command's import found sound with {@code
 *     PRAGMA integrity_check} just before, or null: while the file is provably unchanged the
 *     check is not run twice
 */
public record ValidateOptions(
        Endpoint source,
        Endpoint target,
        Path stagingDir,
        String userEmail,
        String usersTable,
        String emailColumn,
        String ownerColumn,
        Path reportPath,
        Path rulesFile,
        int maxReportedKeys,
        CheckedSqliteFile targetIntegrityChecked) {

    /** Default staging directory name. */
    public static final String DEFAULT_STAGING_DIR = "migration_data";

    /** Default report file name inside the staging directory. */
    public static final String REPORT_FILE = "validation_report.json";

    public ValidateOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (stagingDir == null) {
            stagingDir = source instanceof Endpoint.Staging s
                    ? s.directory()
                    : target instanceof Endpoint.Staging t ? t.directory() : Path.of(DEFAULT_STAGING_DIR);
        }
        userEmail = userEmail == null || userEmail.isBlank() ? null : userEmail.strip();
        usersTable = usersTable == null ? "users" : usersTable;
        emailColumn = emailColumn == null ? "email" : emailColumn;
        ownerColumn = ownerColumn == null ? "user_id" : ownerColumn;
        reportPath = reportPath == null ? stagingDir.resolve(REPORT_FILE) : reportPath;
        maxReportedKeys = maxReportedKeys <= 0 ? 10 : maxReportedKeys;
    }

    /** Source and target with every other option at its default. */
    public static ValidateOptions of(Endpoint source, Endpoint target, Path stagingDir) {
        return new ValidateOptions(source, target, stagingDir, null, null, null, null, null, null, 0, null);
    }

    /**
     * A tenant run for the user with this email, in a multi-user schema with these names (null
     * names take their defaults).
     */
    public ValidateOptions withTenant(String userEmail, String usersTable, String emailColumn, String ownerColumn) {
        return copy(userEmail, usersTable, emailColumn, ownerColumn, reportPath, rulesFile);
    }

    public ValidateOptions withUserEmail(String email) {
        return copy(email, usersTable, emailColumn, ownerColumn, reportPath, rulesFile);
    }

    public ValidateOptions withRulesFile(Path rules) {
        return copy(userEmail, usersTable, emailColumn, ownerColumn, reportPath, rules);
    }

    public ValidateOptions withReportPath(Path report) {
        return copy(userEmail, usersTable, emailColumn, ownerColumn, report, rulesFile);
    }

    /** These options, knowing that the SQLite target passed {@code PRAGMA integrity_check} as {@code checked} says. */
    public ValidateOptions withTargetIntegrityChecked(CheckedSqliteFile checked) {
        return new ValidateOptions(
                source,
                target,
                stagingDir,
                userEmail,
                usersTable,
                emailColumn,
                ownerColumn,
                reportPath,
                rulesFile,
                maxReportedKeys,
                checked);
    }

    /** These options with the given tenant names and files; endpoints and limits unchanged. */
    private ValidateOptions copy(String email, String users, String emailCol, String owner, Path report, Path rules) {
        return new ValidateOptions(
                source,
                target,
                stagingDir,
                email,
                users,
                emailCol,
                owner,
                report,
                rules,
                maxReportedKeys,
                targetIntegrityChecked);
    }

    /** True for a tenant run ({@code --user-email}). */
    public boolean tenant() {
        return userEmail != null;
    }
}
