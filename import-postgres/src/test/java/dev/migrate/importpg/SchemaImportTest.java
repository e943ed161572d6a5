package dev.migrate.importpg;

import static dev.migrate.importpg.StagingFixture.row;
import static dev.migrate.importpg.StagingFixture.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Identity;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables, keys, identities, foreign keys, indexes and names as they come out in PostgreSQL. */
class SchemaImportTest extends ImportTestSupport {

    static final StagingType INT = StagingType.of(StagingKind.INT64);
    static final StagingType INT32 = StagingType.of(StagingKind.INT32);
    static final StagingType TEXT = StagingType.of(StagingKind.TEXT);

    @Test
    void integerPrimaryKeyBecomesIdentityPastMaxIdAndPastSqliteSequence() throws Exception {
        Path s = StagingFixture.fromSqlite()
                .add(
                        table("artists")
                                .col("id", INT, false, null, new Identity("autoincrement", null, 120L))
                                .col("name", TEXT)
                                .pk("id"),
                        row(1L, "a"),
                        row(7L, "b"))
                .add(
                        table("albums")
                                .col("id", INT32, false, null, new Identity("rowid", null, null))
                                .col("title", TEXT)
                                .pk("id"),
                        row(3L, "x"),
                        row(41L, "y"))
                .add(table("empty")
                        .col("id", INT, false, null, new Identity("autoincrement", null, null))
                        .pk("id"))
                .add(table("empty_used")
                        .col("id", INT, false, null, new Identity("autoincrement", null, 5L))
                        .pk("id"))
                .write(tmp.resolve("identity"));
        String target = db.createDatabase("identity");
        importInto(target, s);

        assertThat(value(
                        target,
                        "select format_type(atttypid, atttypmod) || ' ' || attidentity::text from pg_attribute"
                                + " where attrelid = 'albums'::regclass and attname = 'id'"))
                .isEqualTo("bigint d");
        execute(
                target,
                "insert into artists (name) values ('next')",
                "insert into albums (title) values ('next')",
                "insert into empty default values",
                "insert into empty_used default values");
        assertThat(value(target, "select id from artists where name = 'next'")).isEqualTo("121");
        assertThat(value(target, "select id from albums where title = 'next'")).isEqualTo("42");
        assertThat(value(target, "select id from empty")).isEqualTo("1");
        assertThat(value(target, "select id from empty_used")).isEqualTo("6");
    }

    @Test
    void postgresSourcesKeepSerialAndIdentityKinds() throws Exception {
        Path s = StagingFixture.fromPostgres()
                .add(
                        table("events")
                                .col(
                                        "id",
                                        INT32,
                                        false,
                                        "nextval('events_id_seq'::regclass)",
                                        new Identity("serial", "public.events_id_seq", 9L))
                                .col("note", TEXT)
                                .pk("id"),
                        row(1L, "a"),
                        row(4L, "b"))
                .add(
                        table("notes")
                                .col("id", INT, false, null, new Identity("identity_always", null, 9007199254740993L))
                                .col("at", StagingType.of(StagingKind.TIMESTAMPTZ), false, "now()", null)
                                .pk("id"),
                        row(9007199254740993L, "2024-01-01 00:00:00+00:00"))
                .write(tmp.resolve("pg-identity"));
        String target = db.createDatabase("pgidentity");
        importInto(target, s);
        assertThat(value(
                        target,
                        "select format_type(atttypid, atttypmod) || ' ' || pg_get_expr(adbin, adrelid)"
                                + " from pg_attribute join pg_attrdef on adrelid = attrelid and adnum = attnum"
                                + " where attrelid = 'events'::regclass and attname = 'id'"))
                .isEqualTo("integer nextval('events_id_seq'::regclass)");
        assertThat(value(
                        target,
                        "select attidentity from pg_attribute where attrelid = 'notes'::regclass and attname = 'id'"))
                .isEqualTo("a");
        execute(target, "insert into events (note) values ('n')", "insert into notes default values");
        assertThat(value(target, "select id from events where note = 'n'")).isEqualTo("10");
        assertThat(value(target, "select max(id) from notes")).isEqualTo("9007199254740994");
    }

    @Test
    void compositeKeysOrphansAndIndexes() throws Exception {
        Path s = StagingFixture.fromSqlite()
                .add(
                        table("orders")
                                .notNull("shop", INT)
                                .notNull("no", INT)
                                .col("total", TEXT)
                                .pk("shop", "no"),
                        row(1L, 1L, "a"),
                        row(1L, 2L, "b"))
                .add(
                        table("lines")
                                .notNull("id", INT)
                                .col("shop", INT)
                                .col("no", INT)
                                .col("sku", TEXT)
                                .pk("id")
                                .fk(List.of("shop", "no"), "orders", List.of("shop", "no"))
                                .index(new IndexSchema("lines_sku", false, List.of("sku"), null, null, true))
                                .index(new IndexSchema(
                                        "lines_lower_sku",
                                        false,
                                        List.of(),
                                        "CREATE INDEX lines_lower_sku ON lines (lower(sku))",
                                        null,
                                        false))
                                .index(new IndexSchema(
                                        "lines_nocase",
                                        false,
                                        List.of(),
                                        "CREATE INDEX lines_nocase ON lines (sku COLLATE NOCASE)",
                                        null,
                                        false))
                                .unique(null, "shop", "no", "sku"),
                        row(10L, 1L, 1L, "x"),
                        row(11L, 1L, 9L, "y"),
                        row(12L, null, 9L, "z"),
                        row(13L, 1L, 2L, "w"))
                .write(tmp.resolve("composite"));
        String target = db.createDatabase("composite");
        ImportResult r = importInto(target, s);

        assertThat(rows(
                        target,
                        "select conname, convalidated, pg_get_constraintdef(oid) from pg_constraint"
                                + " where conrelid = 'lines'::regclass and contype = 'f'"))
                .singleElement()
                .satisfies(
                        x -> assertThat(x).contains("|f|FOREIGN KEY (shop, no) REFERENCES orders(shop, no) NOT VALID"));
        assertThat(rows(target, "select id from lines order by id")).containsExactly("10", "11", "12", "13");
        assertThat(r.warnings())
                .anySatisfy(w -> assertThat(w)
                        .contains(
                                "created NOT VALID", "1 row has no matching row in \"orders\"", "id=11 (shop=1,no=9)"));
        assertThat(rows(target, "select indexname from pg_indexes where tablename = 'lines' order by 1"))
                .contains("lines_pkey", "lines_sku", "lines_lower_sku")
                .doesNotContain("lines_nocase");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("lines_nocase", "not created"));
        assertThat(value(
                        target,
                        // contype: PostgreSQL 18 also lists NOT NULL constraints in pg_constraint.
                        "select pg_get_constraintdef(oid) from pg_constraint where conrelid = 'orders'::regclass"
                                + " and contype = 'p'"))
                .isEqualTo("PRIMARY KEY (shop, no)");
        // New rows are checked even though the key is NOT VALID.
        var e = catchThrowableOfType(
                java.sql.SQLException.class, () -> execute(target, "insert into lines values (20, 5, 5, 'q')"));
        assertThat(e.getSQLState()).isEqualTo("23503");
    }

    @Test
    void identifiersKeepCaseSpacesReservedWordsAndQuotes() throws Exception {
        String evil = "x\"; DROP TABLE users; --";
        Path s = StagingFixture.fromSqlite()
                .add(table("users").notNull("id", INT).pk("id"), row(1L))
                .add(
                        table("Mixed Case")
                                .notNull("Id", INT)
                                .col("order", TEXT)
                                .col("user", TEXT)
                                .col("a\"b", TEXT)
                                .pk("Id"),
                        row(1L, "o", "u", "q"))
                .add(
                        table(evil)
                                .notNull("references", INT)
                                .col("select", TEXT)
                                .pk("references")
                                .fk(new ForeignKey(
                                        null,
                                        List.of("references"),
                                        "Mixed Case",
                                        List.of("Id"),
                                        "CASCADE",
                                        null,
                                        null)),
                        row(1L, "s"))
                .write(tmp.resolve("names"));
        String target = db.createDatabase("names");
        importInto(target, s);
        assertThat(
                        rows(
                                target,
                                "select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace order by 1"))
                .containsExactly("Mixed Case", "users", evil);
        assertThat(rows(target, "select \"Id\", \"order\", \"user\", \"a\"\"b\" from \"Mixed Case\""))
                .containsExactly("1|o|u|q");
        assertThat(rows(target, "select * from \"x\"\"; DROP TABLE users; --\""))
                .containsExactly("1|s");
        assertThat(rows(target, "select count(*) from users")).containsExactly("1");
    }

    @Test
    void namesOver63BytesOrCollidingAreRefusedBeforeTouchingTheTarget() throws Exception {
        String long1 = "a".repeat(63) + "_one";
        String long2 = "a".repeat(63) + "_two";
        Path s = StagingFixture.fromSqlite()
                .add(
                        table("products")
                                .notNull("id", INT)
                                .col(long1, TEXT)
                                .col(long2, TEXT)
                                .pk("id"),
                        row(1L, "x", "y"))
                .write(tmp.resolve("long"));
        String target = db.createDatabase("longnames");
        String before = fingerprint(target);
        var e = catchThrowableOfType(MigrateException.class, () -> importInto(target, s));
        assertThat(e.getMessage())
                .contains("column \"" + long1 + "\" of table \"products\" is 67 bytes", "same name after truncation")
                .doesNotContain("\n");
        assertThat(fingerprint(target)).isEqualTo(before);
    }

    @Test
    void sqliteDefaultIdiomsBecomePostgresDefaultsOrAreReported() throws Exception {
        StagingType ts = StagingType.of(StagingKind.TIMESTAMP);
        StagingType tstz = StagingType.of(StagingKind.TIMESTAMPTZ);
        StagingType bool = StagingType.of(StagingKind.BOOLEAN);
        Path s = StagingFixture.fromSqlite()
                .add(table("d")
                        .notNull("id", INT)
                        .col("a", ts, true, "CURRENT_TIMESTAMP", null)
                        .col("b", ts, true, "datetime('now')", null)
                        .col("c", ts, true, "(datetime('now','localtime'))", null)
                        .col("e", ts, true, "(strftime('%Y-%m-%d %H:%M:%f','now'))", null)
                        .col("f", StagingType.of(StagingKind.DATE), true, "current_date", null)
                        .col("g", bool, true, "(1)", null)
                        .col("h", bool, true, "'t'", null)
                        .col("i", INT, true, "'0'", null)
                        .col("j", TEXT, true, "\"\"", null)
                        .col("k", INT, true, "'\"0\"'", null)
                        .col("l", StagingType.decimal(null, null), true, "false", null)
                        .col("m", INT, true, "'null'", null)
                        .col("n", ts, true, "0", null)
                        .col("o", TEXT, true, "(lower(hex(randomblob(16))))", null)
                        .col("p", tstz, true, "'current_timestamp'", null)
                        .col("q", TEXT, true, "CURRENT_TIMESTAMP", null)
                        .col("r", StagingType.of(StagingKind.FLOAT64), true, "-1.5", null)
                        .col("t", TEXT, true, "'it''s'", null)
                        .col("u", bool, true, "FALSE", null)
                        .pk("id"))
                .write(tmp.resolve("defaults"));
        String target = db.createDatabase("defaults");
        ImportResult r = importInto(target, s);
        assertThat(rows(
                        target,
                        "select attname || '=' || coalesce(pg_get_expr(adbin, adrelid), '-') from pg_attribute"
                                + " left join pg_attrdef on adrelid = attrelid and adnum = attnum"
                                + " where attrelid = 'd'::regclass and attnum > 1 order by attnum"))
                .containsExactly(
                        "a=(CURRENT_TIMESTAMP AT TIME ZONE 'UTC'::text)",
                        "b=(CURRENT_TIMESTAMP AT TIME ZONE 'UTC'::text)",
                        "c=LOCALTIMESTAMP",
                        "e=(CURRENT_TIMESTAMP AT TIME ZONE 'UTC'::text)",
                        "f=((CURRENT_TIMESTAMP AT TIME ZONE 'UTC'::text))::date",
                        "g=true",
                        "h=true",
                        "i=0",
                        "j=''::text",
                        "k=0",
                        "l=0",
                        "m=-",
                        "n=-",
                        "o=-",
                        "p=CURRENT_TIMESTAMP",
                        "q=to_char((CURRENT_TIMESTAMP AT TIME ZONE 'UTC'::text), 'YYYY-MM-DD HH24:MI:SS'::text)",
                        "r='-1.5'::numeric",
                        "t='it''s'::text",
                        "u=false");
        assertThat(r.warnings())
                .anySatisfy(w -> assertThat(w).contains("\"m\"", "'null'", "dropped"))
                .anySatisfy(w -> assertThat(w).contains("\"n\"", "dropped"))
                .anySatisfy(w -> assertThat(w).contains("\"o\"", "randomblob", "dropped"));
        execute(target, "insert into d (id) values (1)");
        assertThat(value(
                        target,
                        "select (a > now() at time zone 'UTC' - interval '1 minute')::text"
                                + " || (q ~ '^....-..-.. ..:..:..$')::text from d"))
                .isEqualTo("truetrue");
    }
}
