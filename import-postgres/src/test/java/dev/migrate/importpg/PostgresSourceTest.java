package dev.migrate.importpg;

import static dev.migrate.importpg.StagingFixture.row;
import static dev.migrate.importpg.StagingFixture.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A staging made from PostgreSQL: enums, self-contained defaults, source types, checks, indexes, another schema. */
class PostgresSourceTest extends ImportTestSupport {

    static final StagingType UUID = StagingType.of(StagingKind.UUID);
    static final StagingType TEXT = StagingType.of(StagingKind.TEXT);

    private Path staging(String name, String... labels) {
        TableSchema charts = new TableSchema(
                "charts",
                "public",
                table("x")
                        .col("id", UUID, false, "gen_random_uuid()", null)
                        .col("kind", StagingType.enumOf("chart_type"), false, "'natal'::chart_type", null)
                        .col("doc", StagingType.of(StagingKind.JSONB), false, "'{}'::jsonb", null)
                        .col("email", TEXT, true, "lower('X'::text)", null)
                        .col("ip", StagingType.sourceText("inet"), true, null, null)
                        .col("path", StagingType.sourceText("ltree"), true, null, null)
                        .col("tags", StagingType.array(TEXT, 1), true, "'{}'::text[]", null)
                        .col("score", StagingType.of(StagingKind.INT32), true, "nextval('other_seq'::regclass)", null)
                        .build()
                        .columns(),
                List.of("id"),
                List.of(),
                List.of(),
                List.of(new IndexSchema(
                        "charts_lower_email_idx",
                        false,
                        List.of(),
                        "CREATE INDEX charts_lower_email_idx ON public.charts USING btree (lower(email))",
                        null,
                        false)),
                List.of("CHECK ((email ~~ '%_@_%'::text))", "CHECK (score > 0)"),
                List.of());
        return StagingFixture.fromPostgres()
                .enumType("chart_type", labels)
                .add(
                        charts,
                        () -> List.<Object[]>of(row(
                                        "40100000-0000-4000-8000-000000000001",
                                        "transit",
                                        "{\"a\":[1,2]}",
                                        "a@b.c",
                                        "10.0.0.1/8",
                                        "top.science",
                                        List.of("x"),
                                        -5L))
                                .iterator())
                .write(tmp.resolve(name));
    }

    @Test
    void importsIntoAnotherSchemaWithEnumsDefaultsTypesChecksAndIndexes() throws Exception {
        String target = db.createDatabase("pgsource");
        ImportResult r = new PostgresImporter(options(staging("pg", "natal", "transit", "synastry"), target)
                        .withSchema("App Data"))
                .run(ImportListener.NONE);
        assertThat(rows(
                        target,
                        "select enumlabel from pg_enum where enumtypid = '\"App Data\".chart_type'::regtype"
                                + " order by enumsortorder"))
                .containsExactly("natal", "transit", "synastry");
        assertThat(rows(
                        target,
                        "select attname || ' ' || format_type(atttypid, atttypmod) || ' ' ||"
                                + " coalesce(pg_get_expr(adbin, adrelid), '-') from pg_attribute left join pg_attrdef on"
                                + " adrelid = attrelid and adnum = attnum where attrelid = '\"App Data\".charts'::regclass"
                                + " and attnum > 0 order by attnum"))
                .containsExactly(
                        "id uuid gen_random_uuid()",
                        "kind \"App Data\".chart_type 'natal'::\"App Data\".chart_type",
                        "doc jsonb '{}'::jsonb",
                        "email text -",
                        "ip inet -",
                        "path text -",
                        "tags text[] '{}'::text[]",
                        "score integer -");
        assertThat(r.warnings())
                .anySatisfy(w -> assertThat(w).contains("\"email\"", "lower", "dropped"))
                .anySatisfy(w -> assertThat(w).contains("\"score\"", "nextval", "dropped"))
                .anySatisfy(w -> assertThat(w).contains("\"path\"", "ltree", "does not exist", "created as text"))
                .anySatisfy(w -> assertThat(w).contains("CHECK constraint created NOT VALID", "score > 0"));
        assertThat(rows(
                        target,
                        "select pg_get_constraintdef(oid) from pg_constraint where conrelid ="
                                + " '\"App Data\".charts'::regclass and contype = 'c' order by 1"))
                .containsExactly("CHECK ((email ~~ '%_@_%'::text))", "CHECK ((score > 0)) NOT VALID");
        assertThat(rows(
                        target,
                        "select indexdef from pg_indexes where schemaname = 'App Data' and indexname ="
                                + " 'charts_lower_email_idx'"))
                .containsExactly(
                        "CREATE INDEX charts_lower_email_idx ON \"App Data\".charts USING btree (lower(email))");
        assertThat(rows(
                        target,
                        "select kind::text, doc::text, ip::text, path, tags::text, score from \"App Data\".charts"))
                .containsExactly("transit|{\"a\": [1, 2]}|10.0.0.1/8|top.science|{x}|-5");
    }

    @Test
    void anExistingEnumWithOtherLabelsIsRefused() throws Exception {
        String target = db.createDatabase("pgenum");
        execute(target, "create type chart_type as enum ('natal')");
        String before = fingerprint(target);
        var e = catchThrowableOfType(
                MigrateException.class, () -> importInto(target, staging("pg-enum", "natal", "transit")));
        assertThat(e.getMessage()).contains("enum type \"chart_type\" exists", "never alters an existing type");
        assertThat(fingerprint(target)).isEqualTo(before);
    }

    @Test
    void anExistingEnumWithTheSameLabelsIsReused() throws Exception {
        String target = db.createDatabase("pgenum_same");
        execute(target, "create type chart_type as enum ('natal', 'transit', 'synastry')");
        importInto(target, staging("pg-enum-same", "natal", "transit", "synastry"));
        assertThat(value(target, "select kind::text from charts")).isEqualTo("transit");
    }
}
