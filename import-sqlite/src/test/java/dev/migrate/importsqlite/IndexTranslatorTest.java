package dev.migrate.importsqlite;

import static dev.migrate.importsqlite.StagingBuilder.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expression and partial indexes: reproduced only when they mean the same in SQLite. */
class IndexTranslatorTest {

    static final List<ColumnSchema> COLUMNS = List.of(
            col("id", StagingType.of(StagingKind.INT32)),
            col("Email", StagingType.of(StagingKind.TEXT)),
            col("status", StagingType.varchar(10)),
            col("mood", StagingType.enumOf("mood")),
            col("active", StagingType.of(StagingKind.BOOLEAN)),
            col("n", StagingType.of(StagingKind.INT64)),
            col("fee", StagingType.decimal(10, 2)),
            col("at", StagingType.of(StagingKind.TIMESTAMPTZ)),
            col("code", StagingType.character(3)),
            col("ref", StagingType.of(StagingKind.UUID)));

    static TablePlan plan() {
        TableSchema t = new TableSchema("t", "public", COLUMNS, List.of("id"), null, null, null, null, null);
        List<ColumnPlan> cols = new ArrayList<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            cols.add(new ColumnPlan(COLUMNS.get(i).name(), i, COLUMNS.get(i)));
        }
        return new TablePlan(
                t, "t", cols, List.of("id"), TablePlan.Key.PLAIN, null, List.of(), List.of(), List.of(), false);
    }

    static IndexTranslator.Result translate(boolean unique, String keys, String where) {
        String def = "CREATE " + (unique ? "UNIQUE " : "") + "INDEX i ON public.t USING btree (" + keys + ")"
                + (where == null ? "" : " WHERE " + where);
        return new IndexTranslator(plan(), Set.of("mood"))
                .translate(new IndexSchema("i", unique, List.of(), def, where, false), "i", false);
    }

    static String sql(String keys, String where) {
        IndexTranslator.Result r = translate(false, keys, where);
        assertThat(r.reason()).as(keys + " / " + where).isNull();
        return r.sql().substring("CREATE INDEX \"i\" ON \"t\" ".length());
    }

    static String reason(boolean unique, String keys, String where) {
        IndexTranslator.Result r = translate(unique, keys, where);
        assertThat(r.sql()).as(keys + " / " + where).isNull();
        return r.reason();
    }

    @Test
    void keysThatMeanTheSame() {
        assertThat(sql("\"Email\"", null)).isEqualTo("(\"Email\")");
        assertThat(sql("lower(\"Email\")", null)).isEqualTo("(lower(\"Email\"))");
        assertThat(sql("upper((status)::text)", null)).isEqualTo("(upper(\"status\"))");
        assertThat(sql("n DESC NULLS LAST, id", null)).isEqualTo("(\"n\" DESC, \"id\")");
        assertThat(sql("status varchar_pattern_ops", null)).isEqualTo("(\"status\")");
        assertThat(sql("\"Email\" COLLATE \"C\"", null)).isEqualTo("(\"Email\")");
    }

    @Test
    void predicatesThatMeanTheSame() {
        assertThat(sql("id", "active")).isEqualTo("(\"id\") WHERE \"active\"");
        assertThat(sql("id", "(NOT active)")).isEqualTo("(\"id\") WHERE (NOT \"active\")");
        assertThat(sql("id", "(at IS NULL)")).isEqualTo("(\"id\") WHERE (\"at\" IS NULL)");
        assertThat(sql("id", "((status)::text = 'live'::text)")).isEqualTo("(\"id\") WHERE (\"status\" = 'live')");
        assertThat(sql("id", "(mood = 'sad'::mood)")).isEqualTo("(\"id\") WHERE (\"mood\" = 'sad')");
        assertThat(sql("id", "((n > 10) AND (n <= '20'::bigint))"))
                .isEqualTo("(\"id\") WHERE ((\"n\" > 10) AND (\"n\" <= 20))");
        assertThat(sql("id", "((active IS TRUE) OR (n <> '-1'::integer))"))
                .isEqualTo("(\"id\") WHERE ((\"active\" IS 1) OR (\"n\" <> -1))");
        assertThat(sql("id", "(active = false)")).isEqualTo("(\"id\") WHERE (\"active\" = 0)");
        assertThat(sql("id", "(ref = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid)"))
                .isEqualTo("(\"id\") WHERE (\"ref\" = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')");
        assertThat(sql("id", "(10 < n)")).isEqualTo("(\"id\") WHERE (\"n\" > 10)");
    }

    @Test
    void whatWouldMeanSomethingElseIsNotReproduced() {
        assertThat(reason(true, "lower(\"Email\")", null)).contains("folds only ASCII");
        assertThat(reason(false, "id", "(fee > 10.00)")).contains("compare the stored text of decimal(10,2)");
        assertThat(reason(false, "id", "(at > now())")).contains("now");
        assertThat(reason(false, "id", "(code = 'AB'::bpchar)")).contains("cast to bpchar");
        assertThat(reason(false, "id", "((status)::text ~~ 'a%'::text)")).contains("operator ~");
        assertThat(reason(false, "(n + 1)", null)).contains("operator +");
        assertThat(reason(false, "\"Email\" COLLATE \"de_DE\"", null)).contains("collation de_DE");
        assertThat(reason(false, "missing", null)).contains("column \"missing\", which is not in the SQLite table");
        assertThat(reason(false, "id", "(status = E'a\\\\b')")).contains("escape-string");
    }

    @Test
    void otherMethodsAndNullsNotDistinct() {
        IndexTranslator t = new IndexTranslator(plan(), Set.of());
        assertThat(t.translate(
                                new IndexSchema(
                                        "g",
                                        false,
                                        List.of("Email"),
                                        "CREATE INDEX g ON public.t USING gin (\"Email\")",
                                        null,
                                        false),
                                "g",
                                false)
                        .reason())
                .isEqualTo("SQLite has no gin indexes");
        assertThat(t.translate(
                                new IndexSchema(
                                        "u",
                                        false,
                                        List.of(),
                                        "CREATE UNIQUE INDEX u ON public.t USING btree (lower(\"Email\")) NULLS NOT"
                                                + " DISTINCT",
                                        null,
                                        false),
                                "u",
                                false)
                        .reason())
                .isEqualTo("SQLite has no NULLS NOT DISTINCT");
        // A plain unique index is reproduced from its columns, whatever the exporter thought of it.
        assertThat(t.translate(new IndexSchema("p", true, List.of("n", "id"), null, null, false), "p", false)
                        .sql())
                .isEqualTo("CREATE UNIQUE INDEX \"p\" ON \"t\" (\"n\", \"id\")");
    }
}
