package dev.migrate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validate.ValidationReport.MismatchedKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A validation that takes the source from a {@link SourceReadAhead} reports exactly what one that
 * reads the source itself reports: the same tables, checksums, differing keys, errors (values
 * that cannot be read, stored forms of a SQLite source) and warnings; a table whose source the
 * comparison reads differently, or that the read ahead did not finish, is read by the comparison.
 */
class SourceReadAheadTest extends SampleSides {

    /** The report with the source read ahead, after checking it equals the plain one. */
    private ValidationReport sameWithReadAhead(Endpoint source, Endpoint target, List<String> handedOver) {
        ValidationReport plain = new Validator(options(source, target)).run();
        SourceReadAhead ahead = SourceReadAhead.of(options(source, target));
        assertThat(ahead).isNotNull();
        ValidationReport read;
        try (ahead) {
            ahead.start();
            read = new Validator(options(source, target), ahead).run();
        }
        assertThat(read.tables()).isEqualTo(plain.tables());
        assertThat(read.errors()).isEqualTo(plain.errors());
        assertThat(read.warnings()).isEqualTo(plain.warnings());
        assertThat(read.notes()).isEqualTo(plain.notes());
        assertThat(read.overallStatus()).isEqualTo(plain.overallStatus());
        assertThat(ahead.handedOver()).containsExactlyInAnyOrderElementsOf(handedOver);
        return read;
    }

    @Test
    void sqliteToPostgresPassesAlike() {
        ValidationReport r = sameWithReadAhead(
                new Endpoint.Sqlite(sqlite), Fixtures.postgres(db, db.name()), List.of("categories", "items"));
        assertThat(r.passed()).isTrue();
        assertThat(r.tables()).allMatch(t -> t.sourceCount() == t.targetCount() && t.checksumMatch());
    }

    @Test
    void postgresToSqlitePassesAlike() {
        ValidationReport r = sameWithReadAhead(
                Fixtures.postgres(db, db.name()), new Endpoint.Sqlite(sqlite), List.of("categories", "items"));
        assertThat(r.passed()).isTrue();
    }

    @Test
    void aChangedDeletedOrAddedSourceRowIsNamedAlike() throws Exception {
        Path source = sqliteCopy(
                "update items set price = '12.51' where id = 1",
                "delete from items where id = 2",
                "insert into categories (id, name) values (3, 'Toys')");
        ValidationReport r = sameWithReadAhead(
                new Endpoint.Sqlite(source), Fixtures.postgres(db, db.name()), List.of("categories", "items"));
        assertThat(r.overallStatus()).isEqualTo("FAIL");
        ValidationReport.TableResult items = r.tables().get(1);
        assertThat(items.sourceCount()).isEqualTo(4);
        assertThat(items.targetCount()).isEqualTo(5);
        assertThat(items.differingRows()).isEqualTo(2);
        assertThat(items.firstMismatchingKeys())
                .containsExactly(
                        new MismatchedKey(Map.of("id", "1"), MismatchedKey.DIFFER, List.of("price")),
                        new MismatchedKey(Map.of("id", "2"), MismatchedKey.EXTRA, List.of()));
        assertThat(r.tables().get(0).sourceCount()).isEqualTo(3);
    }

    /**
     * Counted by the read ahead's own connection, reported by the comparison's: the same lines (a
     * source's stored forms are warnings, values that cannot be compared errors).
     */
    @Test
    void badStoredFormsAndUnreadableValuesOfASqliteSourceAreReportedAlike() throws Exception {
        Path source = sqliteCopy(
                "update items set doc = '{bad', uid = 'not-a-uuid', born = '2024-02-30', flag = 't', ts = 'yesterday'"
                        + " where id = 3");
        ValidationReport r = sameWithReadAhead(
                new Endpoint.Sqlite(source), Fixtures.postgres(db, db.name()), List.of("categories", "items"));
        for (String col : List.of("doc", "uid", "born", "flag", "ts")) {
            assertThat(r.warnings())
                    .as(col)
                    .anyMatch(
                            e -> e.startsWith("source: table \"items\", column \"" + col + "\": 1 value(s) not in the")
                                    && e.endsWith("(first at id=3)"));
        }
        assertThat(r.errors()).anyMatch(e -> e.contains("column \"uid\": 1 value(s) cannot be read as uuid"));
    }

    /** The target lacks a column: the comparison's plan reads fewer source columns, so reads them itself. */
    @Test
    void aTableTheComparisonReadsOtherwiseIsReadByIt() throws Exception {
        String target = pgCopy("alter table items drop column ratio");
        ValidationReport r =
                sameWithReadAhead(new Endpoint.Sqlite(sqlite), Fixtures.postgres(db, target), List.of("categories"));
        assertThat(r.warnings()).anyMatch(w -> w.contains("column \"ratio\" is not on the target"));
        assertThat(r.tables().get(1).checksumMatch()).isTrue();
    }

    @Test
    void aReadAheadClosedBeforeTheComparisonLeavesItAllToIt() {
        Endpoint source = new Endpoint.Sqlite(sqlite);
        Endpoint target = Fixtures.postgres(db, db.name());
        SourceReadAhead ahead = SourceReadAhead.of(options(source, target));
        ahead.start();
        ahead.close();
        ValidationReport r = new Validator(options(source, target), ahead).run();
        assertThat(r.passed()).isTrue();
        assertThat(r.tables()).hasSize(2).allMatch(t -> t.sourceCount() > 0 && t.checksumMatch());
    }

    @Test
    void aReadAheadNeverStartedLeavesItAllToIt() {
        Endpoint source = new Endpoint.Sqlite(sqlite);
        Endpoint target = Fixtures.postgres(db, db.name());
        try (SourceReadAhead ahead = SourceReadAhead.of(options(source, target))) {
            ValidationReport r = new Validator(options(source, target), ahead).run();
            assertThat(r.passed()).isTrue();
            assertThat(ahead.handedOver()).isEmpty();
        }
    }

    @Test
    void startedTwiceReadsOnceAndStartedAfterCloseReadsNothing() {
        Endpoint source = new Endpoint.Sqlite(sqlite);
        Endpoint target = Fixtures.postgres(db, db.name());
        try (SourceReadAhead ahead = SourceReadAhead.of(options(source, target))) {
            ahead.start();
            ahead.start();
            assertThat(new Validator(options(source, target), ahead).run().passed())
                    .isTrue();
            assertThat(ahead.handedOver()).containsExactlyInAnyOrder("categories", "items");
        }
        SourceReadAhead closed = SourceReadAhead.of(options(source, target));
        closed.close();
        closed.start();
        assertThat(new Validator(options(source, target), closed).run().passed())
                .isTrue();
        assertThat(closed.handedOver()).isEmpty();
    }

    /** Nothing to plan from: the read ahead gives up quietly, the comparison says what is wrong. */
    @Test
    void aStagingDirectoryWithoutAManifestIsLeftToTheComparison() {
        Endpoint source = new Endpoint.Sqlite(sqlite);
        Endpoint target = Fixtures.postgres(db, db.name());
        ValidateOptions noManifest = ValidateOptions.of(source, target, work.resolve("nothing-here"))
                .withReportPath(work.resolve("report.json"));
        String plain = failure(() -> new Validator(noManifest).run());
        try (SourceReadAhead ahead = SourceReadAhead.of(noManifest)) {
            ahead.start();
            assertThat(failure(() -> new Validator(noManifest, ahead).run())).isEqualTo(plain);
            assertThat(ahead.handedOver()).isEmpty();
        }
    }

    private static String failure(Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void notForATenantRunNorAStagingSide() {
        Endpoint source = new Endpoint.Sqlite(sqlite);
        Endpoint target = Fixtures.postgres(db, db.name());
        assertThat(SourceReadAhead.of(options(source, target).withUserEmail("a@example.com")))
                .isNull();
        assertThat(SourceReadAhead.of(options(new Endpoint.Staging(staging), target)))
                .isNull();
        assertThat(SourceReadAhead.of(options(source, new Endpoint.Staging(staging))))
                .isNull();
    }
}
