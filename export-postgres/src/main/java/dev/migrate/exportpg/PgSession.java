package dev.migrate.exportpg;

import dev.migrate.core.MigrateException;
import dev.migrate.core.canonical.PostgresValues;
import dev.migrate.core.sql.PostgresDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection of an export and its one transaction: {@code REPEATABLE READ READ ONLY}, so
 * the catalog and every table are read from the same snapshot however the application writes
 * meanwhile. Session settings make PostgreSQL's text forms canonical ({@link
 * PostgresValues#SESSION_SETTINGS}: UTC, ISO dates, ISO-8601 intervals, shortest exact floats, hex
 * bytea) and turn row-level security into an error rather than silently missing rows (as pg_dump
 * does).
 */
final class PgSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PgSession.class);

    private final Connection connection;
    private final String target;
    private final String password;
    private final String serverVersion;
    private final String database;

    private PgSession(Connection connection, String target, String password, String serverVersion, String database) {
        this.connection = connection;
        this.target = target;
        this.password = password;
        this.serverVersion = serverVersion;
        this.database = database;
    }

    /** Connects, configures the session and starts the snapshot transaction. */
    static PgSession open(String jdbcUrl, Properties properties, List<String> schemas) {
        String target = ConnectionTarget.describe(jdbcUrl);
        String password = properties.getProperty("password");
        String user = properties.getProperty("user", "");
        Properties p = new Properties();
        p.putAll(properties);
        p.putIfAbsent("ApplicationName", "migrate export-postgres");
        Connection c;
        try {
            c = new org.postgresql.Driver().connect(jdbcUrl, p);
        } catch (SQLException e) {
            throw PgErrors.connect(e, target, user, password);
        }
        if (c == null) {
            throw MigrateException.input("not a PostgreSQL JDBC URL: " + target);
        }
        try {
            c.setAutoCommit(true);
            // The text forms core's PostgresValues expects (UTC, ISO, iso_8601, exact floats, hex).
            PostgresValues.prepareSession(c);
            try (PreparedStatement s = c.prepareStatement("SELECT pg_catalog.set_config('row_security', 'off', false),"
                    + " pg_catalog.set_config('statement_timeout', '0', false),"
                    + " pg_catalog.set_config('idle_in_transaction_session_timeout', '0', false),"
                    + " pg_catalog.set_config('lock_timeout', '60s', false),"
                    // Rows in heap order whatever else scans the table: with synchronized scans a
                    // big table's scan joins one already running in another session and starts
                    // mid-table, so two exports of the same data wrote their rows in another order
                    // (seen on the tenant workload's charts while another session read it).
                    + " pg_catalog.set_config('synchronize_seqscans', 'off', false),"
                    + " pg_catalog.set_config('search_path', ?, false)")) {
                // pg_catalog first: the text forms and catalog output never depend on user objects.
                s.setString(
                        1,
                        "pg_catalog, "
                                + schemas.stream()
                                        .map(PostgresDialect.INSTANCE::quote)
                                        .collect(Collectors.joining(", ")));
                s.executeQuery().close();
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                // The first query of the transaction takes the snapshot.
                try (ResultSet rs = s.executeQuery(
                        "SELECT pg_catalog.current_setting('server_version'), pg_catalog.current_database()")) {
                    rs.next();
                    String version = rs.getString(1);
                    String db = rs.getString(2);
                    LOG.info("exporting from PostgreSQL {} at {} in one REPEATABLE READ snapshot", version, target);
                    return new PgSession(c, target, password, version, db);
                }
            }
        } catch (SQLException e) {
            closeQuietly(c);
            throw PgErrors.query(e, target, null, password);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    /** {@code host:port/db} for messages. */
    String target() {
        return target;
    }

    String serverVersion() {
        return serverVersion;
    }

    String database() {
        return database;
    }

    /** A driver exception as a one-line error about this connection. */
    MigrateException error(SQLException e, String table) {
        return PgErrors.query(e, target, table, password);
    }

    /** Ends the read-only transaction (nothing to keep: it only read). */
    @Override
    public void close() {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("rollback at close failed", e);
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("close failed", e);
        }
    }
}
