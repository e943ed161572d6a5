package dev.migrate.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version matrix ({@code scripts/pg-matrix.sh}) really runs the version it asks for: the
 * server the tests use is the major version of the Maven profile ({@code migrate.pg.version}), and
 * the CLI sees it too.
 */
class ServerVersionTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @Test
    void theServerIsTheVersionAskedFor(@TempDir Path work) {
        String asked = System.getProperty("migrate.pg.version");
        Assumptions.assumeTrue(
                asked != null && System.getenv("MIGRATE_TEST_PG_URL") == null,
                "only under Maven with the embedded server");
        assertThat(db.server().majorVersion()).isEqualTo(Integer.parseInt(asked));

        Run run = Run.in(
                Map.of(),
                work,
                "export-postgres",
                "--from",
                Urls.of(db),
                "--export-dir",
                work.resolve("export").toString());
        assertThat(run.code()).as(run.describe()).isZero();
        assertThat(run.err()).contains("exporting from PostgreSQL " + asked + ".");
    }
}
