package dev.migrate.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table name may hold a line break (SQLite and PostgreSQL both allow it, and the catalogue
 * migrates one). Log lines that name it, on the console and in the log file, stay one line each:
 * the name cannot split a line or forge one.
 */
class OneLineLogTest {

    private static final String NAME = "we\"ird. na\nINFO forged: me";

    @TempDir
    Path work;

    @Test
    void aNameWithALineBreakStaysOnItsLogLine() throws Exception {
        Path source = work.resolve("src.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement s = c.createStatement()) {
            s.execute("create table \"" + NAME.replace("\"", "\"\"") + "\" (id integer primary key, v text)");
            s.execute("insert into \"" + NAME.replace("\"", "\"\"") + "\" values (1, 'x')");
        }
        Path log = work.resolve("run.log");

        Run run = Run.in(
                Map.of(),
                work,
                "export-sqlite",
                "--from",
                source.toString(),
                "--export-dir",
                work.resolve("export").toString(),
                "--verbose",
                "--log-file",
                log.toString());

        assertThat(run.code()).as(run.describe()).isZero();
        String escaped = "na\\nINFO forged: me";
        assertThat(run.err()).as(run.describe()).contains(escaped);
        assertThat(Files.readString(log)).contains(escaped);
        for (String text : new String[] {run.err(), Files.readString(log)}) {
            assertThat(Arrays.stream(text.split("\\R")).filter(l -> l.startsWith("INFO forged")))
                    .as(text)
                    .isEmpty();
        }
    }
}
