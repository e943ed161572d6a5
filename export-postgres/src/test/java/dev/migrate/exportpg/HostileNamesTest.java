package dev.migrate.exportpg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.staging.StagingReader;
import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identifiers cannot inject SQL: a table named {@code x"; DROP TABLE users; --}, columns with
 * spaces, quotes, semicolons, mixed case and reserved words, a schema with a quote in its name,
 * and a tenant whose users table, key, email and owner columns are all odd names.
 */
class HostileNamesTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    static Path tmp;

    static final String HOSTILE = "x\"; DROP TABLE users; --";

    @BeforeAll
    static void schema() throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("""
                    create table users (id integer primary key, email text);
                    insert into users values (1, 'u@example.com');
                    create table "x""; DROP TABLE users; --" (
                        id integer primary key,
                        "a column with spaces" text,
                        "quote""d" text,
                        "semi;colon" integer,
                        "MixedCase" boolean,
                        "select" text);
                    insert into "x""; DROP TABLE users; --" values
                        (1, 'value''); DROP TABLE users; --', 'q"q', 7, true, 'reserved'),
                        (2, null, '', -1, false, null);

                    create schema "we""ird schema";
                    create table "we""ird schema"."my users" ("the id" bigint primary key, "e""mail" text unique);
                    create table "we""ird schema"."note's" (
                        id integer primary key,
                        "owner's id" bigint references "we""ird schema"."my users",
                        body text);
                    create table "we""ird schema"."child ""table""\" (
                        id integer primary key,
                        "note id" integer not null references "we""ird schema"."note's" on delete cascade);
                    insert into "we""ird schema"."my users" values (1, 'a@x'), (2, 'b@x');
                    insert into "we""ird schema"."note's" values (10, 1, 'a note'), (20, 2, 'b note'), (30, null, 'shared');
                    insert into "we""ird schema"."child ""table""\" values (100, 10), (200, 20), (300, 30);
                    """);
        }
    }

    private static boolean tableExists(String name) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_class where relname = '" + name + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    @Test
    void hostileTableAndColumnNamesExportAsTheyAre() throws Exception {
        Path dir = tmp.resolve("public");
        ExportResult r = new PostgresExporter(Staged.options(db, dir).build()).run();
        assertThat(tableExists("users")).isTrue();
        assertThat(r.manifest().tables()).extracting(e -> e.table()).contains(HOSTILE, "users");

        List<Map<String, Object>> rows = Staged.rows(dir, HOSTILE);
        Map<String, Object> first =
                rows.stream().filter(m -> m.get("id").equals(1L)).findFirst().orElseThrow();
        assertThat(first)
                .containsEntry("a column with spaces", "value'); DROP TABLE users; --")
                .containsEntry("quote\"d", "q\"q")
                .containsEntry("semi;colon", 7L)
                .containsEntry("MixedCase", true)
                .containsEntry("select", "reserved");
        assertThat(rows).hasSize(2);
        // The file name is made safe; the manifest keeps the real name.
        String file =
                StagingReader.open(dir).manifest().entry(HOSTILE).orElseThrow().file();
        assertThat(file).matches("[A-Za-z0-9_-]+\\.json");
    }

    @Test
    void oddSchemaAndTenantNamesAreQuotedEverywhere() throws Exception {
        Path dir = tmp.resolve("weird");
        ExportResult r = new PostgresExporter(Staged.options(db, dir)
                        .schema("we\"ird schema")
                        .tenant(new TenantOptions("a@x", "my users", "the id", "e\"mail", "owner's id"))
                        .build())
                .run();
        assertThat(tableExists("users")).isTrue();
        assertThat(r.manifest().tenant().tableScopes())
                .containsEntry("my users", "user")
                .containsEntry("note's", "owned")
                .containsEntry("child \"table\"", "via_fk");
        assertThat(Staged.byKey(dir, "note's", "id").keySet()).containsExactlyInAnyOrder("10", "30");
        assertThat(Staged.byKey(dir, "child \"table\"", "id").keySet()).containsExactlyInAnyOrder("100", "300");
        assertThat(Staged.byKey(dir, "my users", "the id").keySet()).containsExactly("1");
        assertThat(r.manifest().schema().table("note's").orElseThrow().sourceSchema())
                .isEqualTo("we\"ird schema");
    }
}
