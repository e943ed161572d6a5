package dev.migrate.exportpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.SchemaSnapshot;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.staging.TableEntry;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.testing.Datasets;
import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared sample databases (Chinook, Northwind, Pagila) loaded into PostgreSQL and exported:
 * row counts equal the READMEs', sample values are checked, and what is not migrated is named.
 */
class DatasetExportTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path tmp;

    private static Map<String, Long> counts(Manifest m) {
        return m.tables().stream()
                .collect(Collectors.toMap(TableEntry::table, TableEntry::rows, (a, b) -> a, LinkedHashMap::new));
    }

    /** Every foreign key points at a table exported earlier (or at itself). */
    private static void assertDependencyOrder(SchemaSnapshot schema) {
        List<String> names = schema.tables().stream().map(TableSchema::name).toList();
        for (TableSchema t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                assertThat(names.indexOf(fk.referencedTable()))
                        .as(t.name() + " -> " + fk.referencedTable())
                        .isLessThanOrEqualTo(names.indexOf(t.name()));
            }
        }
    }

    @Test
    void chinook() throws Exception {
        String database = db.createDatabase("chinook");
        // The script creates and switches databases itself; SqlScript skips that, loading it here.
        db.runScript(database, Datasets.dataset("chinook/Chinook_PostgreSql_AutoIncrementPKs.sql"));
        Path dir = tmp.resolve("chinook");
        ExportResult r = new PostgresExporter(Staged.options(db, database, dir).build()).run();

        Manifest m = StagingReader.open(dir).manifest();
        assertThat(counts(m))
                .containsOnly(
                        entry("album", 347L),
                        entry("artist", 275L),
                        entry("customer", 59L),
                        entry("employee", 8L),
                        entry("genre", 25L),
                        entry("invoice", 412L),
                        entry("invoice_line", 2240L),
                        entry("media_type", 5L),
                        entry("playlist", 18L),
                        entry("playlist_track", 8715L),
                        entry("track", 3503L));
        assertThat(r.totalRows()).isEqualTo(15_607L);
        assertDependencyOrder(m.schema());

        Map<String, Object> track = Staged.byKey(dir, "track", "track_id").get("1");
        assertThat(track)
                .containsEntry("name", "For Those About To Rock (We Salute You)")
                .containsEntry("composer", "Angus Young, Malcolm Young, Brian Johnson")
                .containsEntry("milliseconds", 343719L)
                .containsEntry("bytes", 11170334L)
                .containsEntry("unit_price", "0.99");
        assertThat(Staged.byKey(dir, "invoice", "invoice_id").get("1"))
                .containsEntry("invoice_date", "2021-01-01 00:00:00")
                .containsEntry("billing_address", "Theodor-Heuss-Straße 34")
                .containsEntry("billing_state", null)
                .containsEntry("total", "1.98");
        assertThat(Staged.byKey(dir, "artist", "artist_id").get("1")).containsEntry("name", "AC/DC");

        TableSchema trackSchema = m.schema().table("track").orElseThrow();
        ColumnSchema id = trackSchema.column("track_id").orElseThrow();
        assertThat(id.identity().kind()).isEqualTo("identity_always");
        assertThat(id.identity().lastValue()).isEqualTo(3503L);
        assertThat(trackSchema.column("unit_price").orElseThrow().type()).isEqualTo(StagingType.decimal(10, 2));
        assertThat(m.schema().table("playlist_track").orElseThrow().primaryKey())
                .containsExactly("playlist_id", "track_id");
        // employee.reports_to is a self-reference: no cycle note.
        assertThat(m.schema().table("employee").orElseThrow().foreignKeys())
                .anyMatch(fk -> fk.referencedTable().equals("employee"));
        assertThat(r.warnings()).noneMatch(w -> w.contains("cycle"));
        assertThat(r.warnings()).noneMatch(w -> w.startsWith("not migrated"));
    }

    @Test
    void northwind() throws Exception {
        String database = db.createDatabase("northwind");
        db.runScript(database, Datasets.dataset("northwind-postgres/northwind.sql"));
        Path dir = tmp.resolve("northwind");
        ExportResult r = new PostgresExporter(Staged.options(db, database, dir).build()).run();

        Manifest m = StagingReader.open(dir).manifest();
        assertThat(counts(m))
                .containsOnly(
                        entry("categories", 8L),
                        entry("customer_customer_demo", 0L),
                        entry("customer_demographics", 0L),
                        entry("customers", 91L),
                        entry("employee_territories", 49L),
                        entry("employees", 9L),
                        entry("order_details", 2155L),
                        entry("orders", 830L),
                        entry("products", 77L),
                        entry("region", 4L),
                        entry("shippers", 6L),
                        entry("suppliers", 29L),
                        entry("territories", 53L),
                        entry("us_states", 51L));
        assertThat(r.totalRows()).isEqualTo(3_362L);
        assertDependencyOrder(m.schema());
        assertThat(Staged.rows(dir, "customer_demographics")).isEmpty();

        Map<String, Object> chai = Staged.byKey(dir, "products", "product_id").get("1");
        assertThat(chai)
                .containsEntry("product_name", "Chai")
                .containsEntry("unit_price", 18.0)
                .containsEntry("discontinued", 1L);
        assertThat(Staged.byKey(dir, "products", "product_id").get("77"))
                .containsEntry("product_name", "Original Frankfurter grüne Soße");
        assertThat(Staged.byKey(dir, "orders", "order_id").get("10248"))
                .containsEntry("customer_id", "VINET")
                .containsEntry("order_date", "1996-07-04")
                .containsEntry("freight", 32.38);
        // The dump's pictures are empty bytea literals ('\x'): present, zero bytes.
        assertThat((byte[])
                        Staged.byKey(dir, "categories", "category_id").get("1").get("picture"))
                .isEmpty();
        TableSchema products = m.schema().table("products").orElseThrow();
        assertThat(products.column("unit_price").orElseThrow().type().kind()).isEqualTo(StagingKind.FLOAT32);
        assertThat(products.column("product_id").orElseThrow().type().kind()).isEqualTo(StagingKind.INT16);
        assertThat(m.schema()
                        .table("customers")
                        .orElseThrow()
                        .column("customer_id")
                        .orElseThrow()
                        .type())
                .isEqualTo(StagingType.varchar(5));
        assertThat(m.schema().table("order_details").orElseThrow().primaryKey())
                .containsExactly("order_id", "product_id");
    }

    @Test
    void pagila() throws Exception {
        String database = db.createDatabase("pagila");
        db.runScript(database, Datasets.dataset("pagila/pagila-schema.sql"));
        db.runScript(database, Datasets.dataset("pagila/pagila-data.sql"));
        Path dir = tmp.resolve("pagila");
        ExportResult r = new PostgresExporter(Staged.options(db, database, dir).build()).run();

        Manifest m = StagingReader.open(dir).manifest();
        // The partitioned payment table exports once, through its parent; partitions are not tables.
        assertThat(counts(m))
                .containsOnly(
                        entry("actor", 200L),
                        entry("address", 603L),
                        entry("category", 16L),
                        entry("city", 600L),
                        entry("country", 109L),
                        entry("customer", 599L),
                        entry("film", 1000L),
                        entry("film_actor", 5462L),
                        entry("film_category", 2367L),
                        entry("inventory", 4581L),
                        entry("language", 6L),
                        entry("payment", 16049L),
                        entry("rental", 16044L),
                        entry("staff", 1500L),
                        entry("store", 500L));
        assertThat(r.totalRows()).isEqualTo(49_636L);
        assertDependencyOrder(m.schema());

        Map<String, Object> film = Staged.byKey(dir, "film", "film_id").get("1");
        assertThat(film)
                .containsEntry("title", "ACADEMY DINOSAUR")
                .containsEntry("release_year", 2012L)
                .containsEntry("rating", "PG")
                .containsEntry("special_features", List.of("Deleted Scenes", "Behind the Scenes"))
                .containsEntry("rental_rate", "0.99")
                .containsEntry("last_update", "2022-09-10 16:46:03.905795+00:00");
        assertThat((String) film.get("fulltext")).startsWith("'academi':1 'battl':15");
        assertThat(Staged.byKey(dir, "payment", "payment_id").get("16050"))
                .containsEntry("customer_id", 269L)
                .containsEntry("amount", "1.99")
                .containsEntry("payment_date", "2022-06-21 07:41:50.707316+00:00");
        assertThat(Staged.byKey(dir, "staff", "staff_id").values())
                .allSatisfy(s -> assertThat(s.get("picture")).isNull());

        TableSchema filmSchema = m.schema().table("film").orElseThrow();
        assertThat(filmSchema.column("rating").orElseThrow().type()).isEqualTo(StagingType.enumOf("mpaa_rating"));
        assertThat(m.schema().enumType("mpaa_rating").orElseThrow().labels())
                .containsExactly("G", "PG", "PG-13", "R", "NC-17");
        assertThat(filmSchema.column("release_year").orElseThrow().sourceType()).isEqualTo("year");
        assertThat(filmSchema.column("release_year").orElseThrow().type().kind())
                .isEqualTo(StagingKind.INT32);
        assertThat(filmSchema.column("special_features").orElseThrow().type())
                .isEqualTo(StagingType.array(StagingType.of(StagingKind.TEXT), 1));
        assertThat(filmSchema.column("fulltext").orElseThrow().type()).isEqualTo(StagingType.sourceText("tsvector"));
        assertThat(filmSchema.indexes()).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("film_fulltext_idx");
            assertThat(i.portable()).isFalse();
            assertThat(i.definition()).contains("USING gist");
        });
        ColumnSchema paymentId =
                m.schema().table("payment").orElseThrow().column("payment_id").orElseThrow();
        assertThat(paymentId.identity().kind()).isEqualTo("serial");
        assertThat(paymentId.identity().lastValue()).isEqualTo(32098L);

        // Everything not migrated is named in the result.
        assertThat(r.warnings())
                .contains(
                        "not migrated: view actor_info",
                        "not migrated: view customer_list",
                        "not migrated: view film_list",
                        "not migrated: view nicer_but_slower_film_list",
                        "not migrated: view sales_by_film_category",
                        "not migrated: view sales_by_store",
                        "not migrated: view staff_list",
                        "not migrated: materialized view rental_by_category",
                        "not migrated: trigger film.film_fulltext_trigger",
                        "not migrated: trigger actor.last_updated",
                        "not migrated: function film_in_stock(p_film_id integer, p_store_id integer, OUT p_film_count"
                                + " integer)",
                        "not migrated: function last_updated()",
                        "not migrated: aggregate group_concat(text)");
        assertThat(r.warnings().stream().filter(w -> w.startsWith("not migrated: trigger")))
                .hasSize(15);
        assertThat(r.warnings().stream()
                        .filter(w -> w.startsWith("not migrated: function") || w.startsWith("not migrated: aggregate")))
                .hasSize(10);
        assertThat(r.warnings())
                .anyMatch(w -> w.startsWith("not migrated: domain year"))
                .anyMatch(w -> w.startsWith("not migrated: domain bıgınt"))
                .anyMatch(w -> w.startsWith("not migrated: partitioning payment"))
                .anyMatch(w -> w.startsWith("column film.fulltext (tsvector) has no mapping rule"))
                .anyMatch(w -> w.startsWith("index film.film_fulltext_idx is not portable (gist)"));
        assertThat(m.schema().skipped()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo("view");
            assertThat(s.name()).isEqualTo("actor_info");
            assertThat(s.definition()).contains("SELECT");
        });
        assertThat(r.tables().stream()
                        .filter(t -> t.table().equals("payment"))
                        .findFirst()
                        .orElseThrow()
                        .notes())
                .anyMatch(n -> n.contains("7 partitions"));
    }
}
