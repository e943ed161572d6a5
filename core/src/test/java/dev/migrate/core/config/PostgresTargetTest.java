package dev.migrate.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresTargetTest {

    @TempDir
    Path home;

    /** An environment with nothing in it but a HOME without a .pgpass. */
    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private PostgresTarget resolve(String url, Map<String, String> env) {
        return PostgresTarget.resolve(url, "--from", env);
    }

    @Test
    void parsesAFullUrlWithPercentEncodingAndParameters() {
        PostgresTarget t = resolve(
                "postgresql://Al%C3%AFce:p%40ss%3Aw%2Fd%20+x@db.example.com:6543/my%20db%C3%BC"
                        + "?sslmode=require&application_name=nightly&connect_timeout=5&tcpKeepAlive=true",
                env());
        assertThat(t.host()).isEqualTo("db.example.com");
        assertThat(t.port()).isEqualTo(6543);
        assertThat(t.database()).isEqualTo("my dbü");
        assertThat(t.user()).isEqualTo("Alïce");
        assertThat(t.password()).contains("p@ss:w/d +x"); // '+' is a plus in a URL, not a space
        assertThat(t.sslmode()).contains("require");
        assertThat(t.params())
                .containsExactly(
                        Map.entry("ApplicationName", "nightly"),
                        Map.entry("connectTimeout", "5"),
                        Map.entry("tcpKeepAlive", "true"));
        assertThat(t.origin()).isEqualTo("--from");
        assertThat(t.passwordOrigin()).isEqualTo("--from");
        assertThat(t.describe()).isEqualTo("db.example.com:6543/my dbü");
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/my+db%C3%BC");
        Properties p = t.properties();
        assertThat(p.getProperty("user")).isEqualTo("Alïce");
        assertThat(p.getProperty("password")).isEqualTo("p@ss:w/d +x");
        assertThat(p.getProperty("sslmode")).isEqualTo("require");
        assertThat(p.getProperty("ApplicationName")).isEqualTo("nightly");
        assertThat(p.getProperty("tcpKeepAlive")).isEqualTo("true");
    }

    @Test
    void neverShowsThePassword() {
        PostgresTarget t = resolve("postgres://app:VerySecret1@db/prod", env());
        assertThat(t.jdbcUrl()).doesNotContain("VerySecret1");
        assertThat(t.describe()).doesNotContain("VerySecret1");
        assertThat(t.toString()).doesNotContain("VerySecret1").contains("password=***");
        // registered once resolved: any message quoting it is scrubbed
        assertThat(Redactor.redact("server said VerySecret1")).isEqualTo("server said ***");
        assertThat(t.properties().getProperty("ApplicationName")).isEqualTo("migrate");
    }

    @Test
    void acceptsEverySchemeSpelling() {
        assertThat(resolve("postgres://u@h/d", env()).describe()).isEqualTo("h:5432/d");
        assertThat(resolve("postgresql+psycopg2://u@h:1/d", env()).describe()).isEqualTo("h:1/d");
        PostgresTarget jdbc = resolve("jdbc:postgresql://h:5433/d?user=u&password=pw12&sslmode=verify-full", env());
        assertThat(jdbc.user()).isEqualTo("u");
        assertThat(jdbc.password()).contains("pw12");
        assertThat(jdbc.sslmode()).contains("verify-full");
        assertThat(jdbc.params()).isEmpty();
        PostgresTarget shortForm = resolve("jdbc:postgresql:inventory", env("PGUSER", "bob"));
        assertThat(shortForm.describe()).isEqualTo("localhost:5432/inventory");
        assertThat(shortForm.user()).isEqualTo("bob");
        // query parameters override the URL's parts, as in libpq
        PostgresTarget overridden = resolve("postgresql:///?host=h2&port=7&dbname=d2&user=u2", env());
        assertThat(overridden.describe()).isEqualTo("h2:7/d2");
        assertThat(overridden.user()).isEqualTo("u2");
    }

    @Test
    void handlesIpv6Hosts() {
        PostgresTarget t = resolve("postgresql://u:pw12@[::1]:5433/db", env());
        assertThat(t.host()).isEqualTo("::1");
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/db");
        assertThat(t.describe()).isEqualTo("[::1]:5433/db");
        assertThat(resolve("postgresql://[2001:db8::7]/db", env()).port()).isEqualTo(5432);
    }

    @Test
    void refusesMalformedUrlsWithoutEchoingThePassword() {
        assertThatThrownBy(() -> resolve("postgresql://u:pw@h:99999/db", env()))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("invalid port in the URL in --from");
        // an unencoded '/' pushes the password's head into the port position: never echoed
        assertThatThrownBy(() -> resolve("postgresql://u:Sec/retPart@h/db", env()))
                .isInstanceOf(MigrateException.class)
                .hasMessageNotContaining("Sec")
                .hasMessageContaining("percent-encode");
        assertThatThrownBy(() -> resolve("postgresql://u:p%zz@h/db", env()))
                .hasMessage("invalid PostgreSQL URL in --from: bad percent-encoding in the password");
        assertThatThrownBy(() -> resolve("postgresql://h1:5432,h2:5432/db", env()))
                .hasMessageContaining("several hosts are not supported");
        assertThatThrownBy(() -> resolve("postgresql://[::1/db", env())).hasMessageContaining("closed with ]");
        assertThatThrownBy(() -> resolve("postgresql://h/db?sslmode=sometimes", env()))
                .hasMessage("sslmode \"sometimes\" from --from is not one of disable, allow, prefer, require,"
                        + " verify-ca, verify-full");
        assertThatThrownBy(() -> resolve("postgresql://%2Fvar%2Frun%2Fpostgresql/db", env()))
                .hasMessageContaining("is a Unix-socket directory (/var/run/postgresql)");
        assertThatThrownBy(() -> resolve("mysql://h/db", env())).hasMessageContaining("does not start with");
    }

    @Test
    void urlWinsOverDatabaseUrlWhichWinsOverPostgresVariablesWhichWinOverLibpq() {
        Map<String, String> env = env(
                "DATABASE_URL", "postgresql://durl@durlhost/durldb",
                "POSTGRES_HOST", "phost",
                "POSTGRES_DB", "pdb",
                "POSTGRES_USER", "puser",
                "PGHOST", "pghost",
                "PGDATABASE", "pgdb",
                "PGUSER", "pguser");
        assertThat(resolve("postgresql://flag@flaghost/flagdb", env).describe()).isEqualTo("flaghost:5432/flagdb");
        PostgresTarget fromDatabaseUrl = resolve(null, env);
        assertThat(fromDatabaseUrl.describe()).isEqualTo("durlhost:5432/durldb");
        assertThat(fromDatabaseUrl.origin()).isEqualTo("DATABASE_URL");
        env.remove("DATABASE_URL");
        PostgresTarget fromPostgresVars = resolve(null, env);
        assertThat(fromPostgresVars.describe()).isEqualTo("phost:5432/pdb");
        assertThat(fromPostgresVars.user()).isEqualTo("puser");
        assertThat(fromPostgresVars.origin()).isEqualTo("POSTGRES_* environment");
        env.remove("POSTGRES_HOST");
        env.remove("POSTGRES_DB");
        env.remove("POSTGRES_USER");
        PostgresTarget fromLibpq = resolve(null, env);
        assertThat(fromLibpq.describe()).isEqualTo("pghost:5432/pgdb");
        assertThat(fromLibpq.user()).isEqualTo("pguser");
    }

    @Test
    void aSqliteDatabaseUrlIsNotAPostgresSource() {
        PostgresTarget t = resolve(null, env("DATABASE_URL", "sqlite:///app.db", "POSTGRES_HOST", "phost"));
        assertThat(t.host()).isEqualTo("phost");
    }

    @Test
    void missingPartsFallBackToLibpqVariablesThenDefaults() {
        PostgresTarget t =
                resolve("postgresql://onlyhost", env("PGPORT", "6000", "PGUSER", "pguser", "PGSSLMODE", "disable"));
        assertThat(t.describe()).isEqualTo("onlyhost:6000/pguser"); // database defaults to the user name
        assertThat(t.sslmode()).contains("disable");
        PostgresTarget partial = resolve(null, env("POSTGRES_PASSWORD", "only-password", "PGHOST", "pghost"));
        assertThat(partial.host()).isEqualTo("pghost");
        assertThat(partial.password()).contains("only-password");
        assertThat(partial.passwordOrigin()).isEqualTo("POSTGRES_* environment");

        PostgresTarget defaults = resolve(null, env());
        String osUser = System.getProperty("user.name");
        assertThat(defaults.describe()).isEqualTo("localhost:5432/" + osUser);
        assertThat(defaults.user()).isEqualTo(osUser);
        assertThat(defaults.password()).isEmpty();
        assertThat(defaults.passwordOrigin()).isEqualTo("none");
        assertThat(defaults.sslmode()).isEmpty();
        assertThat(defaults.properties()).doesNotContainKeys("password", "sslmode");
    }

    @Test
    void postgresVariablesAreValidated() {
        assertThatThrownBy(() -> resolve(null, env("POSTGRES_PORT", "five")))
                .hasMessage("invalid port \"five\" in POSTGRES_PORT: expected a number from 1 to 65535");
        assertThatThrownBy(() -> resolve(null, env("PGSSLMODE", "maybe")))
                .hasMessageContaining("sslmode \"maybe\" from PGSSLMODE");
        assertThatThrownBy(() -> resolve(null, env("PGHOST", "/tmp")))
                .hasMessageContaining("Unix-socket directory (/tmp)");
        assertThat(resolve(null, env("POSTGRES_SSLMODE", "REQUIRE")).sslmode()).contains("require");
    }

    @Test
    void passwordComesFromTheUrlThenPgpasswordThenThePasswordFile() throws Exception {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "h:5432:d:u:from-file\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        assertThat(resolve("postgresql://u:from-url@h/d", env("PGPASSWORD", "from-env"))
                        .password())
                .contains("from-url");
        PostgresTarget fromEnv = resolve("postgresql://u@h/d", env("PGPASSWORD", "from-env"));
        assertThat(fromEnv.password()).contains("from-env");
        assertThat(fromEnv.passwordOrigin()).isEqualTo("PGPASSWORD");
        PostgresTarget fromFile = resolve("postgresql://u@h/d", env());
        assertThat(fromFile.password()).contains("from-file");
        assertThat(fromFile.passwordOrigin()).isEqualTo("password file " + pgpass);
        assertThat(resolve("postgresql://other@h/d", env()).password()).isEmpty();
    }

    @Test
    void withDatabaseKeepsTheRest() {
        PostgresTarget t = resolve("postgresql://u:pw12@h:7/d?sslmode=require", env());
        PostgresTarget other = t.withDatabase("backup db");
        assertThat(other.describe()).isEqualTo("h:7/backup db");
        assertThat(other.password()).contains("pw12");
        assertThat(other.sslmode()).contains("require");
        assertThat(other.jdbcUrl()).isEqualTo("jdbc:postgresql://h:7/backup+db");
    }
}
