package dev.migrate.importpg;

import static dev.migrate.importpg.StagingFixture.row;
import static dev.migrate.importpg.StagingFixture.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.core.MigrateException;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Problems found before or while connecting: one line, a kind, no secret. */
class ConnectionErrorsTest extends ImportTestSupport {

    private Path staging() {
        return StagingFixture.fromSqlite()
                .add(table("t").notNull("id", StagingType.of(StagingKind.INT64)).pk("id"), row(1L))
                .write(tmp.resolve("conn-" + System.nanoTime()));
    }

    @Test
    void anUnknownDatabaseIsARuntimeFailureNamedWithoutTheCredentials() {
        Properties p = credentials();
        p.setProperty("password", "s3cret-Pa55word");
        var e = catchThrowableOfType(
                MigrateException.class,
                () -> new PostgresImporter(
                                ImportPostgresOptions.of(staging(), db.server().jdbcUrl("no_such_db"), p))
                        .run(ImportListener.NONE));
        assertThat(e.getMessage())
                .startsWith("cannot connect to PostgreSQL at " + db.server().host() + ":"
                        + db.server().port() + "/no_such_db: database \"no_such_db\" does not exist")
                .doesNotContain("s3cret-Pa55word")
                .doesNotContain("FATAL")
                .doesNotContain("\n");
        // The same kind (exit 4) as export-postgres and validate give for the same failure.
        assertThat(e.kind()).isEqualTo(MigrateException.Kind.RUNTIME);
    }

    @Test
    void aRefusedConnectionIsOneLineOfKindRuntime() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var e = catchThrowableOfType(
                MigrateException.class,
                () -> new PostgresImporter(ImportPostgresOptions.of(
                                staging(), "jdbc:postgresql://127.0.0.1:" + port + "/db", credentials()))
                        .run(ImportListener.NONE));
        assertThat(e.getMessage())
                .isEqualTo("cannot connect to PostgreSQL at 127.0.0.1:" + port + "/db: connection refused");
        assertThat(e.kind()).isEqualTo(MigrateException.Kind.RUNTIME);
    }

    @Test
    void aTamperedStagingIsRefusedBeforeConnecting() throws Exception {
        Path s = staging();
        Files.writeString(s.resolve("t.json"), "[\n{\"id\":2}\n]\n");
        var e = catchThrowableOfType(
                MigrateException.class,
                () -> new PostgresImporter(
                                ImportPostgresOptions.of(s, "jdbc:postgresql://127.0.0.1:1/db", credentials()))
                        .run(ImportListener.NONE));
        assertThat(e.getMessage()).contains("t.json").doesNotContain("connect");
        assertThat(e.kind()).isEqualTo(MigrateException.Kind.INPUT);
    }

    @Test
    void optionsNeverShowThePassword() {
        Properties p = new Properties();
        p.setProperty("password", "s3cret-Pa55word");
        ImportPostgresOptions o = ImportPostgresOptions.of(Path.of("x"), "jdbc:postgresql://h:5432/db?ssl=true", p);
        assertThat(o.toString()).doesNotContain("s3cret").contains("h:5432/db");
    }
}
