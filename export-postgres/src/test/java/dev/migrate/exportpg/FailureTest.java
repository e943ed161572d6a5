package dev.migrate.exportpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.migrate.core.MigrateException;
import dev.migrate.core.staging.Manifest;
import dev.migrate.testing.PostgresDatabase;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users can get wrong, and what can break mid-way: each is one line naming host:port/db,
 * never the password, and no staging directory (or no partial export in an existing one) is left.
 */
class FailureTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    static Path tmp;

    static final String PASSWORD = "Pa55-w0rd-never-shown";

    @BeforeAll
    static void schema() throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("""
                    create table open_data (id integer primary key, v text);
                    insert into open_data select g, 'row ' || g from generate_series(1, 5000) g;
                    create table secret (id integer primary key, v text);
                    insert into secret values (1, 'classified');
                    create table later (id integer primary key);
                    insert into later values (1);
                    """);
        }
    }

    private static Properties props(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return p;
    }

    private static ExportPostgresOptions options(String url, Properties p, Path dir) {
        return ExportPostgresOptions.builder(url, p, dir).toolVersion("test").build();
    }

    @Test
    void connectionRefusedNamesTheTargetAndNotThePassword() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = tmp.resolve("refused");
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/shop?connectTimeout=5";
        ExportPostgresOptions o = options(url, props("app", PASSWORD), dir);
        assertThat(o.toString()).doesNotContain(PASSWORD).contains("127.0.0.1:" + port + "/shop");
        assertThatThrownBy(() -> new PostgresExporter(o).run())
                .isInstanceOf(MigrateException.class)
                .hasMessage("cannot connect to PostgreSQL at 127.0.0.1:" + port + "/shop: connection refused")
                .satisfies(e -> assertThat(((MigrateException) e).kind()).isEqualTo(MigrateException.Kind.RUNTIME));
        assertThat(dir).doesNotExist();
    }

    @Test
    void unknownDatabase() {
        Path dir = tmp.resolve("nodb");
        String url = db.server().jdbcUrl("no_such_database");
        assertThatThrownBy(() -> new PostgresExporter(options(url, Staged.credentials(db), dir)).run())
                .isInstanceOf(MigrateException.class)
                .hasMessage("cannot connect to PostgreSQL at " + url.substring("jdbc:postgresql://".length())
                        + ": database \"no_such_database\" does not exist");
        assertThat(dir).doesNotExist();
    }

    @Test
    void wrongPasswordNamesTheUserButNeverThePassword() throws Exception {
        String hbaFile;
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("create role pw_user login password 'right-password'");
            try (ResultSet rs = s.executeQuery("show hba_file")) {
                rs.next();
                hbaFile = rs.getString(1);
            }
        }
        Path hba = Path.of(hbaFile);
        // The embedded server trusts local connections; require a password for this one role.
        assumeThat(Files.isWritable(hba)).as("pg_hba.conf writable by the test").isTrue();
        String original = Files.readString(hba);
        Files.writeString(hba, "host all pw_user all scram-sha-256\n" + original);
        try {
            try (Connection c = db.connect();
                    Statement s = c.createStatement()) {
                s.execute("select pg_reload_conf()");
            }
            Thread.sleep(500);
            Path dir = tmp.resolve("badpw");
            assertThatThrownBy(() -> new PostgresExporter(options(db.jdbcUrl(), props("pw_user", PASSWORD), dir)).run())
                    .isInstanceOf(MigrateException.class)
                    .hasMessageEndingWith(": password authentication failed for user \"pw_user\"")
                    .hasMessageStartingWith("cannot connect to PostgreSQL at localhost:")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
            assertThat(dir).doesNotExist();
        } finally {
            Files.writeString(hba, original);
            try (Connection c = db.connect();
                    Statement s = c.createStatement()) {
                s.execute("select pg_reload_conf()");
            }
        }
    }

    @Test
    void missingPrivilegesFailBeforeAnythingIsWritten() throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("create role limited login");
            s.execute("grant select on open_data, later to limited");
        }
        Path dir = tmp.resolve("limited");
        assertThatThrownBy(() -> new PostgresExporter(options(db.jdbcUrl(), props("limited", PASSWORD), dir)).run())
                .isInstanceOf(MigrateException.class)
                .hasMessage(
                        "missing privilege on PostgreSQL at " + db.jdbcUrl().substring("jdbc:postgresql://".length())
                                + ": permission denied for table secret");
        assertThat(dir).doesNotExist();
        // Leaving the table out works.
        ExportResult r = new PostgresExporter(
                        ExportPostgresOptions.builder(db.jdbcUrl(), props("limited", PASSWORD), dir)
                                .excludeTable("secret")
                                .build())
                .run();
        assertThat(r.totalRows()).isEqualTo(5001);
    }

    @Test
    void aConnectionLostMidExportLeavesNoPartialExport() throws Exception {
        // An earlier complete export sits in the directory: the failed run must not leave it
        // looking complete, nor leave half-written files of its own.
        Path dir = tmp.resolve("killed");
        new PostgresExporter(options(db.jdbcUrl(), Staged.credentials(db), dir)).run();
        assertThat(dir.resolve(Manifest.FILE_NAME)).exists();

        ExportListener killer = new ExportListener() {
            @Override
            public void tableStarted(String table, int index, int tables) {
                if (index == 2) {
                    try (Connection c = db.connect();
                            Statement s = c.createStatement()) {
                        s.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                                + " where application_name = 'migrate export-postgres' and pid <> pg_backend_pid()");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        assertThatThrownBy(() -> new PostgresExporter(options(db.jdbcUrl(), Staged.credentials(db), dir)).run(killer))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("connection to PostgreSQL at localhost:")
                .hasMessageContaining("was lost");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }

        Path fresh = tmp.resolve("killed-fresh");
        assertThatThrownBy(() -> new PostgresExporter(options(db.jdbcUrl(), Staged.credentials(db), fresh)).run(killer))
                .isInstanceOf(MigrateException.class);
        assertThat(fresh).doesNotExist();
    }

    @Test
    void aMissingSchemaIsNamed() {
        Path dir = tmp.resolve("noschema");
        assertThatThrownBy(() -> new PostgresExporter(
                                ExportPostgresOptions.builder(db.jdbcUrl(), Staged.credentials(db), dir)
                                        .schema("nope")
                                        .build())
                        .run())
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("schema \"nope\" does not exist in PostgreSQL at localhost:");
        assertThat(dir).doesNotExist();
    }

    @Test
    void twoExportedTablesOfTheSameNameAreRefused() throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("create schema other; create table other.open_data (id integer)");
        }
        Path dir = tmp.resolve("clash");
        assertThatThrownBy(() -> new PostgresExporter(
                                ExportPostgresOptions.builder(db.jdbcUrl(), Staged.credentials(db), dir)
                                        .schema("public")
                                        .schema("other")
                                        .build())
                        .run())
                .isInstanceOf(MigrateException.class)
                .hasMessage("table \"open_data\": a table of this name exists in schemas [other, public]; export the"
                        + " schemas separately or leave one out with --exclude-table schema.name");
        assertThat(dir).doesNotExist();
        ExportResult r = new PostgresExporter(ExportPostgresOptions.builder(db.jdbcUrl(), Staged.credentials(db), dir)
                        .schema("public")
                        .schema("other")
                        .excludeTable("other.open_data")
                        .build())
                .run();
        assertThat(r.manifest().entry("open_data").orElseThrow().rows()).isEqualTo(5000);
    }
}
