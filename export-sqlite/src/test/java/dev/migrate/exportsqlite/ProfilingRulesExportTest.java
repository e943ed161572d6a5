package dev.migrate.exportsqlite;

import static dev.migrate.exportsqlite.TestFiles.column;
import static dev.migrate.exportsqlite.TestFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profiling cases of the issue, on a real file, end to end: manifest types, values, warnings. */
class ProfilingRulesExportTest {

    @TempDir
    static Path tmp;

    static ExportResult result;

    @BeforeAll
    static void export() throws Exception {
        Path db = TestFiles.sqlite(
                tmp.resolve("app.db"),
                "CREATE TABLE events (id INTEGER PRIMARY KEY, happened DATETIME, done BOOLEAN, qty INTEGER,"
                        + " price NUMERIC(5,2), seen_s DATETIME, seen_ms TIMESTAMP, seen_mixed DATETIME)",
                "INSERT INTO events VALUES (1, '2024-01-02 03:04:05', 0, 10, 1.5, 1627303906, 1627303906122,"
                        + " 1627303906)",
                "INSERT INTO events VALUES (2, '2024-01-02T03:04:05.250', 1, 'lots', 12.25, 1600000000,"
                        + " 1600000000000, '2021-07-26 12:51:46')",
                "INSERT INTO events VALUES (3, NULL, 't', 7, 123456.789, NULL, 1600000000001, NULL)",
                "INSERT INTO events VALUES (4, '2024-02-29T23:59:59', 'false', -3, '99.99', 1700000000, NULL, NULL)");
        result = TestFiles.export(db, tmp.resolve("out"));
        StagingReader.open(result.exportDir());
    }

    private static List<Object> values(String column) {
        return rows(result.exportDir(), "events").stream()
                .map(m -> m.get(column))
                .toList();
    }

    private static String warning(String column) {
        return result.warnings().stream()
                .filter(w -> w.startsWith("table \"events\", column \"" + column + "\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no warning for " + column + " in " + result.warnings()));
    }

    @Test
    void datetimeWithSpaceAndTIsTimestamp() {
        assertThat(column(result, "events", "happened").type()).isEqualTo(StagingType.of(StagingKind.TIMESTAMP));
        assertThat(values("happened"))
                .containsExactly("2024-01-02 03:04:05", "2024-01-02 03:04:05.25", null, "2024-02-29 23:59:59");
        assertThat(column(result, "events", "happened").note()).contains("2 values with a 'T' separator");
    }

    @Test
    void booleanInFourSpellings() {
        assertThat(column(result, "events", "done").type()).isEqualTo(StagingType.of(StagingKind.BOOLEAN));
        assertThat(values("done")).containsExactly(false, true, true, false);
        assertThat(warning("done"))
                .contains("2 as 0/1")
                .contains("1 as 't'/'f'")
                .contains("1 as 'true'/'false'");
    }

    @Test
    void integerHoldingTextIsText() {
        assertThat(column(result, "events", "qty").type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(values("qty")).containsExactly("10", "lots", "7", "-3");
        assertThat(warning("qty")).contains("'lots' (text) at id=2").contains("exported as text");
    }

    @Test
    void numericThatDoesNotFitLosesItsTypmod() {
        assertThat(column(result, "events", "price").type()).isEqualTo(StagingType.decimal(null, null));
        assertThat(values("price")).containsExactly("1.5", "12.25", "123456.789", "99.99");
        assertThat(warning("price")).contains("does not fit decimal(5,2)").contains("123456.789 (real) at id=3");
    }

    @Test
    void epochSecondsAndMillisecondsAreConvertedWithTheUnitStated() {
        assertThat(column(result, "events", "seen_s").type()).isEqualTo(StagingType.of(StagingKind.TIMESTAMPTZ));
        assertThat(values("seen_s"))
                .containsExactly(
                        "2021-07-26 12:51:46+00:00", "2020-09-13 12:26:40+00:00", null, "2023-11-14 22:13:20+00:00");
        assertThat(warning("seen_s")).contains("unit seconds");
        assertThat(column(result, "events", "seen_ms").type()).isEqualTo(StagingType.of(StagingKind.TIMESTAMPTZ));
        assertThat(values("seen_ms"))
                .containsExactly(
                        "2021-07-26 12:51:46.122+00:00",
                        "2020-09-13 12:26:40+00:00",
                        "2020-09-13 12:26:40.001+00:00",
                        null);
        assertThat(warning("seen_ms")).contains("unit milliseconds");
    }

    @Test
    void mixedEpochAndIsoIsTextWithTheReason() {
        assertThat(column(result, "events", "seen_mixed").type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        assertThat(values("seen_mixed")).containsExactly("1627303906", "2021-07-26 12:51:46", null, null);
        assertThat(warning("seen_mixed"))
                .contains("mixes 1 integer (first: 1627303906 (integer) at id=1)")
                .contains("1 ISO-8601 text (first: '2021-07-26 12:51:46' (text) at id=2)");
    }

    @Test
    void everyProfiledColumnIsNamedInTheTableNotes() {
        List<String> notes = result.table("events").notes();
        for (String c : List.of("happened", "done", "qty", "price", "seen_s", "seen_ms", "seen_mixed")) {
            assertThat(notes).anyMatch(n -> n.startsWith("column \"" + c + "\": "));
        }
        assertThat(rows(result.exportDir(), "events").get(0)).containsEntry("id", 1L);
        assertThat(result.manifest().schema().table("events").orElseThrow().columns())
                .filteredOn(c -> c.note() != null)
                .hasSize(7);
        assertThat(Map.of("warnings", result.warnings().size())).containsEntry("warnings", 6);
    }
}
