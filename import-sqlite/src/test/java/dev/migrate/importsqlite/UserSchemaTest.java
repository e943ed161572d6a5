package dev.migrate.importsqlite;

import static dev.migrate.importsqlite.StagingBuilder.col;
import static dev.migrate.importsqlite.StagingBuilder.identity;
import static dev.migrate.importsqlite.StagingBuilder.notNull;
import static dev.migrate.importsqlite.StagingBuilder.row;
import static dev.migrate.importsqlite.StagingBuilder.rows;
import static dev.migrate.importsqlite.StagingBuilder.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --schema FILE}: the user's DDL, staged columns mapped onto it by name. */
class UserSchemaTest {

    @TempDir
    Path tmp;

    static final StagingType INT64 = StagingType.of(StagingKind.INT64);
    static final StagingType TEXT = StagingType.of(StagingKind.TEXT);

    static final TableSchema PEOPLE = table(
            "people",
            List.of(
                    identity("id", INT64, "identity_by_default", 50L),
                    notNull("Name", TEXT),
                    col("email", TEXT),
                    col("extra", TEXT),
                    col("fee", StagingType.decimal(10, 2))),
            List.of("id"));
    static final TableSchema ORPHANS = table("orphans", List.of(notNull("id", INT64)), List.of("id"));

    Path staging() {
        return StagingBuilder.in(tmp.resolve("staging"))
                .table(PEOPLE, rows(row(1L, "Ann", "ann@x", "dropped 1", "12.50"), row(2L, "Bob", null, null, "7.00")))
                .table(ORPHANS, rows(row(1L), row(2L), row(3L)))
                .write();
    }

    Path schema(String ddl) throws IOException {
        return Files.writeString(tmp.resolve("schema.sql"), ddl);
    }

    @Test
    void stagedColumnsAreMappedByNameAndTheDifferencesReported() throws IOException {
        Path ddl = schema("""
                -- the application's own schema
                CREATE TABLE People (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    EMAIL TEXT UNIQUE,
                    nickname TEXT NOT NULL DEFAULT 'none',
                    score INTEGER,
                    fee NUMERIC
                );
                CREATE INDEX people_name ON People (name);
                CREATE TABLE settings (k TEXT PRIMARY KEY, v TEXT);
                INSERT INTO settings VALUES ('theme', 'dark');
                """);
        Path db = tmp.resolve("app.db");
        ImportResult r =
                new SqliteImporter(ImportSqliteOptions.of(staging(), db).withSchemaFile(ddl)).run();

        assertThat(Sqlite.query(db, "SELECT id, name, email, nickname, score FROM people ORDER BY id"))
                .containsExactly(
                        Arrays.asList(1L, "Ann", "ann@x", "none", null), Arrays.asList(2L, "Bob", null, "none", null));
        assertThat(Sqlite.query(db, "SELECT * FROM settings")).containsExactly(List.of("theme", "dark"));
        assertThat(r.tables()).singleElement().satisfies(t -> {
            assertThat(t.table()).isEqualTo("People");
            assertThat(t.rows()).isEqualTo(2);
            assertThat(t.notes())
                    .contains(
                            "column \"extra\" dropped: not in the schema file",
                            "column \"nickname\" missing from the staged data: gets its default",
                            "column \"score\" missing from the staged data: gets NULL");
        });
        assertThat(r.warnings())
                .contains(
                        "table \"orphans\" (3 staged rows) is not in the schema file schema.sql: not imported",
                        "table \"settings\" of the schema file has no staged data: left as the file made it")
                .anyMatch(w -> w.startsWith("table \"People\", column \"fee\": declared type NUMERIC has NUMERIC"
                        + " affinity; for staged decimal(10,2) values text that looks like a number would be"
                        + " converted"));
        // The source sequence position is kept because the file's key is AUTOINCREMENT.
        assertThat(Sqlite.scalar(db, "SELECT seq FROM sqlite_sequence WHERE name = 'People'"))
                .isEqualTo(50L);
        // Exactly what the warning said: NUMERIC affinity turned '7.00' into the integer 7.
        assertThat(Sqlite.query(db, "SELECT typeof(fee), fee FROM people WHERE id = 2"))
                .containsExactly(List.of("integer", 7L));
    }

    @Test
    void aNotNullColumnWithoutDefaultOrValuesIsRefusedUpFront() throws IOException {
        Path ddl = schema("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, born TEXT NOT NULL);");
        Path db = tmp.resolve("app.db");
        assertThatThrownBy(() ->
                        new SqliteImporter(ImportSqliteOptions.of(staging(), db).withSchemaFile(ddl)).run())
                .isInstanceOf(MigrateException.class)
                .hasMessage("table \"people\", column \"born\": the schema file declares the column NOT NULL without a"
                        + " default, and the staging directory has no values for it");
        assertThat(db).doesNotExist();
    }

    @Test
    void aSchemaFileSQLiteRejectsIsReportedWithItsName() throws IOException {
        Path ddl = schema("CREATE TABLE people (id INTEGER PRIMARY KEY,, name TEXT);");
        Path db = tmp.resolve("app.db");
        assertThatThrownBy(() ->
                        new SqliteImporter(ImportSqliteOptions.of(staging(), db).withSchemaFile(ddl)).run())
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("file " + ddl + ": schema file failed in SQLite: ")
                .hasMessageContaining("syntax error");
        assertThat(Sqlite.listing(tmp)).containsExactlyInAnyOrder("schema.sql", "staging");
    }

    @Test
    void aMissingSchemaFileIsRefusedBeforeAnythingIsWritten() {
        Path db = tmp.resolve("app.db");
        Path missing = tmp.resolve("nope.sql");
        assertThatThrownBy(() ->
                        new SqliteImporter(ImportSqliteOptions.of(staging(), db).withSchemaFile(missing)).run())
                .hasMessage("file " + missing + ": schema file does not exist or is not a file");
        assertThat(db).doesNotExist();
    }
}
