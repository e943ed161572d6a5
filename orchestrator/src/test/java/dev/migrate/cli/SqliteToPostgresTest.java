package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.Datasets;
import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A whole SQLite application database (Chinook) moved into PostgreSQL through the real CLI. */
class SqliteToPostgresTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @Test
    void chinookMovesIntoPostgresWithEveryRowAndPasses(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("chinook.sqlite");
        Files.copy(Datasets.dataset("chinook/Chinook_Sqlite_AutoIncrementPKs.sqlite"), source);
        String target = db.createDatabase("chinook_target");

        CliRun run = CliRun.run(
                "--verbose",
                "--from",
                source.toString(),
                "--to",
                db.uri(target),
                "--export-dir",
                dir.resolve("export").toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("export-sqlite", "import-postgres", "validation: PASS");
        List<String> tables = SqliteFiles.rows(
                        source, "select name from sqlite_schema where type = 'table' and name not like 'sqlite%'")
                .stream()
                .map(r -> r.get(0))
                .toList();
        // Validate read every source table while the server built keys and indexes (SourceReadAhead).
        assertThat(tables).hasSize(11);
        for (String table : tables) {
            assertThat(run.err()).as(table).contains("debug: table " + table + ": source read ahead");
        }
        for (String table : List.of("Album", "Artist", "Customer", "Employee", "Invoice", "InvoiceLine", "Track")) {
            long expected = SqliteFiles.count(source, table);
            try (Connection c = db.connect(target);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
                rs.next();
                assertThat(rs.getLong(1)).as(table).isEqualTo(expected);
            }
        }
        List<List<String>> sqliteAlbum =
                SqliteFiles.rows(source, "select Title from Album where AlbumId in (1, 347) order by AlbumId");
        try (Connection c = db.connect(target);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select \"Title\" from \"Album\" where \"AlbumId\" in (1, 347) order by \"AlbumId\"")) {
            assertThat(SqliteFiles.Rows.all(rs)).isEqualTo(sqliteAlbum);
        }
        // identities continue past max(id): an insert without an id works
        try (Connection c = db.connect(target);
                Statement s = c.createStatement()) {
            s.execute("insert into \"Artist\" (\"Name\") values ('new artist')");
        }
    }

    @Test
    void dryRunOfASqliteSourcePlansAndWritesNothing(@TempDir Path dir) {
        Path source = Datasets.dataset("chinook/Chinook_Sqlite_AutoIncrementPKs.sqlite");
        Path export = dir.resolve("export");

        CliRun run = CliRun.run(
                "--from", source.toString(), "--to", db.uri(), "--export-dir", export.toString(), "--dry-run");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("steps:   export-sqlite -> import-postgres -> validate")
                .contains("Artist  (275 rows)")
                .containsPattern("InvoiceDate +DATETIME -> timestamp -> timestamp");
        assertThat(run.out().indexOf("Artist  (")).isLessThan(run.out().indexOf("Album  ("));
        assertThat(export).doesNotExist();
    }

    @Test
    void bothSidesSqliteIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.run(
                "--from",
                dir.resolve("a.db").toString(),
                "--to",
                dir.resolve("b.db").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.lastErrLine()).contains("one side must be PostgreSQL and the other SQLite");
    }
}
