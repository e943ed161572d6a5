package dev.migrate.exportsqlite.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaSqlTest {

    @Test
    void readsAutoincrementChecksAndEnumLabelsWrittenByImportSqlite() {
        SchemaSql s = SchemaSql.parseCreateTable("CREATE TABLE charts (\n"
                + "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                + "  chart_type CHART_TYPE ENUM TEXT NOT NULL DEFAULT 'natal'\n"
                + "      CHECK (chart_type IN ('natal', 'transit', 'it''s')),\n"
                + "  \"Mood\" MOOD ENUM TEXT, -- a comment with CHECK (x IN ('no'))\n"
                + "  CHECK (\"Mood\" IN ('happy','sad')),\n"
                + "  CHECK (id > 0)\n"
                + ")");
        assertThat(s.autoincrement()).isTrue();
        assertThat(s.enumLabels())
                .containsEntry("chart_type", List.of("natal", "transit", "it's"))
                .containsEntry("mood", List.of("happy", "sad"));
        assertThat(s.checks())
                .containsExactly(
                        "CHECK (chart_type IN ('natal', 'transit', 'it''s'))",
                        "CHECK (\"Mood\" IN ('happy','sad'))",
                        "CHECK (id > 0)");
    }

    @Test
    void keywordsInsideStringsQuotedNamesAndCommentsAreNotStructure() {
        SchemaSql s = SchemaSql.parseCreateTable("CREATE TABLE t (\"AUTOINCREMENT\" TEXT DEFAULT 'AUTOINCREMENT',"
                + " [CHECK] TEXT /* CHECK (x IN ('a')) */, `without` INT)");
        assertThat(s.autoincrement()).isFalse();
        assertThat(s.checks()).isEmpty();
        assertThat(s.withoutRowid()).isFalse();
    }

    @Test
    void readsTableOptionsAndGeneratedColumns() {
        SchemaSql s = SchemaSql.parseCreateTable("CREATE TABLE t (a INTEGER, b INTEGER GENERATED ALWAYS AS (a * 2)"
                + " VIRTUAL, c TEXT AS (upper(CAST(a AS TEXT))) STORED, PRIMARY KEY (a)) WITHOUT ROWID, STRICT");
        assertThat(s.withoutRowid()).isTrue();
        assertThat(s.strict()).isTrue();
        assertThat(s.generated()).containsEntry("b", "a * 2").containsEntry("c", "upper(CAST(a AS TEXT))");
    }

    @Test
    void readsConstraintNamesAndDeferrableClauses() {
        SchemaSql s = SchemaSql.parseCreateTable("CREATE TABLE c (id INT, a INT, b INT,"
                + " x INT CONSTRAINT x_fk REFERENCES p(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED NOT NULL,"
                + " CONSTRAINT ab_fk FOREIGN KEY (a, b) REFERENCES p (a, b) ON UPDATE CASCADE DEFERRABLE,"
                + " FOREIGN KEY (id) REFERENCES q NOT DEFERRABLE,"
                + " CONSTRAINT ab_key UNIQUE (a, b))");
        assertThat(s.foreignKeys())
                .containsExactly(
                        new SchemaSql.Clause(List.of("x"), "x_fk", "DEFERRABLE INITIALLY DEFERRED"),
                        new SchemaSql.Clause(List.of("a", "b"), "ab_fk", "DEFERRABLE INITIALLY IMMEDIATE"));
        assertThat(s.uniqueNames()).containsExactly(new SchemaSql.Clause(List.of("a", "b"), "ab_key", null));
        assertThat(s.uniqueNames().get(0).covers(List.of("A", "B"))).isTrue();
    }

    @Test
    void findsThePredicateOfAPartialIndex() {
        assertThat(SchemaSql.partialIndexPredicate("CREATE INDEX i ON transit_events (exact_at) WHERE is_active"))
                .isEqualTo("is_active");
        assertThat(SchemaSql.partialIndexPredicate(
                        "CREATE INDEX \"w where\" ON t (lower(\"where\"), b) WHERE b > 0 AND c"))
                .isEqualTo("b > 0 AND c");
        assertThat(SchemaSql.partialIndexPredicate("CREATE INDEX i ON t (a)")).isNull();
        assertThat(SchemaSql.partialIndexPredicate(null)).isNull();
    }
}
