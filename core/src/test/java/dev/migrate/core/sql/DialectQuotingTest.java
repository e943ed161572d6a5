package dev.migrate.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DialectQuotingTest {

    private static final List<Dialect> DIALECTS = List.of(PostgresDialect.INSTANCE, SqliteDialect.INSTANCE);

    @Test
    void quotesEveryIdentifierAndDoublesEmbeddedQuotes() {
        for (Dialect d : DIALECTS) {
            assertThat(d.quote("plain")).isEqualTo("\"plain\"");
            assertThat(d.quote("MixedCase")).isEqualTo("\"MixedCase\"");
            assertThat(d.quote("user")).isEqualTo("\"user\"");
            assertThat(d.quote("references")).isEqualTo("\"references\"");
            assertThat(d.quote("with space")).isEqualTo("\"with space\"");
            assertThat(d.quote("a.b")).isEqualTo("\"a.b\"");
            assertThat(d.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
            assertThat(d.quote("\"")).isEqualTo("\"\"\"\"");
            assertThat(d.quote("it's")).isEqualTo("\"it's\"");
            assertThat(d.quote("line\nbreak")).isEqualTo("\"line\nbreak\"");
            assertThat(d.quote("Größe_名前_🙂")).isEqualTo("\"Größe_名前_🙂\"");
        }
    }

    @Test
    void qualifiesWithSchemaOnlyWhenGiven() {
        for (Dialect d : DIALECTS) {
            assertThat(d.quoteQualified("public", "Order")).isEqualTo("\"public\".\"Order\"");
            assertThat(d.quoteQualified("my schema", "a.b")).isEqualTo("\"my schema\".\"a.b\"");
            assertThat(d.quoteQualified(null, "t")).isEqualTo("\"t\"");
            assertThat(d.quoteQualified("", "t")).isEqualTo("\"t\"");
        }
    }

    @Test
    void rejectsEmptyNulAndUnpairedSurrogates() {
        for (Dialect d : DIALECTS) {
            assertThatThrownBy(() -> d.quote(""))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("empty identifier");
            assertThatThrownBy(() -> d.quote(null)).isInstanceOf(MigrateException.class);
            assertThatThrownBy(() -> d.quote("a\0b"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessage("identifier \"a\\u0000b\" contains a NUL character, which " + d.name()
                            + " names cannot hold");
            assertThatThrownBy(() -> d.quote("bad\uD800"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("unpaired UTF-16 surrogate");
            assertThatThrownBy(() -> d.quote("\uDC00bad")).isInstanceOf(MigrateException.class);
        }
    }

    @Test
    void errorMessagesStayOnOneLine() {
        String name = "new\nline\0";
        assertThatThrownBy(() -> SqliteDialect.INSTANCE.quote(name)).hasMessageNotContaining("\n");
    }

    @Test
    void postgresCountsUtf8BytesNotCharacters() {
        String ascii63 = "a".repeat(63);
        String ascii64 = "a".repeat(64);
        String umlauts32 = "ä".repeat(32); // 64 bytes in UTF-8 but only 32 characters
        String umlauts31 = "ä".repeat(31) + "a"; // 63 bytes
        assertThat(PostgresDialect.fits(ascii63)).isTrue();
        assertThat(PostgresDialect.fits(ascii64)).isFalse();
        assertThat(PostgresDialect.fits(umlauts31)).isTrue();
        assertThat(PostgresDialect.fits(umlauts32)).isFalse();
        assertThat(PostgresDialect.INSTANCE.quote(ascii63)).isEqualTo("\"" + ascii63 + "\"");
        assertThatThrownBy(() -> PostgresDialect.INSTANCE.quote(umlauts32))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("is 64 bytes long in UTF-8; postgresql keeps at most 63 bytes");
        assertThatThrownBy(() -> PostgresDialect.checkLength(ascii64)).isInstanceOf(MigrateException.class);
        // SQLite has no limit.
        assertThat(SqliteDialect.INSTANCE.quote("x".repeat(1000))).hasSize(1002);
    }

    @Test
    void truncatesLikePostgresAtWholeCharacters() {
        assertThat(PostgresDialect.truncated("short")).isEqualTo("short");
        assertThat(PostgresDialect.truncated("b".repeat(70))).isEqualTo("b".repeat(63));
        // 62 ASCII bytes + a 2-byte character would be 64: PostgreSQL drops the whole character.
        assertThat(PostgresDialect.truncated("c".repeat(62) + "é" + "zz")).isEqualTo("c".repeat(62));
        // a 4-byte emoji straddling the limit
        assertThat(PostgresDialect.truncated("d".repeat(61) + "🙂")).isEqualTo("d".repeat(61));
    }

    @Test
    void findsCollisionsAfterTruncationLikePgloadersCollisionDb() {
        String prefix = "a".repeat(63);
        String first = prefix + "1";
        String second = prefix + "2";
        Map<String, List<String>> collisions =
                PostgresDialect.truncationCollisions(List.of("id", first, "other", second, prefix));
        assertThat(collisions).containsExactly(Map.entry(prefix, List.of(first, second, prefix)));
        assertThat(PostgresDialect.truncationCollisions(List.of("id", "b".repeat(64))))
                .isEmpty();
    }

    @Test
    void refusesTablesWithTooLongNamesNamingTableAndColumns() {
        String prefix = "x".repeat(63);
        assertThatThrownBy(() ->
                        PostgresDialect.requireFittingNames("collision", List.of("id", prefix + "a", prefix + "b")))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("table \"collision\": column names longer than PostgreSQL's 63-byte limit")
                .hasMessageContaining("\"" + prefix + "a\" (64 bytes)")
                .hasMessageContaining(
                        "after truncation these would be the same column: \"" + prefix + "a\" and \"" + prefix + "b\"")
                .hasMessageEndingWith("rename them in the source");
        assertThatThrownBy(() -> PostgresDialect.requireFittingNames("t".repeat(64), List.of("id")))
                .hasMessageContaining("the table name is 64 bytes long");
        PostgresDialect.requireFittingNames("ok", List.of("id", prefix)); // no exception
    }

    @Test
    void quotesLiteralsForDdl() {
        assertThat(SqliteDialect.INSTANCE.quoteLiteral("it's")).isEqualTo("'it''s'");
        assertThat(SqliteDialect.INSTANCE.quoteLiteral("a\\b")).isEqualTo("'a\\b'");
        assertThat(PostgresDialect.INSTANCE.quoteLiteral("it's")).isEqualTo("E'it''s'");
        assertThat(PostgresDialect.INSTANCE.quoteLiteral("a\\b")).isEqualTo("E'a\\\\b'");
        for (Dialect d : DIALECTS) {
            assertThatThrownBy(() -> d.quoteLiteral("a\0")).isInstanceOf(MigrateException.class);
        }
    }

    @Test
    void namesItself() {
        assertThat(PostgresDialect.INSTANCE.name()).isEqualTo("postgresql");
        assertThat(SqliteDialect.INSTANCE.name()).isEqualTo("sqlite");
        assertThat(SqliteDialect.INSTANCE.maxIdentifierBytes()).isEqualTo(Integer.MAX_VALUE);
        assertThat(PostgresDialect.INSTANCE.maxIdentifierBytes()).isEqualTo(63);
    }
}
