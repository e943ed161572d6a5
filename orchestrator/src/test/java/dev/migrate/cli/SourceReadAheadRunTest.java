package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate --from app.sqlite --to postgresql://...} reads validate's source while the import
 * builds keys and indexes ({@code SqliteToPostgresTest} sees every Chinook table taken from that
 * read): an import that fails after its rows were loaded leaves no reading thread behind and the
 * target unchanged.
 */
class SourceReadAheadRunTest {

    private static final String THREAD = "validate-source-read-ahead";

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    /**
     * Two spellings of one instant are two texts to SQLite's UNIQUE and one timestamp to
     * PostgreSQL's, whose unique index the import builds after the load.
     */
    @Test
    void anImportFailingAfterItsRowsLoadedStopsTheReadAheadAndChangesNothing(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("events.sqlite");
        SqliteFiles.execute(source, "create table event (id integer primary key, at datetime unique)");
        SqliteFiles.execute(source, "insert into event values (1, '2024-01-01 00:00:00'), (2, '2024-01-01T00:00:00')");
        String target = db.createDatabase("ahead_failing");

        CliRun run = CliRun.run(
                "--from",
                source.toString(),
                "--to",
                db.uri(target),
                "--export-dir",
                dir.resolve("export").toString());

        assertThat(run.code()).isNotZero();
        assertThat(run.err())
                .contains("table \"event\": adding unique constraint on (at) failed")
                .doesNotContain("validat");
        assertThat(readAheadThreads()).isZero();
        try (Connection c = db.connect(target);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select count(*) from information_schema.tables where table_schema = 'public'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    private static long readAheadThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(THREAD) && t.isAlive())
                .count();
    }
}
