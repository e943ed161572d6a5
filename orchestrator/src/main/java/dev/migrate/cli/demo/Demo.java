package dev.migrate.cli.demo;

import dev.migrate.cli.Endpoints.Database;
import dev.migrate.cli.progress.Progress;
import dev.migrate.cli.report.RunSummary;
import dev.migrate.cli.steps.ExportPostgresStep;
import dev.migrate.cli.steps.ExportSqliteStep;
import dev.migrate.cli.steps.ImportPostgresStep;
import dev.migrate.cli.steps.ImportSqliteStep;
import dev.migrate.cli.steps.TenantNames;
import dev.migrate.cli.steps.ValidateStep;
import dev.migrate.core.MigrateException;
import dev.migrate.core.config.PostgresTarget;
import dev.migrate.core.config.SqliteTarget;
import dev.migrate.core.sql.PostgresDialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's script, on a throwaway embedded PostgreSQL:
 *
 * <ol>
 *   <li>load the reference multi-user database ({@code schema_design}) into database {@code
 *       reference};
 *   <li>collapse one user: export-postgres {@code --user-email} → import-sqlite into {@code
 *       <dir>/<user>.db}, then validate PostgreSQL against the SQLite file;
 *   <li>copy {@code reference} to {@code expanded} and delete the user there;
 *   <li>expand the SQLite file back: export-sqlite → import-postgres {@code --user-email} into
 *       {@code expanded}, then validate the SQLite file against it.
 * </ol>
 */
public final class Demo {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

    private static final String SCHEMA = "/schema_design/postgres/multi_user_schema.sql";
    private static final String DATA = "/schema_design/postgres/sample_data.sql";
    private static final String REFERENCE_DB = "reference";
    private static final String EXPANDED_DB = "expanded";

    /**
     * The outcome.
     *
     * @param summary every step with its statistics, and the files written
     * @param collapse the validation after the collapse into SQLite
     * @param expand the validation after the expansion back into PostgreSQL
     */
    public record Result(RunSummary summary, ValidateStep.Outcome collapse, ValidateStep.Outcome expand) {

        public boolean passed() {
            return collapse.report().passed() && expand.report().passed();
        }
    }

    private final Path dir;
    private final TenantNames tenant;

    public Demo(Path dir, String userEmail) {
        this.dir = dir;
        this.tenant = new TenantNames(userEmail, "users", "id", "email", "user_id");
    }

    public Result run(Progress progress) {
        LOG.info("demo: starting an embedded PostgreSQL (a throwaway server, nothing installed)");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("timezone", "UTC")
                .setServerConfig("fsync", "off")
                .start()) {
            return run(pg.getPort(), progress);
        } catch (IOException e) {
            throw MigrateException.runtime("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private Result run(int port, Progress progress) {
        PostgresTarget server = PostgresTarget.of("localhost", port, "postgres", "postgres", null);
        PostgresTarget reference = server.withDatabase(REFERENCE_DB);
        PostgresTarget expanded = server.withDatabase(EXPANDED_DB);
        Path sqliteFile = dir.resolve(fileName(tenant.email()) + ".db");
        Path collapseExport = dir.resolve("export-from-postgres");
        Path expandExport = dir.resolve("export-from-sqlite");
        Path backups = dir.resolve("backups");

        LOG.info("demo: loading the reference multi-user database (schema_design) into \"{}\"", REFERENCE_DB);
        execute(server, "create database " + REFERENCE_DB);
        loadReference(reference);

        LOG.info("demo: collapsing {} into {}", tenant.email(), sqliteFile);
        RunSummary summary = new RunSummary("demo", List.of(), null, List.of());
        summary = summary.plus(ExportPostgresStep.run(
                new ExportPostgresStep.Request(reference, collapseExport, List.of("public"), null, null, tenant),
                progress));
        summary = summary.plus(ImportSqliteStep.run(
                        new ImportSqliteStep.Request(collapseExport, sqliteFile, null, false, null), progress)
                .report());
        ValidateStep.Outcome collapse = ValidateStep.run(new ValidateStep.Request(
                ValidateStep.endpoint(Database.of(reference), "public"),
                ValidateStep.endpoint(Database.of(new SqliteTarget(sqliteFile)), null),
                collapseExport,
                tenant,
                null,
                null));
        summary = summary.plus(collapse.step());
        LOG.info("demo: validation after the collapse: {}", collapse.report().overallStatus());

        LOG.info("demo: copying \"{}\" to \"{}\" and deleting {} there", REFERENCE_DB, EXPANDED_DB, tenant.email());
        execute(server, "create database " + EXPANDED_DB + " template " + REFERENCE_DB);
        deleteUser(expanded);

        LOG.info("demo: expanding {} back into \"{}\"", sqliteFile, EXPANDED_DB);
        summary = summary.plus(
                ExportSqliteStep.run(new ExportSqliteStep.Request(sqliteFile, expandExport, null, null), progress));
        summary = summary.plus(ImportPostgresStep.run(
                        new ImportPostgresStep.Request(
                                expandExport, expanded, "public", false, false, true, backups, tenant),
                        progress)
                .report());
        ValidateStep.Outcome expand = ValidateStep.run(new ValidateStep.Request(
                ValidateStep.endpoint(Database.of(new SqliteTarget(sqliteFile)), null),
                ValidateStep.endpoint(Database.of(expanded), "public"),
                expandExport,
                tenant,
                null,
                null));
        summary = summary.plus(expand.step());
        LOG.info("demo: validation after the expansion: {}", expand.report().overallStatus());

        summary = summary.withValidation(
                        collapse.report().passed() && expand.report().passed() ? "PASS" : "FAIL")
                .withFile("demo directory: " + dir)
                .withFile("SQLite file of " + tenant.email() + ": " + sqliteFile)
                .withFile("export from PostgreSQL: " + collapseExport)
                .withFile("export from SQLite: " + expandExport)
                .withFile("validation after the collapse: " + collapse.reportFile())
                .withFile("validation after the expansion: " + expand.reportFile());
        return new Result(summary, collapse, expand);
    }

    private static void loadReference(PostgresTarget db) {
        try (Connection c = connect(db)) {
            SqlScriptRunner.run(c, resource(SCHEMA), "multi_user_schema.sql");
            SqlScriptRunner.run(c, resource(DATA), "sample_data.sql");
        } catch (SQLException e) {
            throw MigrateException.runtime("cannot load the reference database: " + e.getMessage(), e);
        }
    }

    /** Deletes the user; the reference schema's foreign keys cascade to everything the user owns. */
    private void deleteUser(PostgresTarget db) {
        PostgresDialect q = PostgresDialect.INSTANCE;
        String sql = "delete from " + q.quote(tenant.usersTable()) + " where " + q.quote(tenant.emailColumn()) + " = ?";
        try (Connection c = connect(db);
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant.email());
            if (s.executeUpdate() != 1) {
                throw MigrateException.input("user not found: " + tenant.email());
            }
        } catch (SQLException e) {
            throw MigrateException.runtime("cannot delete " + tenant.email() + ": " + e.getMessage(), e);
        }
    }

    private static void execute(PostgresTarget db, String sql) {
        try (Connection c = connect(db);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw MigrateException.runtime("demo: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(PostgresTarget db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.properties());
    }

    private static String resource(String name) {
        try (InputStream in = Demo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw MigrateException.runtime("the reference database " + name + " is missing from the jar", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw MigrateException.runtime("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** {@code alice@example.com} → {@code alice}: a file name without surprises. */
    static String fileName(String email) {
        String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        String safe = local.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "user" : safe;
    }
}
