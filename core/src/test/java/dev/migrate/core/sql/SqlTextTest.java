package dev.migrate.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.OneLine;
import org.junit.jupiter.api.Test;

class SqlTextTest {

    @Test
    void enclosingParenthesesOnlyWhenTheyEncloseTheWhole() {
        assertThat(SqlText.stripEnclosingParentheses(" ((-1)) ")).isEqualTo("-1");
        assertThat(SqlText.stripEnclosingParentheses("(a) + (b)")).isEqualTo("(a) + (b)");
        assertThat(SqlText.stripEnclosingParentheses("(')(')")).isEqualTo("')('");
        assertThat(SqlText.stripEnclosingParentheses("(\"a)\")")).isEqualTo("\"a)\"");
    }

    @Test
    void matchingParenthesisSkipsLiterals() {
        assertThat(SqlText.closingParenthesis("f(a, ')', (b))x", 1)).isEqualTo(13);
        assertThat(SqlText.closingParenthesis("f(a", 1)).isEqualTo(-1);
    }

    @Test
    void argumentsAndLiterals() {
        assertThat(SqlText.splitArguments("'%Y', 'now', f(1, 2)")).containsExactly("'%Y'", " 'now'", " f(1, 2)");
        assertThat(SqlText.splitArguments(" ")).isEmpty();
        assertThat(SqlText.isQuoted("'it''s'", '\'')).isTrue();
        assertThat(SqlText.isQuoted("'a' || 'b'", '\'')).isFalse();
        assertThat(SqlText.unquote("'it''s'")).isEqualTo("it's");
    }

    @Test
    void namesInMessagesStayOnOneLine() {
        assertThat(OneLine.identifier("na\nme")).isEqualTo("\"na\\nme\"");
        assertThat(OneLine.identifier(null)).isEqualTo("\"\"");
        assertThat(OneLine.quoted("x".repeat(50), '\'', 40)).isEqualTo("'" + "x".repeat(40) + "...'");
        assertThat(OneLine.quoted("nul\0", '\'', 40)).isEqualTo("'nul\\u0000'");
    }
}
