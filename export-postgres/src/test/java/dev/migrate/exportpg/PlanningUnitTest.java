package dev.migrate.exportpg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts: target descriptions, globs, dependency order, condition simplification. */
class PlanningUnitTest {

    @Test
    void targetsShowHostPortAndDatabaseOnly() {
        assertThat(ConnectionTarget.describe("jdbc:postgresql://db.example.com:6543/shop?password=secret&ssl=true"))
                .isEqualTo("db.example.com:6543/shop");
        assertThat(ConnectionTarget.describe("jdbc:postgresql://db.example.com/shop"))
                .isEqualTo("db.example.com:5432/shop");
        assertThat(ConnectionTarget.describe("jdbc:postgresql://app:secret@h:1/d"))
                .isEqualTo("h:1/d");
        assertThat(ConnectionTarget.describe("jdbc:postgresql://[::1]/d")).isEqualTo("[::1]:5432/d");
        assertThat(ConnectionTarget.describe("jdbc:postgresql://a:1,b/d")).isEqualTo("a:1,b:5432/d");
        assertThat(ConnectionTarget.describe("jdbc:postgresql:shop")).isEqualTo("localhost:5432/shop");
        assertThat(ConnectionTarget.describe("jdbc:postgresql:///")).isEqualTo("localhost:5432/");
        assertThat(ConnectionTarget.describe("postgresql://u:pw@h/d")).doesNotContain("pw");
    }

    @Test
    void globsMatchNamesOrQualifiedNames() {
        assertThat(TableGlobs.compile("user*").matcher("user_preferences").matches())
                .isTrue();
        assertThat(TableGlobs.compile("user*").matcher("app_user").matches()).isFalse();
        assertThat(TableGlobs.compile("a?c").matcher("abc").matches()).isTrue();
        assertThat(TableGlobs.compile("a.c").matcher("abc").matches()).isFalse();
        assertThat(TableGlobs.compile("x\"; DROP*")
                        .matcher("x\"; DROP TABLE users; --")
                        .matches())
                .isTrue();
        assertThat(TableGlobs.compile("(.*)").matcher("anything").matches()).isFalse();
    }

    private static TableSchema table(String name, String... references) {
        List<ForeignKey> fks = java.util.Arrays.stream(references)
                .map(r -> new ForeignKey(
                        name + "_" + r, List.of(r + "_id"), r, List.of("id"), "NO ACTION", "NO ACTION", null))
                .toList();
        return new TableSchema(
                name,
                "public",
                List.of(new ColumnSchema(
                        "id", "integer", StagingType.of(StagingKind.INT32), false, null, null, null, null)),
                List.of("id"),
                fks,
                null,
                null,
                null,
                null);
    }

    @Test
    void tablesComeAfterTheTablesTheyReference() {
        DependencyOrder.Result r = DependencyOrder.order(List.of(
                table("a_child", "b_parent", "a_child"),
                table("b_parent", "c_root"),
                table("c_root"),
                table("d_alone")));
        assertThat(r.tables())
                .extracting(TableSchema::name)
                .containsExactly("c_root", "b_parent", "a_child", "d_alone");
        assertThat(r.cycleNotes()).isEmpty();
    }

    @Test
    void cyclesAreBrokenDeterministicallyAndNoted() {
        DependencyOrder.Result r =
                DependencyOrder.order(List.of(table("folders", "docs"), table("docs", "folders"), table("boards")));
        assertThat(r.tables()).extracting(TableSchema::name).containsExactly("boards", "folders", "docs");
        assertThat(r.cycleNotes())
                .containsExactly("foreign-key cycle: folders is placed before docs, which it references; an importer"
                        + " must add those foreign keys after loading");
    }

    @Test
    void conditionsSimplify() {
        Cond a = Cond.sql("\"a\" IS NULL", 0);
        Cond b = Cond.sql("\"b\" = CAST(? AS uuid)", 1);
        assertThat(Cond.or(List.of(Cond.FALSE, a))).isSameAs(a);
        assertThat(Cond.or(List.of(a, Cond.TRUE))).isSameAs(Cond.TRUE);
        assertThat(Cond.and(List.of(Cond.TRUE, Cond.TRUE))).isSameAs(Cond.TRUE);
        assertThat(Cond.and(List.of(a, Cond.FALSE))).isSameAs(Cond.FALSE);
        Cond both = Cond.or(List.of(a, b));
        assertThat(both.sql()).isEqualTo("(\"a\" IS NULL) OR (\"b\" = CAST(? AS uuid))");
        assertThat(both.params()).isEqualTo(1);
        assertThat(Cond.TRUE.whereOrNull()).isNull();
    }

    @Test
    void jsonbOutputLosesOnlyWhitespaceOutsideStrings() {
        assertThat(ColumnSelect.withoutWhitespaceOutsideStrings("{\"a b\": \"c \\\" d\", \"e\": [1, 2]}"))
                .isEqualTo("{\"a b\":\"c \\\" d\",\"e\":[1,2]}");
        assertThat(ColumnSelect.withoutWhitespaceOutsideStrings("{\"x\":\"\\\\\"}"))
                .isEqualTo("{\"x\":\"\\\\\"}");
        assertThat(ColumnSelect.withoutWhitespaceOutsideStrings("[]")).isEqualTo("[]");
        assertThat(ColumnSelect.withoutWhitespaceOutsideStrings("\" \"")).isEqualTo("\" \"");
    }
}
