package dev.migrate.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import dev.migrate.testing.Datasets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The demo's statement splitter: semicolons count only outside literals, identifiers and comments. */
class SqlScriptRunnerTest {

    @Test
    void splitsOnlyOnSemicolonsOutsideQuotesAndComments() {
        String sql = "create table \"a;b\" (x text default 'x;y'); -- comment; here\n"
                + "insert into t values (E'it\\'s; fine', $$dollar; quoted$$, $tag$ a;b $tag$);\n"
                + "/* block; comment */ select 1;\n"
                + "-- trailing comment only\n";

        assertThat(SqlScriptRunner.statements(sql))
                .containsExactly(
                        "create table \"a;b\" (x text default 'x;y')",
                        "-- comment; here\ninsert into t values (E'it\\'s; fine', $$dollar; quoted$$, $tag$ a;b $tag$)",
                        "/* block; comment */ select 1");
    }

    @Test
    void doubledQuotesStayInsideTheLiteral() {
        assertThat(SqlScriptRunner.statements("select 'O''Reilly; Ltd'; select \"a\"\"b\";"))
                .containsExactly("select 'O''Reilly; Ltd'", "select \"a\"\"b\"");
    }

    @Test
    void theReferenceFilesSplitAsTheirReadmeSays() throws Exception {
        String schema = Files.readString(Datasets.schemaDesign("postgres/multi_user_schema.sql"));
        String data = Files.readString(Datasets.schemaDesign("postgres/sample_data.sql"));

        assertThat(SqlScriptRunner.statements(schema)).hasSize(24);
        assertThat(SqlScriptRunner.statements(data)).hasSize(14);
    }

    @Test
    void refusesPsqlMetaCommandsAndUnterminatedLiterals() {
        assertThatThrownBy(() -> SqlScriptRunner.statements("\\connect other\nselect 1;"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("psql meta-commands are not supported");
        assertThatThrownBy(() -> SqlScriptRunner.statements("select 'open;"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("unterminated string literal");
    }
}
