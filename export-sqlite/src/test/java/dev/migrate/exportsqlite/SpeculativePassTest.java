package dev.migrate.exportsqlite;

import static dev.migrate.exportsqlite.TestFiles.column;
import static dev.migrate.exportsqlite.TestFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table is written while it is profiled, under the types its declared types mean; when the
 * complete profile decides otherwise, that file is dropped and the table written again. Either
 * way the export is the one the profile's decision gives, under the table's own file name.
 */
class SpeculativePassTest {

    @TempDir
    Path tmp;

    @Test
    void aValueLateInATableThatDoesNotFitItsDeclaredTypeRewritesTheTableUnderTheSameFileName() throws Exception {
        Path db = TestFiles.sqlite(
                tmp.resolve("late.db"),
                "CREATE TABLE a (id INTEGER PRIMARY KEY, v INT)",
                "CREATE TABLE b (id INTEGER PRIMARY KEY, v INT, c CHAR(2))",
                // Past the staging writer's write-behind start, then a text in an INT column.
                "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 5000)"
                        + " INSERT INTO a SELECT x, x FROM r",
                "INSERT INTO a VALUES (5001, 'late text')",
                "INSERT INTO b VALUES (1, 1, 'ab'), (2, 2, 'cd')");

        ExportResult result = TestFiles.export(db, tmp.resolve("out"));

        assertThat(column(result, "a", "v").type()).isEqualTo(StagingType.of(StagingKind.TEXT));
        List<Object> values =
                rows(result.exportDir(), "a").stream().map(m -> m.get("v")).toList();
        assertThat(values).hasSize(5001);
        assertThat(values.get(0)).isEqualTo("1");
        assertThat(values.get(4999)).isEqualTo("5000");
        assertThat(values.get(5000)).isEqualTo("late text");
        // The table whose guess held is written once, as declared.
        assertThat(column(result, "b", "v").type()).isEqualTo(StagingType.of(StagingKind.INT32));
        assertThat(column(result, "b", "c").type()).isEqualTo(StagingType.character(2));
        assertThat(rows(result.exportDir(), "b").stream().map(m -> m.get("c")).toList())
                .containsExactly("ab", "cd");
        assertThat(result.manifest().tables().stream().map(t -> t.file()).toList())
                .containsExactlyInAnyOrder("a.json", "b.json");
        try (Stream<Path> s = Files.list(result.exportDir())) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .containsExactlyInAnyOrder("a.json", "b.json", "manifest.json");
        }
    }
}
