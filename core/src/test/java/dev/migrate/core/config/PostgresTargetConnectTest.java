package dev.migrate.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.sql.PostgresDialect;
import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The resolved settings connect to a real server: URL, environment, .pgpass, awkward names. */
class PostgresTargetConnectTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path home;

    private static String[] whoAmI(PostgresTarget target) throws Exception {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.properties());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select current_user, current_database(), current_setting('application_name')")) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
        }
    }

    @Test
    void connectsWithTheUrlTheTestServerGivesUsers() throws Exception {
        PostgresTarget t = PostgresTarget.resolve(db.uri(), "--from", Map.of("HOME", home.toString()));
        assertThat(whoAmI(t)).containsExactly(db.server().user(), db.name(), "migrate");
    }

    @Test
    void connectsFromLibpqVariablesAndThePasswordFile() throws Exception {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(
                pgpass,
                "*:" + db.server().port() + ":" + db.name() + ":" + db.server().user() + ":"
                        + (db.server().password().isEmpty()
                                ? "unused-password"
                                : db.server().password()) + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = Map.of(
                "HOME", home.toString(),
                "PGHOST", db.server().host(),
                "PGPORT", Integer.toString(db.server().port()),
                "PGDATABASE", db.name(),
                "PGUSER", db.server().user());
        PostgresTarget t = PostgresTarget.resolve(null, "--from", env);
        assertThat(t.passwordOrigin()).isEqualTo("password file " + pgpass);
        assertThat(whoAmI(t)).containsExactly(db.server().user(), db.name(), "migrate");
    }

    @Test
    void connectsToDatabasesAndRolesWithAwkwardNames() throws Exception {
        String database = "my db+ü/x?y";
        String role = "Wëird User:@";
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("create database " + PostgresDialect.INSTANCE.quote(database) + " template template0");
            s.execute("create role " + PostgresDialect.INSTANCE.quote(role) + " login password 'pw:@/?#'");
        }
        String url = "postgresql://W%C3%ABird%20User%3A%40:pw%3A%40%2F%3F%23@"
                + db.server().host() + ":" + db.server().port()
                + "/my%20db%2B%C3%BC%2Fx%3Fy?application_name=named%20app";
        PostgresTarget t = PostgresTarget.resolve(url, "--to", Map.of("HOME", home.toString()));
        assertThat(t.user()).isEqualTo(role);
        assertThat(t.database()).isEqualTo(database);
        assertThat(t.password()).contains("pw:@/?#");
        assertThat(whoAmI(t)).containsExactly(role, database, "named app");
    }
}
