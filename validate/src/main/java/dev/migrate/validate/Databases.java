package dev.migrate.validate;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.config.PostgresConnectError;
import dev.migrate.core.config.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections read-only and turns driver errors into one-line messages without secrets. */
final class Databases {

    private Databases() {}

    /** A PostgreSQL connection inside one REPEATABLE READ READ ONLY transaction: one snapshot for every query. */
    static Connection openPostgres(Endpoint.Postgres p) {
        try {
            Connection c = DriverManager.getConnection(p.jdbcUrl(), p.properties());
            try {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
                return c;
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            // The translation every command shares, so a failed connection reads the same everywhere.
            throw PostgresConnectError.of(
                    e,
                    p.describe(),
                    p.properties().getProperty("user"),
                    p.properties().getProperty("password"));
        }
    }

    /** A SQLite connection opened read-only, in one read transaction. */
    static Connection openSqlite(Path file) {
        if (!Files.isRegularFile(file)) {
            throw MigrateException.input(Location.file(file.toString()), "SQLite file does not exist");
        }
        try {
            Properties props = new Properties();
            props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            props.setProperty("busy_timeout", "5000");
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw MigrateException.runtime(
                    Location.file(file.toString()), "cannot open SQLite file: " + describe(e), e);
        }
    }

    /** The driver's message, first line only, secrets redacted. */
    static String describe(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return Redactor.redact(nl < 0 ? m : m.substring(0, nl)).strip();
    }

    static MigrateException failure(Endpoint where, String table, String what, SQLException e) {
        return MigrateException.runtime(
                table == null ? Location.NONE : Location.table(table),
                what + " on " + where.describe() + ": " + describe(e),
                e);
    }
}
