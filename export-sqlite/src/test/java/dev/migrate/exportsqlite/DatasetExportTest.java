package dev.migrate.exportsqlite;

import static dev.migrate.exportsqlite.TestFiles.column;
import static dev.migrate.exportsqlite.TestFiles.rows;
import static dev.migrate.exportsqlite.TestFiles.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.report.TableStats;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Identity;
import dev.migrate.core.schema.SkippedObject;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.testing.Datasets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real SQLite files under testdata/datasets: counts from their READMEs, values, and every quirk named. */
class DatasetExportTest {

    @TempDir
    Path tmp;

    private ExportResult export(String dataset) {
        return TestFiles.export(Datasets.dataset(dataset), tmp.resolve("out"));
    }

    private static Map<String, Long> counts(ExportResult r) {
        return r.tables().stream().collect(Collectors.toMap(TableStats::table, TableStats::rows));
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String key, Object value) {
        return rows.stream()
                .filter(m -> value.equals(m.get(key)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + key + "=" + value));
    }

    @Test
    void chinook() {
        ExportResult r = export("chinook/Chinook_Sqlite_AutoIncrementPKs.sqlite");
        assertThat(counts(r))
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("Album", 347L),
                        Map.entry("Artist", 275L),
                        Map.entry("Customer", 59L),
                        Map.entry("Employee", 8L),
                        Map.entry("Genre", 25L),
                        Map.entry("Invoice", 412L),
                        Map.entry("InvoiceLine", 2240L),
                        Map.entry("MediaType", 5L),
                        Map.entry("Playlist", 18L),
                        Map.entry("PlaylistTrack", 8715L),
                        Map.entry("Track", 3503L)));
        assertThat(r.totalRows()).isEqualTo(15_607);
        StagingReader.open(r.exportDir()); // verifies sizes, checksums and counts

        List<String> order =
                r.manifest().schema().tables().stream().map(TableSchema::name).toList();
        assertThat(order.indexOf("Artist")).isLessThan(order.indexOf("Album"));
        assertThat(order.indexOf("Album")).isLessThan(order.indexOf("Track"));
        assertThat(order.indexOf("Employee")).isLessThan(order.indexOf("Customer"));

        assertThat(column(r, "Artist", "ArtistId").identity()).isEqualTo(new Identity("autoincrement", null, 275L));
        assertThat(column(r, "Artist", "ArtistId").type()).isEqualTo(StagingType.of(StagingKind.INT64));
        assertThat(column(r, "Artist", "ArtistId").nullable()).isFalse();
        assertThat(column(r, "Track", "UnitPrice").type()).isEqualTo(StagingType.decimal(10, 2));
        assertThat(column(r, "Track", "UnitPrice").note()).contains("shortest decimal");
        assertThat(column(r, "Track", "Name").type()).isEqualTo(StagingType.varchar(200));
        assertThat(column(r, "Invoice", "InvoiceDate").type()).isEqualTo(StagingType.of(StagingKind.TIMESTAMP));
        assertThat(table(r, "PlaylistTrack").primaryKey()).containsExactly("PlaylistId", "TrackId");
        assertThat(table(r, "Album").foreignKeys())
                .containsExactly(new ForeignKey(
                        null, List.of("ArtistId"), "Artist", List.of("ArtistId"), "NO ACTION", "NO ACTION", null));
        assertThat(table(r, "Employee").foreignKeys().get(0).referencedTable()).isEqualTo("Employee");
        assertThat(table(r, "Album").indexes()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("IFK_AlbumArtistId");
            assertThat(i.columns()).containsExactly("ArtistId");
            assertThat(i.portable()).isTrue();
        });

        Map<String, Object> track = row(rows(r.exportDir(), "Track"), "TrackId", 1L);
        assertThat(track)
                .containsEntry("Name", "For Those About To Rock (We Salute You)")
                .containsEntry("UnitPrice", "0.99");
        Map<String, Object> customer = row(rows(r.exportDir(), "Customer"), "CustomerId", 1L);
        assertThat(customer).containsEntry("FirstName", "Luís").containsEntry("City", "São José dos Campos");
        Map<String, Object> invoice = row(rows(r.exportDir(), "Invoice"), "InvoiceId", 412L);
        assertThat(invoice).containsEntry("InvoiceDate", "2025-12-22 00:00:00").containsEntry("Total", "1.99");
        assertThat(r.manifest().source().dialect()).isEqualTo("sqlite");
        assertThat(r.manifest().source().database()).isEqualTo("Chinook_Sqlite_AutoIncrementPKs.sqlite");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void northwind() {
        ExportResult r = export("northwind-sqlite/northwind.db");
        assertThat(counts(r))
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("Categories", 8L),
                        Map.entry("CustomerCustomerDemo", 0L),
                        Map.entry("CustomerDemographics", 0L),
                        Map.entry("Customers", 93L),
                        Map.entry("Employees", 9L),
                        Map.entry("EmployeeTerritories", 49L),
                        Map.entry("Order Details", 2155L),
                        Map.entry("Orders", 830L),
                        Map.entry("Products", 77L),
                        Map.entry("Regions", 4L),
                        Map.entry("Shippers", 3L),
                        Map.entry("Suppliers", 29L),
                        Map.entry("Territories", 53L)));
        assertThat(r.totalRows()).isEqualTo(3_310);

        TableSchema details = table(r, "Order Details");
        assertThat(details.primaryKey()).containsExactly("OrderID", "ProductID");
        assertThat(details.checks())
                .containsExactly(
                        "CHECK ([Discount]>=(0) AND [Discount]<=(1))",
                        "CHECK ([Quantity]>(0))",
                        "CHECK ([UnitPrice]>=(0))");
        assertThat(details.foreignKeys())
                .extracting(ForeignKey::referencedTable)
                .containsExactly("Orders", "Products");
        List<Map<String, Object>> lines = rows(r.exportDir(), "Order Details");
        assertThat(lines.get(0))
                .containsEntry("OrderID", 10248L)
                .containsEntry("ProductID", 11L)
                .containsEntry("UnitPrice", "14")
                .containsEntry("Quantity", 12L)
                .containsEntry("Discount", 0.0);
        assertThat(lines.get(1)).containsEntry("UnitPrice", "9.8");

        // DATETIME columns holding dates only are dates; NUMERIC money mixing integers and reals is decimal.
        assertThat(column(r, "Orders", "OrderDate").type()).isEqualTo(StagingType.of(StagingKind.DATE));
        assertThat(column(r, "Orders", "OrderDate").note()).contains("date without a time of day");
        assertThat(column(r, "Orders", "Freight").type()).isEqualTo(StagingType.decimal(null, null));
        Map<String, Object> order = row(rows(r.exportDir(), "Orders"), "OrderID", 10248L);
        assertThat(order).containsEntry("OrderDate", "2016-07-04").containsEntry("Freight", "32.38");
        assertThat(column(r, "Orders", "OrderID").identity()).isEqualTo(new Identity("autoincrement", null, 11077L));
        assertThat(column(r, "Regions", "RegionID").identity()).isEqualTo(new Identity("rowid", null, 4L));

        Map<String, Object> category = row(rows(r.exportDir(), "Categories"), "CategoryID", 1L);
        assertThat((byte[]) category.get("Picture")).hasSize(10151);
        assertThat(HexFormat.of().formatHex((byte[]) category.get("Picture"), 0, 4))
                .isEqualTo("ffd8ffe0");
        assertThat(table(r, "Employees").foreignKeys().get(0))
                .isEqualTo(new ForeignKey(
                        null,
                        List.of("ReportsTo"),
                        "Employees",
                        List.of("EmployeeID"),
                        "NO ACTION",
                        "NO ACTION",
                        null));

        List<SkippedObject> skipped = r.manifest().schema().skipped();
        assertThat(skipped).hasSize(17).allMatch(o -> o.kind().equals("view"));
        assertThat(skipped).extracting(SkippedObject::name).contains("Order Details Extended", "ProductDetails_V");
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("17 views recorded in the manifest but not migrated"));
        assertThat(r.exportDir().resolve("Order_Details.json")).exists();
    }

    @Test
    void sqliteDbWithOddTypeNamesAndDefaults() {
        ExportResult r = export("pgloader-sqlite-tests/test-sqlite/sqlite.db");
        assertThat(r.tables()).hasSize(20);
        assertThat(r.totalRows()).isEqualTo(37);
        assertThat(counts(r))
                .containsEntry("long", 2L)
                .containsEntry("stamps", 3L)
                .containsEntry("intege", 3L)
                .containsEntry("user", 4L)
                .containsEntry("references", 0L)
                .containsEntry("autoinc", 3L);

        assertThat(column(r, "ints", "a").type()).isEqualTo(StagingType.of(StagingKind.INT16));
        assertThat(column(r, "ints", "a").defaultExpression()).isEqualTo("'0'");
        assertThat(column(r, "def", "f1").defaultExpression()).isEqualTo("\"\"");
        assertThat(column(r, "typenames", "is_public").defaultExpression()).isEqualTo("'\"0\"'");
        assertThat(column(r, "appointments", "time").defaultExpression())
                .isEqualTo("strftime('%Y-%m-%d %H:%M:%f', 'now')");
        assertThat(column(r, "datetime_default", "foo").defaultExpression()).isEqualTo("DATETIME('now', 'localtime')");
        assertThat(column(r, "double", "x").sourceType()).isEqualTo("double precision");
        assertThat(column(r, "double", "x").type()).isEqualTo(StagingType.of(StagingKind.FLOAT64));
        assertThat(column(r, "t548", "foo").type()).isEqualTo(StagingType.decimal(20, 6));
        assertThat(column(r, "unsigned", "action_flag").note()).contains("SQLite affinity rule 1");
        assertThat(column(r, "long", "name").type()).isEqualTo(StagingType.varchar(70));
        assertThat(column(r, "currentdate", "my_value").type()).isEqualTo(StagingType.of(StagingKind.DATE));
        assertThat(rows(r.exportDir(), "reals")).extracting(m -> m.get("f1")).containsExactly(0.0, 1.2, -3.14);
        assertThat(column(r, "reals", "id").identity()).isEqualTo(new Identity("autoincrement", null, 3L));
        assertThat((byte[]) rows(r.exportDir(), "blobs").get(0).get("data")).hasSize(28972);

        // intege: 1, 'toto', 12.3 in a column of an unknown type containing INT.
        assertThat(column(r, "intege", "id").type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(rows(r.exportDir(), "intege")).extracting(m -> m.get("id")).containsExactly("1", "toto", "12.3");
        assertThat(r.warnings()).anyMatch(w -> w.contains("\"intege\"") && w.contains("'toto' (text) at rowid=2"));

        // stamps: DATETIME DEFAULT 0 holding 0, ISO text, 2024.
        assertThat(column(r, "stamps", "StartTime").type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(rows(r.exportDir(), "stamps"))
                .extracting(m -> m.get("StartTime"))
                .containsExactly("0", "2014-07-30 16:18:51", null);
        assertThat(column(r, "stamps", "EndTime").type()).isEqualTo(StagingType.of(StagingKind.INT32));
        assertThat(column(r, "stamps", "EndTime").note()).contains("not consistently epoch");

        // autoinc: "integer auto_increment primary key" is no rowid alias, and holds NULLs.
        assertThat(table(r, "autoinc").primaryKey()).isEmpty();
        assertThat(r.manifest().schema().skipped())
                .anyMatch(o -> o.kind().equals("primary_key") && o.name().equals("autoinc.(id)"));
        assertThat(r.warnings()).anyMatch(w -> w.contains("\"autoinc\"") && w.contains("3 NULLs (first at rowid=1)"));
        assertThat(column(r, "autoinc", "id").identity()).isNull();
    }

    @Test
    void badUtf8IsKeptByteForByte() {
        ExportResult r = export("pgloader-sqlite-tests/test-sqlite/bad-utf8.db");
        assertThat(counts(r)).containsExactly(Map.entry("files", 3L));
        assertThat(column(r, "files", "filename").type()).isEqualTo(StagingType.of(StagingKind.BYTES));
        List<Map<String, Object>> files = rows(r.exportDir(), "files");
        assertThat((byte[]) files.get(0).get("filename")).isEqualTo("valid-file.txt".getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex((byte[]) files.get(1).get("filename")))
                .isEqualTo("66696c65966e616d652e747874");
        assertThat(r.warnings())
                .singleElement()
                .asString()
                .contains("column \"filename\"")
                .contains("x'66696c65966e616d652e747874' (blob, 13 bytes) at id=2")
                .contains("exported as bytes");
    }

    @Test
    void collidingLongNamesExportUnchangedWithAWarning() {
        ExportResult r = export("pgloader-sqlite-tests/test-sqlite/collision.db");
        String x = "col_very_long_name_that_exceeds_postgresql_identifier_limit_aaax";
        assertThat(rows(r.exportDir(), "products"))
                .singleElement()
                .satisfies(m -> assertThat(m)
                        .containsEntry("name", "apple")
                        .containsEntry(x, 10L)
                        .containsEntry(x.replace("aaax", "aaay"), 20L));
        assertThat(r.warnings())
                .singleElement()
                .asString()
                .contains("longer than 63 bytes")
                .contains(x);
    }

    @Test
    void typeMismatchIsNamed() {
        ExportResult r = export("pgloader-sqlite-tests/test-sqlite/type-mismatch.db");
        assertThat(column(r, "products", "qty").type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(column(r, "products", "qty").nullable()).isFalse();
        assertThat(rows(r.exportDir(), "products"))
                .extracting(m -> m.get("qty"))
                .containsExactly("10", "lots-of-it", "5");
        assertThat(r.warnings())
                .singleElement()
                .asString()
                .contains("table \"products\", column \"qty\"")
                .contains("'lots-of-it' (text) at id=2")
                .contains("exported as text");
    }

    @Test
    void storageKeepsBase64TextFromABlobColumnAsText() {
        ExportResult r = export("pgloader-sqlite-tests/test-sqlite/storage.sqlite");
        assertThat(r.tables()).hasSize(9);
        assertThat(r.totalRows()).isEqualTo(35);
        assertThat(counts(r))
                .containsEntry("auth_event", 15L)
                .containsEntry("files", 2L)
                .containsEntry("auth_cas", 0L);
        assertThat(column(r, "files", "file_data").type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        List<Map<String, Object>> files = rows(r.exportDir(), "files");
        assertThat((String) files.get(0).get("file_data")).hasSize(1_253_488).startsWith("JVBERi0xLjMK");
        assertThat((String) files.get(1).get("file_data")).hasSize(314_872).startsWith("/9j/");
        assertThat(r.warnings()).anyMatch(w -> w.contains("\"file_data\"") && w.contains("do not fit bytes"));
        assertThat(column(r, "auth_user", "email").type()).isEqualTo(StagingType.varchar(512));
        assertThat(table(r, "auth_membership").foreignKeys())
                .extracting(ForeignKey::referencedTable, ForeignKey::onDelete)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("auth_user", "CASCADE"),
                        org.assertj.core.groups.Tuple.tuple("auth_group", "CASCADE"));
        assertThat(row(rows(r.exportDir(), "auth_event"), "id", 1L))
                .containsEntry("time_stamp", "2014-05-13 11:11:02")
                .containsEntry("description", "Group 1 created");
    }

    @Test
    void emptyTablesWithIntegerPrimaryKeys() {
        ExportResult r = export("pgloader-sqlite-tests/test-sqlite/test_pk.db");
        assertThat(counts(r)).containsOnly(Map.entry("division_kind", 0L), Map.entry("division", 0L));
        assertThat(column(r, "division", "division_id").identity()).isEqualTo(new Identity("rowid", null, null));
        assertThat(table(r, "division").foreignKeys())
                .containsExactly(new ForeignKey(
                        null,
                        List.of("division_kind_id"),
                        "division_kind",
                        List.of("division_kind_id"),
                        "NO ACTION",
                        "NO ACTION",
                        null));
        assertThat(rows(r.exportDir(), "division")).isEmpty();
    }

    @Test
    void camelCaseTableName() {
        ExportResult r = export("pgloader-sqlite-tests/clojure-tests-sqlite/cli_with.db");
        assertThat(table(r, "CamelTable").columns()).extracting(c -> c.name()).containsExactly("id", "name");
        assertThat(rows(r.exportDir(), "CamelTable"))
                .extracting(m -> m.get("name"))
                .containsExactly("hello", "world");
    }

    @Test
    void viewsAreRecordedAndReported() {
        ExportResult r = export("pgloader-sqlite-tests/clojure-tests-sqlite/matviews.sqlite");
        assertThat(counts(r)).containsExactly(Map.entry("products", 3L));
        assertThat(rows(r.exportDir(), "products").get(0))
                .containsEntry("name", "Widget")
                .containsEntry("price", 9.99)
                .containsEntry("active", 1L);
        assertThat(column(r, "products", "active").defaultExpression()).isEqualTo("1");
        assertThat(r.manifest().schema().skipped())
                .extracting(SkippedObject::kind, SkippedObject::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("view", "active_products"),
                        org.assertj.core.groups.Tuple.tuple("view", "cheap_products"));
        assertThat(r.manifest().schema().skipped().get(0).definition()).contains("WHERE active = 1");
        assertThat(r.warnings())
                .containsExactly(
                        "2 views recorded in the manifest but not migrated: \"active_products\", \"cheap_products\"");

        ExportResult def = TestFiles.export(
                Datasets.dataset("pgloader-sqlite-tests/clojure-tests-sqlite/matviews-def_source.sqlite"),
                tmp.resolve("def"));
        assertThat(rows(def.exportDir(), "orders"))
                .extracting(m -> m.get("amount"))
                .containsExactly(100.0, 250.5, 75.25);
    }

    @Test
    void spaceInThePath() {
        ExportResult r = export("pgloader-sqlite-tests/clojure-tests-sqlite/my db.sqlite");
        assertThat(r.manifest().source().database()).isEqualTo("my db.sqlite");
        assertThat(rows(r.exportDir(), "greetings"))
                .extracting(m -> m.get("message"))
                .containsExactly("hello", "world", "spaces work");
    }

    @Test
    void olderChinookCopiesOfPgloader() {
        ExportResult plain = TestFiles.export(
                Datasets.dataset("pgloader-sqlite-tests/test-sqlite/Chinook_Sqlite.sqlite"), tmp.resolve("a"));
        assertThat(plain.totalRows()).isEqualTo(15_607);
        assertThat(column(plain, "Artist", "ArtistId").identity()).isEqualTo(new Identity("rowid", null, 275L));
        assertThat(plain.manifest().schema().tables().stream()
                        .mapToInt(t -> t.indexes().size())
                        .sum())
                .isEqualTo(21);
        ExportResult auto = TestFiles.export(
                Datasets.dataset("pgloader-sqlite-tests/test-sqlite/Chinook_Sqlite_AutoIncrementPKs.sqlite"),
                tmp.resolve("b"));
        assertThat(auto.totalRows()).isEqualTo(15_607);
        assertThat(column(auto, "Artist", "ArtistId").identity().kind()).isEqualTo("autoincrement");
    }

    @Test
    void everyPgloaderFileExports() throws Exception {
        Path root = Datasets.repoRoot().resolve("testdata/datasets/pgloader-sqlite-tests");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".db") || p.toString().endsWith(".sqlite"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSize(12);
        long total = 0;
        int tables = 0;
        int i = 0;
        for (Path f : files) {
            ExportResult r = TestFiles.export(f, tmp.resolve("all" + i++));
            StagingReader.open(r.exportDir());
            total += r.totalRows();
            tables += r.tables().size();
        }
        // README: "Totals: 12 files, ... 60 user tables, 31,304 rows."
        assertThat(tables).isEqualTo(60);
        assertThat(total).isEqualTo(31_304);
    }
}
