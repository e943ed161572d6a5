package dev.migrate.importsqlite;

import static dev.migrate.importsqlite.StagingBuilder.col;
import static dev.migrate.importsqlite.StagingBuilder.notNull;
import static dev.migrate.importsqlite.StagingBuilder.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows go into SQLite {@link TableLoader#ROWS_PER_INSERT} per statement, and the last few of a
 * table one per statement: every row arrives, in order, whatever the table's width; and a row that
 * violates a constraint is still named exactly, inside a multi-row statement as in the last ones.
 */
class MultiRowInsertTest {

    @TempDir
    Path tmp;

    static final StagingType INT = StagingType.of(StagingKind.INT64);
    static final StagingType TEXT = StagingType.of(StagingKind.TEXT);

    static final TableSchema ITEMS =
            table("items", List.of(notNull("id", INT), notNull("label", TEXT), col("n", INT)), List.of("id"));

    /** 1,007 rows: 62 full statements of 16, then 15 rows in the single-row statement. */
    static final int ROWS = 1_007;

    static List<Object[]> items(LongFunction<Object[]> row) {
        List<Object[]> out = new ArrayList<>();
        for (long i = 1; i <= ROWS; i++) {
            out.add(row.apply(i));
        }
        return out;
    }

    private Path importItems(List<Object[]> rows) {
        StagingBuilder.in(tmp.resolve("staging")).table(ITEMS, rows).write();
        Path db = tmp.resolve("app.db");
        new SqliteImporter(ImportSqliteOptions.of(tmp.resolve("staging"), db)).run();
        return db;
    }

    @Test
    void everyRowArrivesInOrder() {
        Path db = importItems(items(i -> new Object[] {i, "item " + i, i % 3 == 0 ? null : i * 10}));
        assertThat(TableLoader.rowsPerStatement(3)).isEqualTo(TableLoader.ROWS_PER_INSERT);
        assertThat(Sqlite.scalar(db, "SELECT count(*) FROM items")).isEqualTo((long) ROWS);
        // rowid order is insertion order: the single-row tail came after the multi-row statements.
        List<List<Object>> all = Sqlite.query(db, "SELECT id, label, n FROM items ORDER BY rowid");
        for (int i = 0; i < ROWS; i++) {
            long id = i + 1;
            assertThat(all.get(i)).containsExactly(id, "item " + id, id % 3 == 0 ? null : id * 10);
        }
    }

    @Test
    void aDuplicateKeyInsideAMultiRowStatementIsNamedByItsRow() {
        MigrateException e = failure(items(i -> new Object[] {i == 37 ? 36L : i, "item " + i, i}));
        assertThat(e.location()).isEqualTo(new Location("items.json", "items", 37L, "id"));
        assertThat(e.getMessage()).contains("the value violates the SQLite table's constraint");
    }

    @Test
    void aMissingValueInTheLastRowsIsNamedByItsRow() {
        MigrateException e = failure(items(i -> new Object[] {i, i == 1_003 ? null : "item " + i, i}));
        assertThat(e.location()).isEqualTo(new Location("items.json", "items", 1_003L, "label"));
    }

    @Test
    void aMissingValueInTheFirstStatementIsNamedByItsRow() {
        MigrateException e = failure(items(i -> new Object[] {i, i == 1 ? null : "item " + i, i}));
        assertThat(e.location()).isEqualTo(new Location("items.json", "items", 1L, "label"));
    }

    @Test
    void aWideTableTakesFewerRowsPerStatement() {
        List<ColumnSchema> columns = new ArrayList<>();
        columns.add(notNull("id", INT));
        for (int c = 1; c < 150; c++) {
            columns.add(col("c" + c, TEXT));
        }
        TableSchema wide = table("wide", columns, List.of("id"));
        List<Object[]> rows = new ArrayList<>();
        for (long i = 1; i <= 101; i++) {
            Object[] row = new Object[150];
            row[0] = i;
            for (int c = 1; c < 150; c++) {
                row[c] = i + "." + c;
            }
            rows.add(row);
        }
        StagingBuilder.in(tmp.resolve("staging")).table(wide, rows).write();
        Path db = tmp.resolve("wide.db");
        new SqliteImporter(ImportSqliteOptions.of(tmp.resolve("staging"), db)).run();

        assertThat(TableLoader.rowsPerStatement(150)).isEqualTo(6); // 999 parameters at most
        assertThat(Sqlite.scalar(db, "SELECT count(*) FROM wide")).isEqualTo(101L);
        assertThat(Sqlite.query(db, "SELECT c1, c149 FROM wide WHERE id = 100").get(0))
                .containsExactly("100.1", "100.149");
        assertThat(Sqlite.query(db, "SELECT c77 FROM wide WHERE id = 101").get(0))
                .containsExactly("101.77");
    }

    @Test
    void aFailureInAnEarlierBatchIsNamedByItsRow() {
        MigrateException e = failure(
                items(i -> new Object[] {i == 450 ? 449L : i, "item " + i, i}), options -> options.withBatchSize(100));
        assertThat(e.location()).isEqualTo(new Location("items.json", "items", 450L, "id"));
    }

    @Test
    void batchesOfWholeStatementsLoadEveryRow() {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 1; i <= 1_008; i++) { // a multiple of 16: no single-row tail
            rows.add(new Object[] {i, "item " + i, i});
        }
        StagingBuilder.in(tmp.resolve("staging")).table(ITEMS, rows).write();
        Path db = tmp.resolve("app.db");
        List<Long> progress = new ArrayList<>();
        new SqliteImporter(ImportSqliteOptions.of(tmp.resolve("staging"), db).withBatchSize(100))
                .run(new ImportListener() {
                    @Override
                    public void rowsLoaded(String table, long rowsSoFar) {
                        progress.add(rowsSoFar);
                    }
                });
        assertThat(Sqlite.scalar(db, "SELECT count(*) FROM items")).isEqualTo(1_008L);
        assertThat(Sqlite.scalar(db, "SELECT sum(id * n) FROM items")).isEqualTo(341_905_704L);
        // batches end at whole statements: 112 rows (7 of 16), then the end of the table
        assertThat(progress).startsWith(112L, 224L).endsWith(1_008L);
    }

    /** Rows of big values go one per statement, so a statement never holds many of them. */
    @Test
    void rowsOfBigValuesArriveInOrder() {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 1; i <= 40; i++) {
            rows.add(new Object[] {i, Long.toString(i).repeat(i % 3 == 0 ? 60_000 : 5), i});
        }
        StagingBuilder.in(tmp.resolve("staging")).table(ITEMS, rows).write();
        Path db = tmp.resolve("app.db");
        new SqliteImporter(ImportSqliteOptions.of(tmp.resolve("staging"), db)).run();
        List<List<Object>> all =
                Sqlite.query(db, "SELECT id, length(label), substr(label, 1, 2) FROM items ORDER BY rowid");
        assertThat(all).hasSize(40);
        for (int i = 0; i < 40; i++) {
            long id = i + 1;
            String label = Long.toString(id);
            assertThat(all.get(i))
                    .containsExactly(
                            id,
                            (long) label.length() * (id % 3 == 0 ? 60_000 : 5),
                            label.repeat(2).substring(0, 2));
        }
    }

    /**
     * A schema file may turn on what makes a multi-row statement's failing row unknowable from
     * the table (foreign keys checked at the statement's end, a trigger): such tables load one row
     * per statement, and the row is named exactly as before.
     */
    @Test
    void aSchemaFileWithATriggerOrForeignKeysKeepsTheExactRow() throws Exception {
        Path ddl = java.nio.file.Files.writeString(tmp.resolve("schema.sql"), """
                PRAGMA foreign_keys = ON;
                CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL, n INTEGER);
                CREATE TRIGGER items_check AFTER INSERT ON items BEGIN
                    SELECT RAISE(ABORT, 'refused by the trigger') WHERE NEW.n = 777;
                END;
                """);
        MigrateException e =
                failure(items(i -> new Object[] {i, "item " + i, i}), options -> options.withSchemaFile(ddl));
        assertThat(e.location().row()).isEqualTo(777L);
    }

    private MigrateException failure(List<Object[]> rows) {
        return failure(rows, options -> options);
    }

    private MigrateException failure(
            List<Object[]> rows, java.util.function.UnaryOperator<ImportSqliteOptions> options) {
        StagingBuilder.in(tmp.resolve("staging")).table(ITEMS, rows).write();
        Path db = tmp.resolve("app.db");
        Throwable thrown = catchThrowable(
                () -> new SqliteImporter(options.apply(ImportSqliteOptions.of(tmp.resolve("staging"), db))).run());
        assertThat(thrown).isInstanceOf(MigrateException.class);
        assertThat(db).as("the target is not created").doesNotExist();
        return (MigrateException) thrown;
    }
}
