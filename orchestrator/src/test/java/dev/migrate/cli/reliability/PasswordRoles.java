package dev.migrate.cli.reliability;

import dev.migrate.core.sql.PostgresDialect;
import dev.migrate.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Roles that must give a password. The embedded server trusts every local connection, so a
 * password could never be wrong; this prepends {@code scram-sha-256} lines for the chosen roles
 * to the server's {@code pg_hba.conf} (found with {@code show hba_file}) and reloads it.
 * {@link #close} restores the original file.
 */
final class PasswordRoles implements AutoCloseable {

    private final PostgresServer server;
    private final Path hbaFile;
    private final String original;
    private final List<String> roles = new ArrayList<>();
    private final List<String> rules = new ArrayList<>();

    private PasswordRoles(PostgresServer server, Path hbaFile, String original) {
        this.server = server;
        this.hbaFile = hbaFile;
        this.original = original;
    }

    /** Null when the server's pg_hba.conf cannot be edited from here (an external test server). */
    static PasswordRoles open(PostgresServer server) throws SQLException, IOException {
        try (Connection c = server.connect("postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show hba_file")) {
            rs.next();
            Path file = Path.of(rs.getString(1));
            if (!Files.isWritable(file)) {
                return null;
            }
            return new PasswordRoles(server, file, Files.readString(file));
        }
    }

    /** Puts a pg_hba.conf line first (before the roles' lines and the original file) and reloads. */
    PasswordRoles rule(String line) throws SQLException, IOException {
        rules.add(line);
        write();
        return this;
    }

    /** Creates a login role with this password that must authenticate with it over TCP. */
    PasswordRoles role(String name, String password) throws SQLException, IOException {
        try (Connection c = server.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("create role " + PostgresDialect.INSTANCE.quote(name) + " login password "
                    + PostgresDialect.INSTANCE.quoteLiteral(password));
        }
        roles.add(name);
        write();
        awaitPasswordRequired(name);
        return this;
    }

    private void write() throws SQLException, IOException {
        StringBuilder lines = new StringBuilder();
        for (String r : rules) {
            lines.append(r).append('\n');
        }
        for (String r : roles) {
            lines.append("host all ").append(r).append(" 127.0.0.1/32 scram-sha-256\n");
            lines.append("host all ").append(r).append(" ::1/128 scram-sha-256\n");
        }
        Files.writeString(hbaFile, lines + original);
        reload();
    }

    /** pg_reload_conf() only signals the server: wait until the role is really asked for a password. */
    private void awaitPasswordRequired(String role) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", role);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                // Connecting without a password still works: the change has not taken effect yet.
                java.sql.DriverManager.getConnection(server.jdbcUrl("postgres"), p)
                        .close();
                sleep(50);
            } catch (SQLException expected) {
                return;
            }
        }
        throw new SQLException("pg_hba.conf change for " + role + " did not take effect");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reload() throws SQLException {
        try (Connection c = server.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
        }
    }

    @Override
    public void close() throws IOException, SQLException {
        Files.writeString(hbaFile, original);
        reload();
        sleep(200);
    }
}
