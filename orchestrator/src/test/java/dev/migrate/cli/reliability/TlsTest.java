package dev.migrate.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * sslmode is honoured, however it is given (URL {@code ?sslmode=}, {@code POSTGRES_SSLMODE},
 * {@code PGSSLMODE}). The embedded server gets a self-signed certificate for the host name
 * {@code wrong.example.com} and {@code ssl = on}; a role is allowed in over TLS only ({@code
 * hostnossl ... reject}), so a run that succeeds as that role proves the connection was encrypted.
 * {@code require} and {@code verify-ca} (with the certificate as root) connect; {@code
 * verify-full} refuses the server because its certificate names another host; {@code disable}
 * is refused by the server.
 */
class TlsTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    static final String ROLE = "rel_tls_" + ProcessHandle.current().pid();

    @TempDir
    static Path certs;

    static Path certificate;
    static PasswordRoles hba;
    static boolean sslChanged;

    @TempDir
    Path work;

    @BeforeAll
    static void serverWithTls() throws Exception {
        hba = PasswordRoles.open(db.server());
        Assumptions.assumeTrue(hba != null, "needs the embedded server (its pg_hba.conf and data directory)");
        String dataDir = show("data_directory");
        Path key = Path.of(dataDir, "rel_tls_server.key");
        certificate = Path.of(dataDir, "rel_tls_server.crt");
        Process openssl = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-keyout",
                        key.toString(),
                        "-out",
                        certificate.toString(),
                        "-days",
                        "2",
                        "-subj",
                        "/CN=wrong.example.com")
                .redirectErrorStream(true)
                .start();
        boolean made = openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0;
        Assumptions.assumeTrue(made, "needs openssl to make a certificate");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.copy(certificate, certs.resolve("root.crt"));
        try (Connection c = db.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("alter system set ssl_cert_file = '" + certificate + "'");
            s.execute("alter system set ssl_key_file = '" + key + "'");
            s.execute("alter system set ssl = on");
            s.execute("select pg_reload_conf()");
            s.execute("create role " + ROLE + " login");
            s.execute("grant select on all tables in schema public to " + ROLE);
        }
        sslChanged = true;
        awaitSsl("on");
        hba.rule("hostnossl all " + ROLE + " 127.0.0.1/32 reject").rule("hostnossl all " + ROLE + " ::1/128 reject");
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("create table t (id int primary key, v text)");
            s.execute("insert into t values (1, 'over tls')");
            s.execute("grant select on t to " + ROLE);
        }
    }

    @AfterAll
    static void serverWithoutTls() throws Exception {
        if (hba != null) {
            hba.close();
        }
        if (sslChanged) {
            try (Connection c = db.connect("postgres");
                    Statement s = c.createStatement()) {
                s.execute("alter system reset ssl");
                s.execute("alter system reset ssl_cert_file");
                s.execute("alter system reset ssl_key_file");
                s.execute("select pg_reload_conf()");
            }
            awaitSsl("off");
        }
    }

    @Test
    void requireConnectsOverTls() {
        Run run = export(Map.of(), url("?sslmode=require"));
        assertThat(run.code()).as(run.describe()).isZero();
    }

    @Test
    void theServerRefusesThisRoleWithoutTls() {
        Run run = export(Map.of(), url("?sslmode=disable"));
        run.assertOneLineError(4, "cannot connect to PostgreSQL at ");
        assertThat(run.lastErrLine()).contains("no encryption");
    }

    @Test
    void verifyCaAcceptsTheServerWhoseCertificateIsTheRoot() {
        Run run = export(Map.of(), url("?sslmode=verify-ca&sslrootcert=" + certs.resolve("root.crt")));
        assertThat(run.code()).as(run.describe()).isZero();
    }

    @Test
    void verifyFullRefusesACertificateForAnotherHostName() {
        Run run = export(Map.of(), url("?sslmode=verify-full&sslrootcert=" + certs.resolve("root.crt")));
        run.assertOneLineError(4, "cannot connect to PostgreSQL at ");
        assertThat(run.lastErrLine()).containsIgnoringCase("host");
        assertThat(work.resolve("export")).doesNotExist();
    }

    /** In its own JVM, as users run it: the driver's own logging must not add lines to the error. */
    @Test
    void verifyFullRefusalIsOneLineOnTheRealStderr() throws Exception {
        ForkedCli fork = ForkedCli.start(
                work,
                Map.of(),
                "export-postgres",
                "--from",
                url("?sslmode=verify-full&sslrootcert=" + certs.resolve("root.crt")),
                "--export-dir",
                work.resolve("export").toString());
        int code = fork.waitFor(120);
        assertThat(code).isEqualTo(4);
        assertThat(fork.err().strip().split("\\R"))
                .as(fork.err())
                .singleElement()
                .asString()
                .startsWith("error: cannot connect to PostgreSQL at ");
    }

    /**
     * The driver's own line about the refusal (pgjdbc logs it through java.util.logging) is
     * bridged into our logging: in the log file and on the console with --verbose, redacted like
     * every line, and never on a plain run's console.
     */
    @Test
    void theDriversLinesFollowOurLoggingLevels() throws Exception {
        String from = url("?sslmode=verify-full&sslrootcert=" + certs.resolve("root.crt"));
        Path log = work.resolve("run.log");
        Run withLogFile = Run.in(
                Map.of(),
                work,
                "export-postgres",
                "--from",
                from,
                "--export-dir",
                work.resolve("export").toString(),
                "--log-file",
                log.toString());
        withLogFile.assertOneLineError(4, "cannot connect to PostgreSQL at ");
        assertThat(withLogFile.errLines()).as(withLogFile.describe()).hasSize(1);
        assertThat(Files.readString(log)).contains("PGjdbcHostnameVerifier", "Server name validation failed");

        Run verbose = Run.in(
                Map.of(),
                work,
                "export-postgres",
                "--from",
                from,
                "--export-dir",
                work.resolve("export").toString(),
                "--verbose");
        assertThat(verbose.code()).as(verbose.describe()).isEqualTo(4);
        assertThat(verbose.err()).as(verbose.describe()).contains("Server name validation failed");
    }

    @Test
    void sslmodeFromTheEnvironment() {
        Map<String, String> postgresEnv = Map.of(
                "POSTGRES_HOST", db.server().host(),
                "POSTGRES_PORT", Integer.toString(db.server().port()),
                "POSTGRES_DB", db.name(),
                "POSTGRES_USER", ROLE,
                "POSTGRES_SSLMODE", "require");
        Run viaPostgresVariables = export(postgresEnv, null);
        assertThat(viaPostgresVariables.code())
                .as(viaPostgresVariables.describe())
                .isZero();

        // PGSSLMODE fills in what the URL leaves out; verify-full needs a root certificate it can check
        Run viaPgsslmode = export(Map.of("PGSSLMODE", "verify-full"), url("?sslrootcert=" + certs.resolve("root.crt")));
        viaPgsslmode.assertOneLineError(4, "cannot connect to PostgreSQL at ");
    }

    private Run export(Map<String, String> env, String from) {
        Path export = work.resolve(from == null ? "export-env" : "export");
        return from == null
                ? Run.in(env, work, "export-postgres", "--export-dir", export.toString())
                : Run.in(env, work, "export-postgres", "--from", from, "--export-dir", export.toString());
    }

    private static String url(String query) {
        return "postgresql://" + ROLE + "@" + db.server().host() + ":"
                + db.server().port() + "/" + db.name() + query;
    }

    private static String show(String setting) throws SQLException {
        try (Connection c = db.connect("postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** pg_reload_conf() only signals the server: wait until new sessions see the setting. */
    private static void awaitSsl(String value) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (show("ssl").equals(value)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("ssl did not become " + value);
    }
}
