package dev.migrate.importsqlite;

import static dev.migrate.importsqlite.StagingBuilder.col;
import static dev.migrate.importsqlite.StagingBuilder.identity;
import static dev.migrate.importsqlite.StagingBuilder.notNull;
import static dev.migrate.importsqlite.StagingBuilder.row;
import static dev.migrate.importsqlite.StagingBuilder.rows;
import static dev.migrate.importsqlite.StagingBuilder.table;
import static dev.migrate.importsqlite.StagingBuilder.withDefault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.SkippedObject;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema created from the manifest's snapshot: keys, sequences, constraints, defaults, indexes. */
class SchemaTest {

    @TempDir
    Path tmp;

    static final StagingType INT32 = StagingType.of(StagingKind.INT32);
    static final StagingType INT64 = StagingType.of(StagingKind.INT64);
    static final StagingType TEXT = StagingType.of(StagingKind.TEXT);
    static final StagingType BOOL = StagingType.of(StagingKind.BOOLEAN);

    ImportResult result;

    Path load(StagingBuilder b) {
        b.write();
        Path db = tmp.resolve("out.db");
        result = new SqliteImporter(ImportSqliteOptions.of(tmp.resolve("staging"), db)).run();
        return db;
    }

    StagingBuilder staging() {
        return StagingBuilder.in(tmp.resolve("staging"));
    }

    List<String> notes(String table) {
        return result.tables().stream()
                .filter(t -> t.table().equals(table))
                .findFirst()
                .orElseThrow()
                .notes();
    }

    @Test
    void identityKeysBecomeAutoincrementAndKeepTheSourceSequencePosition() throws SQLException {
        Path db = load(staging()
                .table(
                        table(
                                "items",
                                List.of(identity("id", INT64, "identity_by_default", 100L), col("name", TEXT)),
                                List.of("id")),
                        rows(row(1L, "a"), row(5L, "b"), row(9007199254740993L - 200, "big")))
                .table(
                        table(
                                "serials",
                                List.of(
                                        withDefault(
                                                identity("id", INT32, "serial", 9L),
                                                "nextval('serials_id_seq'::regclass)"),
                                        col("name", TEXT)),
                                List.of("id")),
                        rows(row(1L, "a"), row(7L, "b")))
                .table(
                        table(
                                "behind",
                                List.of(identity("id", INT64, "identity_always", 3L), col("name", TEXT)),
                                List.of("id")),
                        rows(row(7L, "a")))
                .table(
                        table(
                                "empty",
                                List.of(identity("id", INT64, "autoincrement", 42L), col("name", TEXT)),
                                List.of("id")),
                        List.of())
                .table(
                        table(
                                "rowids",
                                List.of(identity("id", INT64, "rowid", null), col("name", TEXT)),
                                List.of("id")),
                        rows(row(3L, "a"))));

        for (String t : List.of("items", "serials", "behind", "empty")) {
            assertThat((String) Sqlite.scalar(db, "SELECT sql FROM sqlite_schema WHERE name = '" + t + "'"))
                    .contains("\"id\" INTEGER PRIMARY KEY AUTOINCREMENT");
        }
        assertThat((String) Sqlite.scalar(db, "SELECT sql FROM sqlite_schema WHERE name = 'rowids'"))
                .contains("\"id\" INTEGER PRIMARY KEY")
                .doesNotContain("AUTOINCREMENT");
        Map<Object, Object> seq = Sqlite.query(db, "SELECT name, seq FROM sqlite_sequence").stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> r.get(1)));
        // items: the source had handed out up to 100, but a row holds a larger id: SQLite keeps the larger.
        assertThat(seq).containsEntry("items", 9007199254740993L - 200);
        assertThat(seq).containsEntry("serials", 9L).containsEntry("behind", 7L).containsEntry("empty", 42L);
        assertThat(notes("behind")).anyMatch(n -> n.contains("below the largest id 7"));

        try (Connection c = Sqlite.open(db);
                Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO serials (name) VALUES ('new')");
            st.executeUpdate("INSERT INTO empty (name) VALUES ('new')");
        }
        assertThat(Sqlite.scalar(db, "SELECT id FROM serials WHERE name = 'new'"))
                .isEqualTo(10L);
        assertThat(Sqlite.scalar(db, "SELECT id FROM empty WHERE name = 'new'")).isEqualTo(43L);
        assertThat(Sqlite.query(db, "SELECT id, name FROM serials ORDER BY id"))
                .containsExactly(List.of(1L, "a"), List.of(7L, "b"), List.of(10L, "new"));
        // The nextval() default was replaced by the rowid, silently (nothing is lost).
        assertThat(notes("serials")).noneMatch(n -> n.contains("nextval"));
    }

    @Test
    void compositeForeignKeysKeepTheirColumnsAndActions() throws SQLException {
        TableSchema parent = table(
                "parent", List.of(notNull("a", INT32), notNull("b", TEXT), col("label", TEXT)), List.of("a", "b"));
        TableSchema child = table(
                "child",
                List.of(notNull("id", INT32), col("pa", INT32), col("pb", TEXT)),
                List.of("id"),
                List.of(new ForeignKey(
                        "child_pa_pb_fkey",
                        List.of("pa", "pb"),
                        "parent",
                        List.of("a", "b"),
                        "CASCADE",
                        "SET NULL",
                        "DEFERRABLE INITIALLY DEFERRED")),
                List.of(),
                List.of());
        Path db = load(staging()
                .table(parent, rows(row(1L, "x", "one"), row(2L, "y", "two")))
                .table(child, rows(row(10L, 1L, "x"), row(11L, 2L, "y"), row(12L, null, null))));

        assertThat(Sqlite.query(
                        db,
                        "SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('child')"
                                + " ORDER BY seq"))
                .containsExactly(
                        List.of("parent", "pa", "a", "SET NULL", "CASCADE"),
                        List.of("parent", "pb", "b", "SET NULL", "CASCADE"));
        assertThat((String) Sqlite.scalar(db, "SELECT sql FROM sqlite_schema WHERE name = 'child'"))
                .contains(
                        "CONSTRAINT \"child_pa_pb_fkey\" FOREIGN KEY (\"pa\", \"pb\") REFERENCES \"parent\" (\"a\", \"b\")")
                .contains("DEFERRABLE INITIALLY DEFERRED");
        assertThat(Sqlite.query(db, "SELECT name, pk FROM pragma_table_info('parent') ORDER BY cid"))
                .containsExactly(List.of("a", 1L), List.of("b", 2L), List.of("label", 0L));
        try (Connection c = Sqlite.open(db);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            st.executeUpdate("DELETE FROM parent WHERE a = 1");
        }
        assertThat(Sqlite.query(db, "SELECT id FROM child ORDER BY id")).containsExactly(List.of(11L), List.of(12L));
    }

    @Test
    void uniqueConstraintsAreEnforced() {
        TableSchema t = table(
                "people",
                List.of(notNull("id", INT32), col("email", TEXT), col("org", INT32), col("code", TEXT)),
                List.of("id"),
                List.of(),
                List.of(
                        new UniqueConstraint("people_email_key", List.of("email")),
                        new UniqueConstraint("people_org_code_key", List.of("org", "code"))),
                List.of());
        Path db = load(staging().table(t, rows(row(1L, "a@x", 1L, "c"), row(2L, "b@x", 1L, "d"))));
        assertThatThrownBy(() -> Sqlite.exec(db, "INSERT INTO people VALUES (3, 'a@x', 9, 'z')"))
                .hasMessageContaining("UNIQUE constraint failed: people.email");
        assertThatThrownBy(() -> Sqlite.exec(db, "INSERT INTO people VALUES (4, 'n@x', 1, 'c')"))
                .hasMessageContaining("UNIQUE constraint failed: people.org, people.code");
        Sqlite.exec(db, "INSERT INTO people VALUES (5, 'm@x', 2, 'c')");
    }

    @Test
    void enumColumnsCheckTheirLabels() {
        TableSchema t = table(
                "charts",
                List.of(
                        notNull("id", INT32),
                        withDefault(notNull("kind", StagingType.enumOf("chart_type")), "'natal'::chart_type")),
                List.of("id"));
        Path db = load(staging()
                .enumType("chart_type", "natal", "transit", "it's")
                .table(t, rows(row(1L, "natal"), row(2L, "it's"))));
        assertThat((String) Sqlite.scalar(db, "SELECT sql FROM sqlite_schema WHERE name = 'charts'"))
                .contains("CHECK (\"kind\" IN ('natal', 'transit', 'it''s'))")
                .contains("DEFAULT 'natal'");
        assertThatThrownBy(() -> Sqlite.exec(db, "INSERT INTO charts VALUES (3, 'bogus')"))
                .hasMessageContaining("CHECK constraint failed");
        Sqlite.exec(db, "INSERT INTO charts (id) VALUES (4)");
        assertThat(Sqlite.scalar(db, "SELECT kind FROM charts WHERE id = 4")).isEqualTo("natal");
    }

    @Test
    void portableDefaultsAreTranslatedAndTheOthersReported() {
        StagingType tstz = StagingType.of(StagingKind.TIMESTAMPTZ);
        List<ColumnSchema> columns = List.of(
                notNull("id", INT32),
                withDefault(col("created", tstz), "now()"),
                withDefault(col("stamped", StagingType.of(StagingKind.TIMESTAMP)), "CURRENT_TIMESTAMP"),
                withDefault(col("day", StagingType.of(StagingKind.DATE)), "CURRENT_DATE"),
                withDefault(col("active", BOOL), "true"),
                withDefault(col("archived", BOOL), "false"),
                withDefault(col("locale", StagingType.varchar(16)), "'en-US'::character varying"),
                withDefault(col("quote", TEXT), "'it''s'::text"),
                withDefault(col("settings", StagingType.of(StagingKind.JSONB)), "'{ \"a\" : 1 }'::jsonb"),
                withDefault(col("fee", StagingType.decimal(12, 2)), "12.50"),
                withDefault(col("neg", INT32), "'-1'::integer"),
                withDefault(col("neg2", INT32), "(-2)"),
                withDefault(col("ratio", StagingType.of(StagingKind.FLOAT64)), "'NaN'::double precision"),
                withDefault(col("uid", StagingType.of(StagingKind.UUID)), "gen_random_uuid()"),
                withDefault(
                        col("ext", StagingType.of(StagingKind.UUID)), "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid"),
                withDefault(col("seq", INT64), "nextval('other_seq'::regclass)"),
                withDefault(col("tags", StagingType.array(TEXT, 1)), "'{}'::text[]"),
                withDefault(col("weird", TEXT), "upper(current_user)"),
                withDefault(col("blob", StagingType.of(StagingKind.BYTES)), "'\\x00ff'::bytea"),
                withDefault(col("inf", tstz), "'infinity'::timestamp with time zone"),
                withDefault(col("epoch", tstz), "'1970-01-01 00:00:00+00'::timestamp with time zone"));
        Object[] values = new Object[columns.size()];
        values[0] = 1L;
        Path db = load(staging().table(table("d", columns, List.of("id")), rows(values)));
        Map<Object, Object> defaults = Sqlite.query(db, "SELECT name, dflt_value FROM pragma_table_info('d')").stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> r.get(1) == null ? "(none)" : r.get(1)));
        assertThat(defaults)
                .containsEntry("created", "CURRENT_TIMESTAMP")
                .containsEntry("stamped", "CURRENT_TIMESTAMP")
                .containsEntry("day", "CURRENT_DATE")
                .containsEntry("active", "1")
                .containsEntry("archived", "0")
                .containsEntry("locale", "'en-US'")
                .containsEntry("quote", "'it''s'")
                .containsEntry("settings", "'{\"a\":1}'")
                .containsEntry("fee", "'12.50'")
                .containsEntry("neg", "-1")
                .containsEntry("neg2", "-2")
                .containsEntry("ratio", "'NaN'")
                .containsEntry("uid", "(none)")
                .containsEntry("ext", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'")
                .containsEntry("seq", "(none)")
                .containsEntry("tags", "'[]'")
                .containsEntry("weird", "(none)")
                .containsEntry("blob", "X'00ff'")
                .containsEntry("inf", "'infinity'")
                .containsEntry("epoch", "'1970-01-01 00:00:00+00:00'");
        assertThat(notes("d"))
                .anyMatch(n -> n.contains("\"uid\"") && n.contains("gen_random_uuid() dropped"))
                .anyMatch(n -> n.contains("\"seq\"") && n.contains("nextval"))
                .anyMatch(n -> n.contains("\"weird\"") && n.contains("not a portable expression"));
        // The defaults work: a row inserted by the application gets them, stored like imported values.
        Sqlite.exec(db, "INSERT INTO d (id) VALUES (2)");
        assertThat(Sqlite.query(
                        db,
                        "SELECT typeof(created), active, typeof(fee), fee, typeof(neg), settings, typeof(ratio),"
                                + " hex(blob) FROM d WHERE id = 2"))
                .containsExactly(Arrays.asList("text", 1L, "text", "12.50", "integer", "{\"a\":1}", "text", "00FF"));
    }

    @Test
    void indexesThatMeanTheSameInSqliteAreCreatedOthersReported() {
        TableSchema t = table(
                "clients",
                List.of(
                        notNull("id", INT32),
                        col("email", TEXT),
                        col("status", StagingType.varchar(10)),
                        col("score", INT32),
                        col("active", BOOL),
                        col("deleted_at", StagingType.of(StagingKind.TIMESTAMPTZ)),
                        col("doc", StagingType.of(StagingKind.JSONB)),
                        col("fee", StagingType.decimal(10, 2))),
                List.of("id"),
                List.of(),
                List.of(),
                List.of(
                        new IndexSchema(
                                "clients_email_idx",
                                false,
                                List.of("email"),
                                "CREATE INDEX clients_email_idx ON public.clients USING btree (email)",
                                null,
                                true),
                        new IndexSchema(
                                "clients_status_score_key",
                                true,
                                List.of("status", "score"),
                                "CREATE UNIQUE INDEX clients_status_score_key ON public.clients USING btree (status,"
                                        + " score)",
                                null,
                                true),
                        new IndexSchema(
                                "clients_lower_email_idx",
                                false,
                                List.of(),
                                "CREATE INDEX clients_lower_email_idx ON public.clients USING btree (lower(email))",
                                null,
                                false),
                        new IndexSchema(
                                "clients_active_idx",
                                false,
                                List.of("score"),
                                "CREATE INDEX clients_active_idx ON public.clients USING btree (score DESC) WHERE"
                                        + " (active AND (deleted_at IS NULL))",
                                "(active AND (deleted_at IS NULL))",
                                false),
                        new IndexSchema(
                                "clients_live_email_key",
                                true,
                                List.of("email"),
                                "CREATE UNIQUE INDEX clients_live_email_key ON public.clients USING btree (email)"
                                        + " WHERE ((status)::text = 'live'::text)",
                                "((status)::text = 'live'::text)",
                                false),
                        new IndexSchema(
                                "clients_doc_idx",
                                false,
                                List.of("doc"),
                                "CREATE INDEX clients_doc_idx ON public.clients USING gin (doc)",
                                null,
                                false),
                        new IndexSchema(
                                "clients_lower_unique",
                                true,
                                List.of(),
                                "CREATE UNIQUE INDEX clients_lower_unique ON public.clients USING btree (lower(email))",
                                null,
                                false),
                        new IndexSchema(
                                "clients_fee_idx",
                                false,
                                List.of("id"),
                                "CREATE INDEX clients_fee_idx ON public.clients USING btree (id) WHERE (fee > 10.00)",
                                "(fee > 10.00)",
                                false)));
        Path db = load(staging().table(t, rows(row(1L, "A@x", "live", 5L, true, null, "{}", "12.00"))));
        Map<Object, Object> sql = Sqlite.query(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index'").stream()
                .filter(r -> r.get(1) != null)
                .collect(Collectors.toMap(r -> r.get(0), r -> r.get(1)));
        assertThat(sql)
                .containsEntry("clients_email_idx", "CREATE INDEX \"clients_email_idx\" ON \"clients\" (\"email\")")
                .containsEntry(
                        "clients_status_score_key",
                        "CREATE UNIQUE INDEX \"clients_status_score_key\" ON \"clients\" (\"status\", \"score\")")
                .containsEntry(
                        "clients_lower_email_idx",
                        "CREATE INDEX \"clients_lower_email_idx\" ON \"clients\" (lower(\"email\"))")
                .containsEntry(
                        "clients_active_idx",
                        "CREATE INDEX \"clients_active_idx\" ON \"clients\" (\"score\" DESC) WHERE (\"active\" AND"
                                + " (\"deleted_at\" IS NULL))")
                .containsEntry(
                        "clients_live_email_key",
                        "CREATE UNIQUE INDEX \"clients_live_email_key\" ON \"clients\" (\"email\") WHERE (\"status\" ="
                                + " 'live')")
                .doesNotContainKeys("clients_doc_idx", "clients_lower_unique", "clients_fee_idx");
        assertThat(notes("clients"))
                .anyMatch(n -> n.startsWith("index \"clients_doc_idx\" not reproduced: SQLite has no gin indexes"))
                .anyMatch(n -> n.startsWith("index \"clients_lower_unique\" not reproduced") && n.contains("ASCII"))
                .anyMatch(n -> n.startsWith("index \"clients_fee_idx\" not reproduced"));
        // The partial unique index means what it meant in PostgreSQL.
        Sqlite.exec(db, "INSERT INTO clients (id, email, status, score) VALUES (2, 'A@x', 'gone', 6)");
        assertThatThrownBy(() ->
                        Sqlite.exec(db, "INSERT INTO clients (id, email, status, score) VALUES (3, 'A@x', 'live', 7)"))
                .hasMessageContaining("UNIQUE constraint failed");
    }

    @Test
    void notMigratedObjectsAndChecksAreReported() {
        TableSchema t = new TableSchema(
                "t",
                "public",
                List.of(notNull("id", INT32), col("n", INT32)),
                List.of("id"),
                null,
                null,
                null,
                List.of("CHECK ((n > 0))"),
                null);
        load(staging()
                .skipped(new SkippedObject("view", "active_clients", "views are not migrated", "SELECT 1"))
                .skipped(new SkippedObject("trigger", "t.audit", "triggers are not migrated", null))
                .table(t, rows(row(1L, 5L))));
        assertThat(result.warnings())
                .contains(
                        "view active_clients not migrated: views are not migrated",
                        "trigger t.audit not migrated: triggers are not migrated");
        assertThat(notes("t")).contains("check constraint not reproduced (not portable to SQLite): CHECK ((n > 0))");
        assertThat(result.tables()).singleElement().satisfies(s -> {
            assertThat(s.rows()).isEqualTo(1);
            assertThat(s.bytes()).isPositive();
            assertThat(s.sourceTable()).isEqualTo("t");
        });
    }

    @Test
    void aForeignKeyViolationFromPostgresFailsAndNamesTheRow() {
        TableSchema parent = table("parent", List.of(notNull("id", INT32)), List.of("id"));
        TableSchema child = table(
                "child",
                List.of(notNull("id", INT32), col("parent_id", INT32)),
                List.of("id"),
                List.of(new ForeignKey(null, List.of("parent_id"), "parent", List.of("id"), null, null, null)),
                List.of(),
                List.of());
        staging()
                .table(parent, rows(row(1L)))
                .table(child, rows(row(1L, 1L), row(2L, 99L)))
                .write();
        Path db = tmp.resolve("out.db");
        assertThatThrownBy(() -> new SqliteImporter(ImportSqliteOptions.of(tmp.resolve("staging"), db)).run())
                .isInstanceOf(MigrateException.class)
                .hasMessage("table \"child\", column \"parent_id\": foreign key violation in the new database: row with"
                        + " rowid 2 has '99' with no matching row in \"parent\"");
        assertThat(db).doesNotExist();
        assertThat(Sqlite.listing(tmp)).containsExactly("staging");
    }

    @Test
    void aForeignKeyViolationAlreadyInASqliteSourceIsKeptAndReported() {
        TableSchema parent = table("parent", List.of(notNull("id", INT32)), List.of("id"));
        TableSchema child = table(
                "child",
                List.of(notNull("id", INT32), col("parent_id", INT32)),
                List.of("id"),
                List.of(new ForeignKey(null, List.of("parent_id"), "parent", List.of("id"), null, null, null)),
                List.of(),
                List.of());
        Path db = load(
                staging().dialect("sqlite").table(parent, rows(row(1L))).table(child, rows(row(1L, 1L), row(2L, 99L))));
        assertThat(Sqlite.scalar(db, "SELECT parent_id FROM child WHERE id = 2"))
                .isEqualTo(99L);
        assertThat(result.warnings())
                .contains("foreign key violation kept: \"child\" rowid 2 [parent_id] = '99' → \"parent\" (the SQLite"
                        + " source already held it)");
    }

    @Test
    void manyKeptViolationsAreListedUpToALimitThenCounted() {
        TableSchema parent = table("parent", List.of(notNull("id", INT32)), List.of("id"));
        TableSchema child = table(
                "child",
                List.of(notNull("id", INT32), col("parent_id", INT32)),
                List.of("id"),
                List.of(new ForeignKey(null, List.of("parent_id"), "parent", List.of("id"), null, null, null)),
                List.of(),
                List.of());
        List<Object[]> children = new java.util.ArrayList<>();
        for (long i = 1; i <= 50; i++) {
            children.add(row(i, 1000 + i));
        }
        load(staging().dialect("sqlite").table(parent, rows(row(1L))).table(child, children));
        assertThat(result.warnings().stream().filter(w -> w.startsWith("foreign key violation kept")))
                .hasSize(IntegrityChecks.LISTED_PER_KEY);
        assertThat(result.warnings()).contains("... 30 more violations of the same foreign key in \"child\"");
    }

    @Test
    void namesWithQuotesSpacesAndSqlAreIdentifiersNotCode() {
        String evil = "x\"; DROP TABLE users; --";
        TableSchema users = table("users", List.of(notNull("id", INT32)), List.of("id"));
        TableSchema t = table(
                evil,
                List.of(notNull("my \"id\"", INT32), col("sel ect", TEXT), col("order", TEXT)),
                List.of("my \"id\""),
                List.of(),
                List.of(new UniqueConstraint("u\"q", List.of("sel ect"))),
                List.of(new IndexSchema("i\"x", false, List.of("order"), null, null, true)));
        Path db = load(staging().table(users, rows(row(1L))).table(t, rows(row(1L, "a", "b"))));
        assertThat(Sqlite.query(db, "SELECT * FROM \"x\"\"; DROP TABLE users; --\""))
                .containsExactly(List.of(1L, "a", "b"));
        assertThat(Sqlite.scalar(db, "SELECT count(*) FROM users")).isEqualTo(1L);
        assertThat(Sqlite.scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'i\"x'"))
                .isEqualTo(1L);
    }

    @Test
    void tableNamesThatOnlyDifferInCaseAreRefused() {
        staging()
                .table(table("Users", List.of(notNull("id", INT32)), List.of("id")), List.of())
                .table(table("users", List.of(notNull("id", INT32)), List.of("id")), List.of())
                .write();
        Path db = tmp.resolve("out.db");
        assertThatThrownBy(() -> new SqliteImporter(ImportSqliteOptions.of(tmp.resolve("staging"), db)).run())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("tables \"Users\" and \"users\" would be the same table in SQLite");
        assertThat(Files.exists(db)).isFalse();
    }
}
