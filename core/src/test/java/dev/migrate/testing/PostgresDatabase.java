package dev.migrate.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database on the shared real {@link PostgresServer} for each test class:
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresDatabase db = new PostgresDatabase();
 * }</pre>
 *
 * Dropped after the class. {@link #createDatabase} makes further databases (targets, copies).
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private String name;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        String base = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        name = createDatabase(base.length() > 40 ? base.substring(0, 40) : base);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Databases are left for the server's end: dropping needs every connection closed, and a
        // test that leaked one would then fail for the wrong reason. The server is throwaway.
    }

    /** Creates an empty database with a unique name starting with {@code prefix}; returns its name. */
    public String createDatabase(String prefix) throws SQLException {
        return create(prefix, "template template0 encoding 'UTF8'");
    }

    /**
     * Creates an empty SQL_ASCII database (which stores text bytes unchecked, so it can hold text
     * that is not UTF-8); returns its name.
     */
    public String createSqlAsciiDatabase(String prefix) throws SQLException {
        return create(prefix, "encoding 'SQL_ASCII' lc_collate 'C' lc_ctype 'C' template template0");
    }

    /** Creates a database with a unique name starting with {@code prefix} and these options. */
    private String create(String prefix, String options) throws SQLException {
        String db = prefix.replaceAll("[^a-z0-9_]", "_") + "_"
                + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = server().connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("create database " + db + " " + options);
        }
        return db;
    }

    /** Creates a database as a copy of another (which must have no open connections). */
    public String copyDatabase(String source, String prefix) throws SQLException {
        return create(prefix, "template " + source);
    }

    public PostgresServer server() {
        return PostgresServer.get();
    }

    /** This class's database name. */
    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server().jdbcUrl(name);
    }

    /** {@code postgresql://user:password@host:port/db}: what a user would pass to {@code --from}/{@code --to}. */
    public String uri() {
        return server().uri(name);
    }

    public String uri(String database) {
        return server().uri(database);
    }

    public Connection connect() throws SQLException {
        return server().connect(name);
    }

    public Connection connect(String database) throws SQLException {
        return server().connect(database);
    }

    /** Runs a SQL script file (psql-style, see {@link SqlScript}) in this class's database. */
    public void runScript(Path script) throws Exception {
        try (Connection c = connect()) {
            SqlScript.run(c, script);
        }
    }

    public void runScript(String database, Path script) throws Exception {
        try (Connection c = connect(database)) {
            SqlScript.run(c, script);
        }
    }
}
