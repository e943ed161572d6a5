package dev.migrate.importsqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.schema.EnumType;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Column defaults: what is translated, and the reason for what is not. */
class DefaultTranslatorTest {

    static String sql(String expression, StagingType type) {
        return DefaultTranslator.translate(expression, type, null, false).sql();
    }

    static String note(String expression, StagingType type) {
        return DefaultTranslator.translate(expression, type, null, false).note();
    }

    static StagingType t(StagingKind k) {
        return StagingType.of(k);
    }

    @Test
    void currentTimeFormsBecomeSqlitesKeywordsForTheColumnsKind() {
        for (String e : List.of(
                "now()",
                "CURRENT_TIMESTAMP",
                "current_timestamp",
                "CURRENT_TIMESTAMP(3)",
                "LOCALTIMESTAMP",
                "transaction_timestamp()",
                "statement_timestamp()",
                "clock_timestamp()",
                "('now'::text)::timestamp with time zone")) {
            assertThat(sql(e, t(StagingKind.TIMESTAMPTZ))).as(e).isEqualTo("CURRENT_TIMESTAMP");
        }
        assertThat(sql("now()", t(StagingKind.DATE))).isEqualTo("CURRENT_DATE");
        assertThat(sql("CURRENT_DATE", t(StagingKind.DATE))).isEqualTo("CURRENT_DATE");
        assertThat(sql("('now'::text)::date", t(StagingKind.DATE))).isEqualTo("CURRENT_DATE");
        assertThat(sql("CURRENT_TIME", t(StagingKind.TIME))).isEqualTo("CURRENT_TIME");
        assertThat(sql("LOCALTIME(0)", t(StagingKind.TIME))).isEqualTo("CURRENT_TIME");
        assertThat(note("now()", t(StagingKind.TEXT))).contains("no portable form for a text column");
    }

    @Test
    void literalsLoseTheirCastsAndAreStoredAsValuesAre() {
        assertThat(sql("'x'::text", t(StagingKind.TEXT))).isEqualTo("'x'");
        assertThat(sql("''::text", t(StagingKind.TEXT))).isEqualTo("''");
        assertThat(sql("'O''Reilly'::character varying", StagingType.varchar(20)))
                .isEqualTo("'O''Reilly'");
        assertThat(sql("'007'::text", t(StagingKind.TEXT))).isEqualTo("'007'");
        assertThat(sql("42", t(StagingKind.INT32))).isEqualTo("42");
        assertThat(sql("'-1'::integer", t(StagingKind.INT32))).isEqualTo("-1");
        assertThat(sql("((-5))", t(StagingKind.INT64))).isEqualTo("-5");
        assertThat(sql("'9223372036854775807'::bigint", t(StagingKind.INT64))).isEqualTo("9223372036854775807");
        assertThat(sql("0.50", StagingType.decimal(5, 2))).isEqualTo("'0.50'");
        assertThat(sql("'12.50'::numeric", StagingType.decimal(null, null))).isEqualTo("'12.50'");
        assertThat(sql("1.5", t(StagingKind.FLOAT64))).isEqualTo("1.5");
        assertThat(sql("'NaN'::double precision", t(StagingKind.FLOAT64))).isEqualTo("'NaN'");
        assertThat(sql("'Infinity'::real", t(StagingKind.FLOAT32))).isEqualTo("9e999");
        assertThat(sql("'-0'::double precision", t(StagingKind.FLOAT64)))
                .isEqualTo("'" + ValueBinder.NEGATIVE_ZERO + "'");
        assertThat(sql("true", t(StagingKind.BOOLEAN))).isEqualTo("1");
        assertThat(sql("false", t(StagingKind.BOOLEAN))).isEqualTo("0");
        assertThat(sql("'t'::boolean", t(StagingKind.BOOLEAN))).isEqualTo("1");
        assertThat(sql("'{\"b\": [1, 2]}'::jsonb", t(StagingKind.JSONB))).isEqualTo("'{\"b\":[1,2]}'");
        assertThat(sql("'{\"b\":  1}'::json", t(StagingKind.JSON))).isEqualTo("'{\"b\":  1}'");
        assertThat(sql("'\\xDEADbeef'::bytea", t(StagingKind.BYTES))).isEqualTo("X'deadbeef'");
        assertThat(sql("'2020-01-01'::date", t(StagingKind.DATE))).isEqualTo("'2020-01-01'");
        assertThat(sql("'infinity'::date", t(StagingKind.DATE))).isEqualTo("'infinity'");
        assertThat(sql("'2020-01-01 10:00:00+02'::timestamp with time zone", t(StagingKind.TIMESTAMPTZ)))
                .isEqualTo("'2020-01-01 10:00:00+02:00'");
        assertThat(sql("'{}'::integer[]", StagingType.array(t(StagingKind.INT32), 1)))
                .isEqualTo("'[]'");
        assertThat(sql("NULL::text", t(StagingKind.TEXT))).isNull();
        assertThat(note("NULL::text", t(StagingKind.TEXT))).isNull();
    }

    @Test
    void enumLabelsMustBeLabelsOfTheEnum() {
        EnumType mood = new EnumType("mood", List.of("sad", "happy"));
        StagingType type = StagingType.enumOf("mood");
        assertThat(DefaultTranslator.translate("'happy'::mood", type, mood, false)
                        .sql())
                .isEqualTo("'happy'");
        assertThat(DefaultTranslator.translate("'angry'::mood", type, mood, false)
                        .note())
                .isEqualTo("default 'angry'::mood dropped: not a label of the enum");
    }

    @Test
    void whatCannotBeTranslatedIsDroppedWithAReason() {
        assertThat(note("gen_random_uuid()", t(StagingKind.UUID)))
                .isEqualTo("default gen_random_uuid() dropped: a value generator with no portable SQLite form;"
                        + " imported rows carry their values, the application must supply new ones");
        assertThat(note("uuid_generate_v4()", t(StagingKind.UUID))).contains("value generator");
        assertThat(note("nextval('s'::regclass)", t(StagingKind.INT64))).contains("SQLite has no sequences");
        assertThat(note("(now() + '1 day'::interval)", t(StagingKind.TIMESTAMPTZ)))
                .contains("not a portable expression");
        assertThat(note("'1 day'::interval", t(StagingKind.INTERVAL))).contains("not in the canonical interval form");
        assertThat(note("'abc'::integer", t(StagingKind.INT32))).contains("does not fit the column");
        assertThat(note("'{1,2}'::integer[]", StagingType.array(t(StagingKind.INT32), 1)))
                .contains("array literals other than '{}'");
        assertThat(note("E'a\\nb'::text", t(StagingKind.TEXT))).contains("escape-string literal");
        assertThat(sql("upper(current_user)", t(StagingKind.TEXT))).isNull();
    }

    @Test
    void aSqliteSourcesOwnExpressionsAreKept() {
        assertThat(DefaultTranslator.translate("CURRENT_TIMESTAMP", t(StagingKind.TEXT), null, true)
                        .sql())
                .isEqualTo("CURRENT_TIMESTAMP");
        assertThat(DefaultTranslator.translate("(datetime('now','localtime'))", t(StagingKind.TEXT), null, true)
                        .sql())
                .isEqualTo("(datetime('now','localtime'))");
        assertThat(DefaultTranslator.translate("'abc'", t(StagingKind.TEXT), null, true)
                        .sql())
                .isEqualTo("'abc'");
        assertThat(DefaultTranslator.translate("0", t(StagingKind.BOOLEAN), null, true)
                        .sql())
                .isEqualTo("0");
    }
}
