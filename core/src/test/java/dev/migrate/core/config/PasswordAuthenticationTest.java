package dev.migrate.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test server trusts every connection, which would let a wrong password pass unnoticed. This
 * class makes the server demand a password (scram-sha-256) for one role of its own, then proves
 * that the password resolved from each source is the one the server receives. The server's
 * pg_hba.conf is restored afterwards.
 */
class PasswordAuthenticationTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    private static final String ROLE = "migrate_pw_user";
    private static final String PASSWORD = "Pw:@/ s3cret\\x";

    private static String originalHba;
    private static String hbaFile;

    @TempDir
    Path home;

    @BeforeAll
    static void requirePasswordForOurRole() throws Exception {
        // Never rewrite the access rules of a server we did not start ourselves.
        assumeTrue(System.getenv("MIGRATE_TEST_PG_URL") == null, "only on the embedded test server");
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("select current_setting('hba_file'), pg_read_file(current_setting('hba_file'))")) {
                rs.next();
                hbaFile = rs.getString(1);
                originalHba = rs.getString(2);
            }
            // COPY's text format would escape tabs and backslashes; only rewrite a file without them.
            assumeTrue(!originalHba.contains("\t") && !originalHba.contains("\\"), "pg_hba.conf not rewritable");
            s.execute("create role " + ROLE + " login password '" + PASSWORD.replace("'", "''") + "'");
            writeHba(s, "host all " + ROLE + " all scram-sha-256\n" + originalHba);
        }
    }

    @AfterAll
    static void restoreHba() throws Exception {
        if (originalHba == null || hbaFile == null) {
            return;
        }
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            writeHba(s, originalHba);
        }
    }

    private static void writeHba(Statement s, String content) throws SQLException, InterruptedException {
        String literal = "E'" + content.replace("\\", "\\\\").replace("'", "''").replace("\n", "\\n") + "'";
        s.execute("copy (select line from unnest(string_to_array(" + literal + ", E'\\n')) with ordinality"
                + " as l(line, n) order by n) to '" + hbaFile.replace("'", "''") + "'");
        try (ResultSet rs = s.executeQuery("select pg_reload_conf()")) {
            rs.next();
        }
        Thread.sleep(300); // the postmaster reloads asynchronously
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private String url(String userinfo) {
        return "postgresql://" + userinfo + "@" + db.server().host() + ":"
                + db.server().port() + "/" + db.name();
    }

    private static String currentUser(PostgresTarget t) throws SQLException {
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.properties());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theServerNowRefusesAWrongPasswordWithoutEchoingIt() {
        PostgresTarget wrong = PostgresTarget.resolve(url(ROLE + ":Wrong-Password-9"), "--from", env());
        assertThatThrownBy(() -> currentUser(wrong))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("Wrong-Password-9");
        PostgresTarget none = PostgresTarget.resolve(url(ROLE), "--from", env());
        assertThatThrownBy(() -> currentUser(none)).isInstanceOf(SQLException.class);
    }

    @Test
    void aPercentEncodedPasswordInTheUrlIsSent() throws Exception {
        PostgresTarget t = PostgresTarget.resolve(url(ROLE + ":Pw%3A%40%2F%20s3cret%5Cx"), "--from", env());
        assertThat(currentUser(t)).isEqualTo(ROLE);
    }

    @Test
    void pgpasswordIsSent() throws Exception {
        PostgresTarget t = PostgresTarget.resolve(url(ROLE), "--from", env("PGPASSWORD", PASSWORD));
        assertThat(currentUser(t)).isEqualTo(ROLE);
    }

    @Test
    void postgresVariablesAreSent() throws Exception {
        PostgresTarget t = PostgresTarget.resolve(
                null,
                "--from",
                env(
                        "POSTGRES_HOST", db.server().host(),
                        "POSTGRES_PORT", Integer.toString(db.server().port()),
                        "POSTGRES_DB", db.name(),
                        "POSTGRES_USER", ROLE,
                        "POSTGRES_PASSWORD", PASSWORD));
        assertThat(currentUser(t)).isEqualTo(ROLE);
    }

    @Test
    void thePasswordFileIsUsedWithEscapes() throws Exception {
        Path pgpass = home.resolve("pgpass");
        Files.writeString(
                pgpass,
                "*:" + db.server().port() + ":*:" + ROLE + ":"
                        + PASSWORD.replace("\\", "\\\\").replace(":", "\\:") + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        PostgresTarget t = PostgresTarget.resolve(url(ROLE), "--from", env("PGPASSFILE", pgpass.toString()));
        assertThat(t.passwordOrigin()).isEqualTo("password file " + pgpass);
        assertThat(currentUser(t)).isEqualTo(ROLE);

        // group-readable: ignored, as libpq does, so the server refuses
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r-----"));
        PostgresTarget ignored = PostgresTarget.resolve(url(ROLE), "--from", env("PGPASSFILE", pgpass.toString()));
        assertThat(ignored.password()).isEmpty();
        assertThatThrownBy(() -> currentUser(ignored)).isInstanceOf(SQLException.class);
    }
}
