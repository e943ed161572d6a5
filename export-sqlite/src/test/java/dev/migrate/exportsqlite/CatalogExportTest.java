package dev.migrate.exportsqlite;

import static dev.migrate.exportsqlite.TestFiles.column;
import static dev.migrate.exportsqlite.TestFiles.rows;
import static dev.migrate.exportsqlite.TestFiles.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.migrate.core.report.TableStats;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Identity;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.SkippedObject;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema features read from the catalog and the CREATE TABLE text. */
class CatalogExportTest {

    @TempDir
    static Path tmp;

    static Path db;
    static ExportResult result;

    @BeforeAll
    static void export() throws Exception {
        db = TestFiles.sqlite(
                tmp.resolve("catalog.db"),
                "CREATE TABLE parent (a INTEGER NOT NULL, b TEXT NOT NULL, label TEXT,"
                        + " PRIMARY KEY (a, b), CONSTRAINT parent_label_key UNIQUE (label)) WITHOUT ROWID",
                "CREATE TABLE child (id INTEGER PRIMARY KEY AUTOINCREMENT, pa INTEGER, pb TEXT,"
                        + " twice INTEGER GENERATED ALWAYS AS (id * 2) VIRTUAL,"
                        + " shout TEXT AS (upper(pb)) STORED,"
                        + " CONSTRAINT child_parent_fk FOREIGN KEY (pa, pb) REFERENCES parent (a, b)"
                        + " ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED)",
                "CREATE TABLE strict_t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, v ANY) STRICT",
                "CREATE TABLE implicit_ref (id INTEGER PRIMARY KEY, p INTEGER REFERENCES strict_t)",
                "CREATE TABLE to_missing (id INTEGER PRIMARY KEY, x INTEGER REFERENCES no_such_table(id))",
                "CREATE TABLE cyc_a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES cyc_b(id))",
                "CREATE TABLE cyc_b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES cyc_a(id))",
                "CREATE INDEX child_pb_idx ON child (pb)",
                "CREATE UNIQUE INDEX child_lower_idx ON child (lower(pb))",
                "CREATE INDEX child_partial_idx ON child (pa) WHERE pa > 0",
                "CREATE INDEX child_desc_idx ON child (pa DESC)",
                "CREATE INDEX parent_nocase_idx ON parent (label COLLATE NOCASE)",
                "CREATE VIEW v_child AS SELECT id, pb FROM child",
                "CREATE TRIGGER child_touch AFTER INSERT ON child BEGIN SELECT 1; END",
                "INSERT INTO parent VALUES (1, 'x', 'one'), (2, 'y', NULL)",
                "INSERT INTO child (pa, pb) VALUES (1, 'x'), (2, 'y'), (1, 'z')",
                "DELETE FROM child WHERE id = 3", // sqlite_sequence stays at 3: ids are never reused
                "INSERT INTO strict_t VALUES (1, 5, 'any'), (2, 6, x'00ff')",
                "INSERT INTO implicit_ref VALUES (1, 2)",
                "INSERT INTO cyc_a VALUES (1, NULL)",
                "INSERT INTO cyc_b VALUES (1, 1)");
        result = TestFiles.export(db, tmp.resolve("out"));
    }

    @Test
    void withoutRowidAndStrictTablesAreFlagged() {
        assertThat(table(result, "parent").options()).containsExactly("WITHOUT ROWID");
        assertThat(table(result, "parent").primaryKey()).containsExactly("a", "b");
        assertThat(column(result, "parent", "b").nullable()).isFalse();
        assertThat(table(result, "strict_t").options()).containsExactly("STRICT");
        // ANY in a STRICT table keeps every storage class: text and a binary blob here, so bytes.
        assertThat(column(result, "strict_t", "v").type()).isEqualTo(StagingType.of(StagingKind.BYTES));
        assertThat(rows(result.exportDir(), "strict_t"))
                .extracting(m -> java.util.HexFormat.of().formatHex((byte[]) m.get("v")))
                .containsExactly("616e79", "00ff");
    }

    @Test
    void autoincrementIdentityIsPastTheSequenceEvenAfterDeletes() {
        assertThat(column(result, "child", "id").identity()).isEqualTo(new Identity("autoincrement", null, 3L));
        assertThat(rows(result.exportDir(), "child")).hasSize(2);
        assertThat(column(result, "strict_t", "id").identity()).isEqualTo(new Identity("rowid", null, 2L));
    }

    @Test
    void generatedColumnsAreFlaggedAndTheirValuesExported() {
        assertThat(column(result, "child", "twice").generated()).isEqualTo("id * 2");
        assertThat(column(result, "child", "twice").note()).startsWith("generated column (virtual)");
        assertThat(column(result, "child", "shout").generated()).isEqualTo("upper(pb)");
        assertThat(column(result, "child", "shout").note()).startsWith("generated column (stored)");
        assertThat(rows(result.exportDir(), "child").get(1))
                .containsEntry("twice", 4L)
                .containsEntry("shout", "Y");
    }

    @Test
    void compositeForeignKeyWithActionsNameAndDeferrable() {
        assertThat(table(result, "child").foreignKeys())
                .containsExactly(new ForeignKey(
                        "child_parent_fk",
                        List.of("pa", "pb"),
                        "parent",
                        List.of("a", "b"),
                        "CASCADE",
                        "SET NULL",
                        "DEFERRABLE INITIALLY DEFERRED"));
        // REFERENCES without columns means the parent's primary key.
        assertThat(table(result, "implicit_ref").foreignKeys().get(0).referencedColumns())
                .containsExactly("id");
    }

    @Test
    void uniqueConstraintsAndIndexes() {
        assertThat(table(result, "parent").uniqueConstraints())
                .containsExactly(new UniqueConstraint("parent_label_key", List.of("label")));
        List<IndexSchema> indexes = table(result, "child").indexes();
        assertThat(indexes)
                .extracting(
                        IndexSchema::name,
                        IndexSchema::unique,
                        IndexSchema::columns,
                        IndexSchema::where,
                        IndexSchema::portable)
                .containsExactly(
                        tuple("child_pb_idx", false, List.of("pb"), null, true),
                        tuple("child_lower_idx", true, List.of(), null, false),
                        tuple("child_partial_idx", false, List.of("pa"), "pa > 0", false),
                        tuple("child_desc_idx", false, List.of(), null, false));
        assertThat(indexes.get(1).definition()).isEqualTo("CREATE UNIQUE INDEX child_lower_idx ON child (lower(pb))");
        assertThat(result.warnings())
                .anyMatch(w -> w.contains("index \"child_lower_idx\" is on expressions"))
                .anyMatch(w -> w.contains("index \"child_partial_idx\" is partial (WHERE pa > 0)"))
                .anyMatch(w -> w.contains("index \"child_desc_idx\" is with DESC keys"))
                .anyMatch(w -> w.contains("index \"parent_nocase_idx\" is with a non-binary collation"));
    }

    @Test
    void viewsTriggersAndUnexportableForeignKeysAreRecordedAndReported() {
        assertThat(result.manifest().schema().skipped())
                .extracting(SkippedObject::kind, SkippedObject::name)
                .contains(
                        tuple("view", "v_child"),
                        tuple("trigger", "child.child_touch"),
                        tuple("foreign_key", "to_missing.(x)"));
        assertThat(table(result, "to_missing").foreignKeys()).isEmpty();
        assertThat(result.warnings())
                .contains("1 view recorded in the manifest but not migrated: \"v_child\"")
                .contains("1 trigger recorded in the manifest but not migrated: \"child.child_touch\"")
                .anyMatch(w -> w.contains("foreign key (x) not exported") && w.contains("does not exist"));
    }

    @Test
    void tablesAreInDependencyOrderWithCyclesNoted() {
        List<String> order = result.manifest().schema().tables().stream()
                .map(TableSchema::name)
                .toList();
        assertThat(order.indexOf("parent")).isLessThan(order.indexOf("child"));
        assertThat(order.indexOf("strict_t")).isLessThan(order.indexOf("implicit_ref"));
        assertThat(order).contains("cyc_a", "cyc_b");
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("foreign keys form a cycle"));
    }

    @Test
    void tablesOfTwoThousandColumnsExport() throws Exception {
        // 2000 is SQLite's default SQLITE_MAX_COLUMN: the SELECT must not add the rowid to them.
        String keyed = "id INTEGER PRIMARY KEY, "
                + String.join(
                        ", ",
                        java.util.stream.IntStream.range(1, 2000)
                                .mapToObj(k -> "c" + k + " INTEGER")
                                .toList());
        String keyless = String.join(
                ", ",
                java.util.stream.IntStream.range(0, 2000)
                        .mapToObj(k -> "c" + k + " INTEGER")
                        .toList());
        Path wide = TestFiles.sqlite(
                tmp.resolve("wide.db"),
                "CREATE TABLE wide (" + keyed + ")",
                "INSERT INTO wide (id, c1, c1999) VALUES (1, 2, 3)",
                "CREATE TABLE wide_keyless (" + keyless + ")",
                "INSERT INTO wide_keyless (c0, c1999) VALUES ('x', 4)");
        ExportResult r = TestFiles.export(wide, tmp.resolve("wide-out"));
        assertThat(rows(r.exportDir(), "wide").get(0))
                .containsEntry("c1999", 3L)
                .hasSize(2000);
        assertThat(rows(r.exportDir(), "wide_keyless").get(0))
                .containsEntry("c1999", 4L)
                .containsEntry("c0", "x");
        assertThat(r.warnings()).anyMatch(w -> w.contains("\"c0\"") && w.contains("'x' (text) at row 1"));
    }

    @Test
    void includeAndExcludeGlobs() {
        ExportResult r = new SqliteExporter(ExportSqliteOptions.of(db, tmp.resolve("filtered"), "t")
                        .withTables(List.of("CH*", "par?nt", "nothing*"), List.of("[c]hild")))
                .run(ProgressListener.NONE);
        assertThat(r.tables()).extracting(TableStats::table).containsExactly("parent");
        assertThat(r.warnings()).contains("--include-table nothing* matched no table");

        ExportResult child = new SqliteExporter(
                        ExportSqliteOptions.of(db, tmp.resolve("child"), "t").withTables(List.of("child"), List.of()))
                .run(ProgressListener.NONE);
        assertThat(table(child, "child").foreignKeys()).isEmpty();
        assertThat(child.warnings())
                .anyMatch(w -> w.contains("foreign key (pa, pb) not exported")
                        && w.contains("\"parent\", which is not part of this export"));
    }
}
