package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.Datasets;
import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL sample databases (Chinook, Northwind, Pagila) moved into SQLite through the real
 * CLI: export-postgres, import-sqlite, then validate, which compares every table's row count and
 * its order-independent checksum over the staging codecs' canonical values. Row counts are the
 * datasets' READMEs'; a few values are also read back from the SQLite file as stored.
 */
class PostgresDatasetsToSqliteTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @Test
    void chinookMovesIntoSqliteWithEveryValue(@TempDir Path dir) throws Exception {
        String source = load("chinook", "chinook/Chinook_PostgreSql_AutoIncrementPKs.sql");
        Path target = migrate(dir, source);

        assertCounts(
                target,
                Map.of("album", 347L, "artist", 275L, "invoice_line", 2240L, "playlist_track", 8715L, "track", 3503L));
        assertThat(SqliteFiles.rows(
                        target, "select name, unit_price, typeof(unit_price) from track where track_id = 1"))
                .containsExactly(List.of("For Those About To Rock (We Salute You)", "0.99", "text"));
    }

    @Test
    void northwindMovesIntoSqliteWithEveryValue(@TempDir Path dir) throws Exception {
        String source = load("northwind", "northwind-postgres/northwind.sql");
        Path target = migrate(dir, source);

        assertCounts(
                target,
                Map.of("orders", 830L, "order_details", 2155L, "customers", 91L, "products", 77L, "territories", 53L));
        assertThat(SqliteFiles.rows(target, "select order_date, typeof(freight) from orders where order_id = 10248"))
                .containsExactly(List.of("1996-07-04", "real"));
    }

    @Test
    void pagilaMovesIntoSqliteWithPartitionsAsOneTableAndNamesWhatIsNotMigrated(@TempDir Path dir) throws Exception {
        String source = db.createDatabase("pagila");
        db.runScript(source, Datasets.dataset("pagila/pagila-schema.sql"));
        db.runScript(source, Datasets.dataset("pagila/pagila-data.sql"));
        CliRun run = CliRun.run(
                "--from",
                url(source),
                "--to",
                dir.resolve("pagila.db").toString(),
                "--export-dir",
                dir.resolve("export").toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("validation: PASS");
        // views, triggers and functions are named, never dropped silently
        assertThat(run.out() + run.err())
                .contains("not migrated")
                .contains("film_list")
                .contains("last_updated");
        Path target = dir.resolve("pagila.db");
        assertCounts(
                target,
                Map.of("payment", 16049L, "film", 1000L, "film_actor", 5462L, "rental", 16044L, "customer", 599L));
        assertThat(SqliteFiles.rows(
                        target, "select title, rating, special_features, rental_rate from film where film_id = 1"))
                .containsExactly(
                        List.of("ACADEMY DINOSAUR", "PG", "[\"Deleted Scenes\",\"Behind the Scenes\"]", "0.99"));
    }

    private String load(String name, String script) throws Exception {
        String database = db.createDatabase(name);
        db.runScript(database, Datasets.dataset(script));
        return database;
    }

    private Path migrate(Path dir, String database) {
        Path target = dir.resolve(database + ".db");
        CliRun run = CliRun.run(
                "--from",
                url(database),
                "--to",
                target.toString(),
                "--export-dir",
                dir.resolve("export").toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("export-postgres", "import-sqlite", "validation: PASS");
        return target;
    }

    /**
     * A URL without the embedded server's password (it trusts local connections): a password
     * resolved from a URL is registered with the JVM-wide Redactor, and "postgres" would then be
     * masked inside every later "postgresql://" printed by other test classes in this JVM.
     */
    private static String url(String database) {
        var server = db.server();
        return "postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + database;
    }

    private static void assertCounts(Path target, Map<String, Long> expected) throws Exception {
        for (var e : expected.entrySet()) {
            assertThat(SqliteFiles.count(target, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }
}
