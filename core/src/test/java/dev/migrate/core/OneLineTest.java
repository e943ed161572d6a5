package dev.migrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void anIdentifierWithALineBreakIsQuotedAndEscaped() {
        assertThat(OneLine.identifier("na\nme\t")).isEqualTo("\"na\\nme\\t\"");
    }

    @Test
    void escapedKeepsAPlainLineAsTheSameString() {
        String line = "table \"users\": 12 rows\tdone";
        assertThat(OneLine.escaped(line)).isSameAs(line);
    }

    @Test
    void escapedWritesLineBreaksAndControlCharactersAsEscapes() {
        assertThat(OneLine.escaped("table we\"ird. na\nme\r: 1 rows \u001b[2J ✓"))
                .isEqualTo("table we\"ird. na\\nme\\r: 1 rows \\u001b[2J ✓");
        assertThat(OneLine.escaped(null)).isNull();
    }
}
