package dev.migrate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrate.core.staging.StagingJson;
import dev.migrate.validate.ValidationReport.MismatchedKey;
import dev.migrate.validate.ValidationReport.TableResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PASS on identical data and FAIL naming table and key on a changed, deleted or added row, both directions. */
class ValidatorDirectionsTest extends SampleSides {

    private ValidationReport validate(Endpoint source, Endpoint target) {
        return new Validator(options(source, target)).run();
    }

    private static Endpoint pg(String database) {
        return Fixtures.postgres(db, database);
    }

    private static TableResult table(ValidationReport r, String name) {
        return r.tables().stream()
                .filter(t -> t.table().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void postgresToSqlitePassesAndWritesTheReport() throws Exception {
        ValidationReport r = validate(pg(db.name()), new Endpoint.Sqlite(sqlite));
        assertThat(r.errors()).isEmpty();
        assertThat(r.overallStatus()).isEqualTo("PASS");
        assertThat(r.tables()).extracting(TableResult::table).containsExactly("categories", "items");
        TableResult items = table(r, "items");
        assertThat(items.sourceCount()).isEqualTo(5);
        assertThat(items.targetCount()).isEqualTo(5);
        assertThat(items.columns()).isEqualTo(19);
        assertThat(items.countMatch()).isTrue();
        assertThat(items.checksumMatch()).isTrue();
        assertThat(items.sourceChecksum()).hasSize(32).isEqualTo(items.targetChecksum());
        assertThat(items.firstMismatchingKeys()).isEmpty();

        Path report = work.resolve("report.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
                .isEqualTo("rw-------");
        JsonNode json = StagingJson.MAPPER.readTree(report.toFile());
        assertThat(json.get("overall_status").asText()).isEqualTo("PASS");
        assertThat(json.get("timestamp").asText()).endsWith("Z");
        JsonNode t = json.get("tables").get(1);
        assertThat(t.get("table").asText()).isEqualTo("items");
        assertThat(t.get("source_count").asLong()).isEqualTo(5);
        assertThat(t.get("target_count").asLong()).isEqualTo(5);
        assertThat(t.get("count_match").asBoolean()).isTrue();
        assertThat(t.get("checksum_match").asBoolean()).isTrue();
        assertThat(t.get("source_checksum").asText())
                .isEqualTo(t.get("target_checksum").asText());
        assertThat(json.get("errors").isArray()).isTrue();
        assertThat(json.get("warnings").isArray()).isTrue();
        assertThat(json.toString()).doesNotContain("password");
    }

    @Test
    void sqliteToPostgresPasses() {
        ValidationReport r = validate(new Endpoint.Sqlite(sqlite), pg(db.name()));
        assertThat(r.errors()).isEmpty();
        assertThat(r.passed()).isTrue();
    }

    @Test
    void stagingAgainstEitherDatabasePasses() {
        assertThat(validate(new Endpoint.Staging(staging), new Endpoint.Sqlite(sqlite))
                        .errors())
                .isEmpty();
        assertThat(validate(pg(db.name()), new Endpoint.Staging(staging)).errors())
                .isEmpty();
    }

    @Test
    void postgresToSqliteNamesAChangedValue() throws Exception {
        ValidationReport r = validate(
                pg(db.name()), new Endpoint.Sqlite(sqliteCopy("update items set price = '12.51' where id = 1")));
        assertThat(r.overallStatus()).isEqualTo("FAIL");
        TableResult items = table(r, "items");
        assertThat(items.countMatch()).isTrue();
        assertThat(items.checksumMatch()).isFalse();
        assertThat(items.differingRows()).isEqualTo(1);
        assertThat(items.firstMismatchingKeys())
                .containsExactly(new MismatchedKey(Map.of("id", "1"), MismatchedKey.DIFFER, List.of("price")));
        assertThat(table(r, "categories").matches()).isTrue();
        assertThat(r.errors()).anyMatch(e -> e.contains("table \"items\"") && e.contains("{id=1}"));
    }

    /** jsonb is read as bytes on both database sides: a changed document (even one character) still fails the row. */
    @Test
    void aChangedJsonbDocumentIsNamedInBothDirections() throws Exception {
        ValidationReport toSqlite = validate(
                pg(db.name()),
                new Endpoint.Sqlite(sqliteCopy("update items set doc = '{\"k\": \"vè\"}' where id = 4")));
        assertThat(toSqlite.overallStatus()).isEqualTo("FAIL");
        assertThat(table(toSqlite, "items").firstMismatchingKeys())
                .containsExactly(new MismatchedKey(Map.of("id", "4"), MismatchedKey.DIFFER, List.of("doc")));
        assertThat(toSqlite.errors()).anyMatch(e -> e.contains("table \"items\"") && e.contains("{id=4}"));

        ValidationReport toPostgres = validate(
                new Endpoint.Sqlite(sqlite),
                pg(pgCopy("update items set doc = '{\"b\": 1, \"a\": [1, 2.5, {\"z\": null}]}' where id = 1")));
        assertThat(toPostgres.overallStatus()).isEqualTo("FAIL");
        assertThat(table(toPostgres, "items").firstMismatchingKeys())
                .containsExactly(new MismatchedKey(Map.of("id", "1"), MismatchedKey.DIFFER, List.of("doc")));
    }

    @Test
    void postgresToSqliteNamesADeletedAndAnAddedRow() throws Exception {
        ValidationReport deleted =
                validate(pg(db.name()), new Endpoint.Sqlite(sqliteCopy("delete from items where id = 3")));
        TableResult items = table(deleted, "items");
        assertThat(deleted.passed()).isFalse();
        assertThat(items.countMatch()).isFalse();
        assertThat(items.targetCount()).isEqualTo(4);
        assertThat(items.firstMismatchingKeys())
                .containsExactly(new MismatchedKey(Map.of("id", "3"), MismatchedKey.MISSING, List.of()));

        ValidationReport added = validate(
                pg(db.name()), new Endpoint.Sqlite(sqliteCopy("insert into items (id, name) values (99, 'extra')")));
        assertThat(table(added, "items").firstMismatchingKeys())
                .containsExactly(new MismatchedKey(Map.of("id", "99"), MismatchedKey.EXTRA, List.of()));
    }

    @Test
    void sqliteToPostgresNamesChangedDeletedAndAddedRows() throws Exception {
        ValidationReport changed = validate(
                new Endpoint.Sqlite(sqlite),
                pg(pgCopy("update items set tstz = '2024-01-15 04:30:00.000001+00' where id = 1")));
        assertThat(table(changed, "items").firstMismatchingKeys())
                .containsExactly(new MismatchedKey(Map.of("id", "1"), MismatchedKey.DIFFER, List.of("tstz")));

        ValidationReport deleted = validate(new Endpoint.Sqlite(sqlite), pg(pgCopy("delete from items where id = 5")));
        assertThat(table(deleted, "items").firstMismatchingKeys())
                .containsExactly(new MismatchedKey(Map.of("id", "5"), MismatchedKey.MISSING, List.of()));

        ValidationReport added =
                validate(new Endpoint.Sqlite(sqlite), pg(pgCopy("insert into categories values (7, 'x')")));
        assertThat(added.passed()).isFalse();
        assertThat(table(added, "categories").firstMismatchingKeys())
                .containsExactly(new MismatchedKey(Map.of("id", "7"), MismatchedKey.EXTRA, List.of()));
        assertThat(table(added, "items").matches()).isTrue();
    }

    @Test
    void equivalentFormsCompareEqual() throws Exception {
        // What a round trip legitimately changes: offsets, trailing zeros, key order, T separators, char padding.
        Path copy = sqliteCopy("update items set tstz = '2024-01-15T04:30:00Z', price = '12.5',"
                + " doc = '{\"a\":[1,2.50,{\"z\":null}],\"b\":1}', ts = '2024-01-15T10:00:00.123456',"
                + " code = 'A', at_time = '24:00:00.000' where id = 1");
        ValidationReport r = validate(pg(db.name()), new Endpoint.Sqlite(copy));
        assertThat(r.errors()).isEmpty();
        assertThat(r.passed()).isTrue();
    }
}
