package dev.migrate.validate;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import dev.migrate.core.sql.CheckedSqliteFile;
import dev.migrate.validate.ValidationReport.RuleResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** Integrity checks (orphans, formats, sequences) and domain rules. */
class ValidatorChecksTest extends SampleSides {

    @Test
    void sqliteOrphanIsAnError() throws Exception {
        Path copy = sqliteCopy("update items set category_id = 42 where id = 4");
        ValidationReport r = new Validator(options(new Endpoint.Staging(staging), new Endpoint.Sqlite(copy))).run();
        assertThat(r.passed()).isFalse();
        assertThat(r.errors())
                .anyMatch(
                        e -> e.equals("target: foreign-key orphans: 1 row(s) of table \"items\" reference missing rows"
                                + " of \"categories\" (first rowid 4)"));
    }

    @Test
    void anIntegrityCheckOfTheSameUnchangedFileIsNotRepeated() throws Exception {
        Path copy = sqliteCopy();
        CheckedSqliteFile checked = CheckedSqliteFile.stamp(copy, "import-sqlite");
        ValidationReport r = new Validator(options(new Endpoint.Staging(staging), new Endpoint.Sqlite(copy))
                        .withTargetIntegrityChecked(checked))
                .run();
        assertThat(r.passed()).isTrue();
        assertThat(r.notes())
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .startsWith(
                        "target: PRAGMA integrity_check passed in import-sqlite on this file before it was swapped in at ")
                .endsWith(", unchanged since (same file, size, modification time and header); not run again");
    }

    @Test
    void anIntegrityCheckOfAFileChangedSinceOrOfAnotherFileDoesNotCount() throws Exception {
        Path copy = sqliteCopy();
        CheckedSqliteFile checked = CheckedSqliteFile.stamp(copy, "import-sqlite");
        Path other = work.resolve("other.db");
        Files.copy(copy, other);
        ValidationReport r = new Validator(options(new Endpoint.Staging(staging), new Endpoint.Sqlite(other))
                        .withTargetIntegrityChecked(checked))
                .run();
        assertThat(r.passed()).isTrue();
        assertThat(r.notes()).isEmpty();

        // A write after the check: the same file, but no longer the one that was checked.
        try (Connection c = Fixtures.sqlite(copy);
                Statement s = c.createStatement()) {
            s.execute("update items set name = name || '' where id = 3");
            s.execute("create table later (x)");
        }
        assertThat(checked.stillDescribes(copy)).isFalse();
        r = new Validator(options(new Endpoint.Staging(staging), new Endpoint.Sqlite(copy))
                        .withTargetIntegrityChecked(checked))
                .run();
        assertThat(r.passed()).isTrue();
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void badStoredFormatsInSqliteAreReported() throws Exception {
        Path copy = sqliteCopy(BAD_FORMATS);
        try (SqliteSide side = new SqliteSide(new Endpoint.Sqlite(copy))) {
            assertThat(side.checksStoredForms())
                    .as("counted by the comparison's read")
                    .isTrue();
        }
        assertBadFormatsReported(copy);
    }

    /**
     * A UTF-16 database is not read through SqliteCellReads, so its stored formats are counted by
     * SQL instead of by the comparison's read: the same findings.
     */
    @Test
    void badStoredFormatsInAUtf16SqliteAreReportedAlike() throws Exception {
        Path utf16 = work.resolve("utf16.db");
        try (Connection from = Fixtures.sqlite(sqlite);
                Statement read = from.createStatement();
                Connection to = Fixtures.sqlite(utf16);
                Statement write = to.createStatement()) {
            write.execute("pragma encoding = 'UTF-16le'");
            write.execute("pragma foreign_keys = off");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = read.executeQuery("select type, name, sql from sqlite_schema where sql is not null"
                    + " and name not like 'sqlite%' order by type = 'index', rowid")) {
                while (rs.next()) {
                    write.execute(rs.getString(3));
                    if (rs.getString(1).equals("table")) {
                        tables.add(rs.getString(2));
                    }
                }
            }
            // Value by value (ATTACH needs one encoding): getObject/setObject keep each storage class.
            for (String t : tables) {
                try (ResultSet rs = read.executeQuery("select * from \"" + t + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    String insert = "insert into \"" + t + "\" values (" + "?, ".repeat(n - 1) + "?)";
                    try (PreparedStatement ps = to.prepareStatement(insert)) {
                        while (rs.next()) {
                            for (int i = 1; i <= n; i++) {
                                ps.setObject(i, rs.getObject(i));
                            }
                            ps.executeUpdate();
                        }
                    }
                }
            }
            write.execute(BAD_FORMATS);
            try (ResultSet rs = write.executeQuery("pragma encoding")) {
                assertThat(rs.getString(1)).isEqualTo("UTF-16le");
            }
        }
        try (SqliteSide side = new SqliteSide(new Endpoint.Sqlite(utf16))) {
            assertThat(side.checksStoredForms()).as("counted by SQL").isFalse();
        }
        assertBadFormatsReported(utf16);
    }

    private static final String BAD_FORMATS =
            "update items set doc = '{bad', uid = 'not-a-uuid', born = '2024-02-30', flag = 't', ts = 'yesterday'"
                    + " where id = 3";

    private void assertBadFormatsReported(Path copy) {
        ValidationReport r = new Validator(options(new Endpoint.Staging(staging), new Endpoint.Sqlite(copy))).run();
        assertThat(r.passed()).isFalse();
        for (String col : List.of("doc", "uid", "born", "flag", "ts")) {
            assertThat(r.errors())
                    .as(col)
                    .anyMatch(
                            e -> e.startsWith("target: table \"items\", column \"" + col + "\": 1 value(s) not in the")
                                    && e.endsWith("(first at id=3)"));
        }
        // Values that cannot be read at all are named too (the hand-made 't' is readable, so not among them).
        assertThat(r.errors()).anyMatch(e -> e.contains("column \"uid\": 1 value(s) cannot be read as uuid"));
        assertThat(r.errors()).noneMatch(e -> e.contains("column \"flag\": 1 value(s) cannot be read"));
    }

    @Test
    void sqliteSequenceBehindMaxRowidIsReported() throws Exception {
        Path copy = sqliteCopy("update sqlite_sequence set seq = 1 where name = 'categories'");
        ValidationReport r = new Validator(options(new Endpoint.Staging(staging), new Endpoint.Sqlite(copy))).run();
        assertThat(r.errors())
                .contains("target: table \"categories\": sqlite_sequence is 1 but max(rowid) is 2: AUTOINCREMENT would"
                        + " reuse ids");
    }

    @Test
    void postgresSequenceBehindMaxIdIsReported() throws Exception {
        String copy = pgCopy("select setval(pg_get_serial_sequence('items', 'id'), 2)");
        ValidationReport r = new Validator(options(new Endpoint.Sqlite(sqlite), Fixtures.postgres(db, copy))).run();
        assertThat(r.passed()).isFalse();
        assertThat(r.errors())
                .contains("target: table \"items\": the sequence of column \"id\" would hand out 3 but max(id) is 5:"
                        + " inserts without an id would collide");
    }

    @Test
    void postgresOrphansAreFound() throws Exception {
        // A NOT VALID constraint (how import-postgres keeps a source's orphans): a warning.
        String notValid = pgCopy(
                "alter table items drop constraint items_category_id_fkey",
                "update items set category_id = 42 where id = 4",
                "alter table items add constraint items_category_id_fkey foreign key (category_id)"
                        + " references categories (id) not valid");
        ValidationReport r =
                new Validator(options(new Endpoint.Staging(staging), Fixtures.postgres(db, notValid))).run();
        assertThat(r.warnings())
                .anyMatch(w -> w.startsWith("target: foreign-key orphans: 1 row(s) of table \"items\" (category_id)"
                        + " reference missing rows of \"categories\""));
        // Under a validated constraint (triggers bypassed): an error.
        String bypassed =
                pgCopy("set session_replication_role = replica", "update items set category_id = 42 where id = 4");
        ValidationReport r2 =
                new Validator(options(new Endpoint.Staging(staging), Fixtures.postgres(db, bypassed))).run();
        assertThat(r2.errors()).anyMatch(e -> e.startsWith("target: foreign-key orphans: 1 row(s) of table \"items\""));
    }

    @Test
    void domainRules() throws Exception {
        Path rules = work.resolve("rules.txt");
        Files.writeString(rules, """
                # prices are small and positive
                items.price between 0 and 100
                items.name matches ^[A-Z]
                categories.name not null
                items.code in ('abc', 'A  ')
                "items"."ratio" >= 0
                """);
        ValidationReport r = new Validator(options(new Endpoint.Staging(staging), new Endpoint.Sqlite(sqlite))
                        .withRulesFile(rules))
                .run();
        assertThat(r.passed()).isFalse();
        assertThat(r.rules())
                .extracting(RuleResult::rule, RuleResult::checkedRows, RuleResult::violations)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("items.price between 0 and 100", 5L, 2L),
                        org.assertj.core.groups.Tuple.tuple("items.name matches ^[A-Z]", 5L, 1L),
                        org.assertj.core.groups.Tuple.tuple("categories.name not null", 2L, 0L),
                        org.assertj.core.groups.Tuple.tuple("items.code in ('abc', 'A  ')", 5L, 2L),
                        org.assertj.core.groups.Tuple.tuple("\"items\".\"ratio\" >= 0", 5L, 1L));
        assertThat(r.rules().get(0).firstViolatingKeys()).containsExactly(Map.of("id", "3"), Map.of("id", "4"));
        assertThat(r.rules().get(1).firstViolatingKeys()).containsExactly(Map.of("id", "5"));
        // 'x y' and the blank-padded '   ' break the list; NULL satisfies it, as in SQL; NaN is not >= 0.
        assertThat(r.rules().get(3).firstViolatingKeys()).containsExactly(Map.of("id", "4"), Map.of("id", "5"));
        assertThat(r.rules().get(4).firstViolatingKeys()).containsExactly(Map.of("id", "1"));
        assertThat(r.errors())
                .contains("rule \"items.price between 0 and 100\": 2 of 5 row(s) of \"items\" break it,"
                        + " first at {id=3}");
    }

    /** A rule on a jsonb column sees the document's text, whichever side the target is (bytes or a String). */
    @Test
    void domainRulesOnAJsonbColumnSeeItsText() throws Exception {
        Path rules = work.resolve("rules.txt");
        Files.writeString(rules, """
                items.doc matches ^[{]
                items.doc matches é
                items.doc between 10 and 20
                items.doc = 'true'
                """);
        List<List<Object>> expected = List.of(
                List.of(
                        "items.doc matches ^[{]",
                        5L,
                        3L,
                        List.of(Map.of("id", "2"), Map.of("id", "3"), Map.of("id", "5"))),
                List.of(
                        "items.doc matches é",
                        5L,
                        4L,
                        List.of(Map.of("id", "1"), Map.of("id", "2"), Map.of("id", "3"), Map.of("id", "5"))),
                List.of(
                        "items.doc between 10 and 20",
                        5L,
                        4L,
                        List.of(Map.of("id", "1"), Map.of("id", "2"), Map.of("id", "4"), Map.of("id", "5"))),
                List.of(
                        "items.doc = 'true'",
                        5L,
                        4L,
                        List.of(Map.of("id", "1"), Map.of("id", "2"), Map.of("id", "3"), Map.of("id", "4"))));
        for (Endpoint target :
                List.of(new Endpoint.Sqlite(sqlite), Fixtures.postgres(db, db.name()), new Endpoint.Staging(staging))) {
            ValidationReport r =
                    new Validator(options(new Endpoint.Staging(staging), target).withRulesFile(rules)).run();
            assertThat(r.rules())
                    .as("rules on %s", target)
                    .map(x -> List.of(x.rule(), x.checkedRows(), x.violations(), x.firstViolatingKeys()))
                    .isEqualTo(expected);
        }
    }

    @Test
    void badRulesAreRefusedWithTheirLine() throws Exception {
        Path rules = work.resolve("rules.txt");
        Files.writeString(rules, "items.price between 0 and 100\nitems.price is between 1\n");
        assertThatThrownBy(() -> new Validator(options(new Endpoint.Staging(staging), new Endpoint.Sqlite(sqlite))
                                .withRulesFile(rules))
                        .run())
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("file " + rules + ", row 2: bad rule: expected not null, between");
    }

    @Test
    void unreachableDatabaseIsOneLineWithoutPassword() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "nobody");
        p.setProperty("password", "s3cret-pw");
        Endpoint bad = new Endpoint.Postgres("jdbc:postgresql://127.0.0.1:1/none", p, null);
        assertThatThrownBy(() -> new Validator(options(bad, new Endpoint.Sqlite(sqlite))).run())
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith(
                        "cannot connect to PostgreSQL at postgresql://127.0.0.1:1/none (schema public):")
                .message()
                .doesNotContain("s3cret");
    }
}
