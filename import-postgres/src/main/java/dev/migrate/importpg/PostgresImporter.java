package dev.migrate.importpg;

import dev.migrate.core.MigrateException;
import dev.migrate.core.canonical.PostgresValues;
import dev.migrate.core.staging.StagingReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a staging directory into PostgreSQL: the one entry point of this module.
 *
 * <pre>{@code
 * ImportResult r = new PostgresImporter(ImportPostgresOptions.of(dir, "jdbc:postgresql://h:5432/db", props))
 *         .run(ImportListener.NONE);
 * }</pre>
 *
 * <p>Order of work: the staging directory is verified ({@link StagingReader#open}) and its names
 * checked before the target is contacted; then, in ONE transaction (REPEATABLE READ, the touched
 * tables locked against writers first): backup of the tables it will change, DDL, COPY of every
 * table, keys and indexes, foreign keys, sequences, ANALYZE, commit. Any error or interruption
 * (including a killed process or a dropped connection) leaves the target exactly as it was,
 * because PostgreSQL rolls back DDL and data together.
 *
 * <p>With {@link ImportPostgresOptions#tenant()} set, the staged single-user data is merged into
 * an existing multi-user schema instead (see {@link TenantImport}).
 */
public final class PostgresImporter {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresImporter.class);

    private final ImportPostgresOptions options;

    public PostgresImporter(ImportPostgresOptions options) {
        this.options = options;
    }

    /**
     * Runs the import.
     *
     * @throws MigrateException for anything the user can fix or must know (one line, with a
     *     location); the target is unchanged
     */
    public ImportResult run(ImportListener listener) {
        long start = System.nanoTime();
        ImportListener l = listener == null ? ImportListener.NONE : listener;
        l.step("verifying the staging directory");
        StagingReader staging = StagingReader.open(options.stagingDir());
        if (options.tenant() == null) {
            PgNames.requireFitting(staging.manifest().schema());
        }
        try (Connection c = connect()) {
            String database = Sql.queryString(c, "SELECT current_database()");
            PostgresValues.prepareSession(c);
            TargetCatalog before = TargetCatalog.read(c, options.schema());
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            ImportContext ctx = new ImportContext(options, c, staging, l, database);
            try {
                if (options.tenant() != null) {
                    new TenantImport(ctx).run(before);
                } else {
                    new FullImport(ctx).run(before);
                }
                l.step("committing");
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c);
                throw e;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.info("imported {} tables into {} in {} s", ctx.stats.size(), database, seconds);
            return new ImportResult(
                    database,
                    options.schema(),
                    ctx.finalStats(),
                    ctx.warnings,
                    ctx.backup,
                    ctx.userId,
                    ctx.userCreated,
                    seconds);
        } catch (SQLException e) {
            throw SqlErrors.statement(dev.migrate.core.Location.NONE, "importing", e);
        }
    }

    private Connection connect() {
        Properties p = new Properties();
        p.putAll(options.connectionProperties());
        p.putIfAbsent("ApplicationName", "migrate import-postgres");
        try {
            return DriverManager.getConnection(options.jdbcUrl(), p);
        } catch (SQLException e) {
            throw SqlErrors.connect(options.jdbcUrl(), p, e);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // The connection is gone: the server has already discarded the transaction.
            LOG.debug("rollback failed: {}", e.getMessage());
        }
    }
}
