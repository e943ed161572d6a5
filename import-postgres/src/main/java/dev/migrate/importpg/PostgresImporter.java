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
 * <p>Order of work: the staging directory is checked ({@link StagingReader#openForStreaming}:
 * manifest, every file present and of its size) and its names checked before the target is
 * contacted; then, in ONE transaction (REPEATABLE READ, the touched tables locked against writers
 * first): backup of the tables it will change, DDL, COPY of every table (each file's SHA-256 and
 * row count verified as it is read; a mismatch fails the import before the commit), keys and indexes, foreign keys, sequences, ANALYZE, commit. Any error or interruption
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
        l.step("checking the staging directory");
        // Manifest, files present and of their size now; each file's SHA-256 and row count while
        // it is copied (read once instead of twice: 0.5-0.8 s of every import). The transaction
        // is committed only after every table file was verified.
        // On any failure a staging problem is reported first, as when the files were verified
        // before the target was contacted: a tampered file, not the connection or the value it
        // made the server refuse. (The transaction is rolled back by then.)
        return StagingReader.importVerifying(options.stagingDir(), staging -> run(staging, l, start));
    }

    private ImportResult run(StagingReader staging, ImportListener l, long start) {
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
                // Every staged file verified before the commit, including any no step read to its end
                // (FullImport and TenantImport already did this after their loads: then a no-op).
                staging.verifyRemaining();
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
