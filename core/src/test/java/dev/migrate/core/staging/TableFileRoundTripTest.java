package dev.migrate.core.staging;

import static dev.migrate.core.staging.StagingFixture.*;
import static dev.migrate.core.types.StagingKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.CodecCases;
import dev.migrate.core.types.CodecCases.Case;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every edge value of every staging type through the real path: TableWriter → file on disk →
 * StagingReader (verification) → TableReader. Also what a table file looks like, and how wrong
 * JSON in a table file is refused.
 */
class TableFileRoundTripTest {

    @TempDir
    Path tmp;

    static List<Case> cases() {
        return CodecCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyEdgeValueSurvivesWriteAndRead(Case c) throws IOException {
        TableSchema t = table("t", col("id", StagingType.of(INT64)), col("v", c.type()));
        Path dir = tmp.resolve("staging");
        export(dir, data(t, new Object[] {1L, c.input()}, new Object[] {2L, null}));

        List<Object[]> rows = readAll(dir, "t");

        assertThat(rows).hasSize(2);
        assertSame(rows.get(0)[1], c.canonical());
        assertThat(rows.get(1)[1]).as("SQL NULL").isNull();
        if (c.json() != null) {
            String file = Files.readString(dir.resolve("t.json"), StandardCharsets.UTF_8);
            assertThat(file).isEqualTo("[\n{\"id\":1,\"v\":" + c.json() + "},\n{\"id\":2,\"v\":null}\n]\n");
        }
    }

    @Test
    void oneWideRowWithEveryCaseAsAColumn() throws IOException {
        List<Case> all = CodecCases.all();
        List<ColumnSchema> columns = new ArrayList<>();
        Object[] row = new Object[all.size()];
        for (int i = 0; i < all.size(); i++) {
            columns.add(col("c" + i + " " + all.get(i).type(), all.get(i).type()));
            row[i] = all.get(i).input();
        }
        TableSchema t = table("wide", columns.toArray(ColumnSchema[]::new));
        Path dir = tmp.resolve("wide");
        export(dir, data(t, row, new Object[all.size()], row));

        List<Object[]> rows = readAll(dir, "wide");

        assertThat(rows).hasSize(3);
        for (int i = 0; i < all.size(); i++) {
            assertSame(rows.get(0)[i], all.get(i).canonical());
            assertThat(rows.get(1)[i]).isNull();
            assertSame(rows.get(2)[i], all.get(i).canonical());
        }
    }

    @Test
    void aTableFileIsAJsonArrayWithOneRowObjectPerLineKeyedByColumnName() throws IOException {
        TableSchema t = table(
                "users",
                col("id", StagingType.of(INT64)),
                col("name", StagingType.of(TEXT)),
                col("doc", StagingType.of(JSONB)));
        Path dir = tmp.resolve("s");
        export(
                dir,
                data(
                        t,
                        new Object[] {1L, "Ann", "{\"a\": [1, 2]}"},
                        new Object[] {2L, "Line\nbreak 😀", "null"},
                        new Object[] {3L, null, null}));

        List<String> lines = Files.readAllLines(dir.resolve("users.json"), StandardCharsets.UTF_8);
        assertThat(lines)
                .containsExactly(
                        "[",
                        "{\"id\":1,\"name\":\"Ann\",\"doc\":\"{\\\"a\\\":[1,2]}\"},",
                        "{\"id\":2,\"name\":\"Line\\nbreak 😀\",\"doc\":\"null\"},",
                        "{\"id\":3,\"name\":null,\"doc\":null}",
                        "]");
        // Any JSON tool reads it: a standard parser sees an array of three objects.
        JsonNode tree = StagingJson.MAPPER.readTree(dir.resolve("users.json").toFile());
        assertThat(tree.isArray()).isTrue();
        assertThat(tree.get(1).get("name").asText()).isEqualTo("Line\nbreak 😀");
        assertThat(tree.get(1).get("doc").isTextual())
                .as("jsonb null is text, not SQL NULL")
                .isTrue();
        assertThat(tree.get(2).get("doc").isNull()).isTrue();
    }

    /** The documented jq commands work on a real table file (skipped where jq is not installed). */
    @Test
    void jqReadsATableFileAsDocumented() throws IOException, InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("jq"), "jq is not installed");
        TableSchema t = table("users", col("id", StagingType.of(INT64)), col("email", StagingType.of(TEXT)));
        Path dir = tmp.resolve("s");
        export(dir, data(t, new Object[] {1L, "ann@example.com"}, new Object[] {2L, null}));
        Path file = dir.resolve("users.json");

        assertThat(run("jq", "-c", ".[]", file.toString()))
                .isEqualTo("{\"id\":1,\"email\":\"ann@example.com\"}\n{\"id\":2,\"email\":null}\n");
        assertThat(run("jq", "-r", ".[0].email", file.toString())).isEqualTo("ann@example.com\n");
        assertThat(run("jq", "length", file.toString())).isEqualTo("2\n");
    }

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void anEmptyTableIsAnEmptyArray() throws IOException {
        TableSchema t = table("empty", col("id", StagingType.of(INT64)));
        Path dir = tmp.resolve("s");
        Manifest m = export(dir, data(t));

        assertThat(Files.readString(dir.resolve("empty.json"))).isEqualTo("[]\n");
        assertThat(m.entry("empty").orElseThrow().rows()).isZero();
        assertThat(readAll(dir, "empty")).isEmpty();
    }

    @Test
    void aRefusedRowLeavesTheFileAsItWasAndTheWriterUsable() throws IOException {
        TableSchema t = table("t", col("id", StagingType.of(INT64)), col("d", StagingType.of(DATE)));
        Path dir = tmp.resolve("s");
        StagingWriter w = StagingWriter.create(dir);
        TableWriter tw = w.openTable(t);
        tw.writeRow(new Object[] {1L, "2024-01-01"});

        assertThatThrownBy(() -> tw.writeRow(new Object[] {2L, "2023-02-30"}))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("file t.json, table \"t\", row 2, column \"d\": ")
                .hasMessageContaining("day 30 does not exist")
                .hasMessageContaining("(staging type date)")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> tw.writeRow(new Object[] {"two", null}))
                .hasMessageStartingWith("file t.json, table \"t\", row 2, column \"id\": ");

        tw.writeRow(new Object[] {2L, "2024-01-02"});
        tw.close();
        w.commit(manifest(List.of(t), List.of(tw.entry())));

        List<Object[]> rows = readAll(dir, "t");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsExactly(2L, "2024-01-02");
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsAProgrammingError() {
        TableSchema t = table("t", col("id", StagingType.of(INT64)));
        StagingWriter w = StagingWriter.create(tmp.resolve("s"));
        TableWriter tw = w.openTable(t);
        assertThatThrownBy(() -> tw.writeRow(new Object[] {1L, 2L}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 1 columns, the row has 2 values");
        w.abort();
    }

    @Test
    void columnNamesAreWrittenEscaped() throws IOException {
        TableSchema t =
                table("t", col("we\"ird \\ name\n", StagingType.of(INT32)), col("ユーザー 😀", StagingType.of(TEXT)));
        Path dir = tmp.resolve("s");
        export(dir, data(t, new Object[] {1L, "x"}));
        assertThat(Files.readAllLines(dir.resolve("t.json")).get(1))
                .isEqualTo("{\"we\\\"ird \\\\ name\\n\":1,\"ユーザー 😀\":\"x\"}");
        assertThat(readAll(dir, "t").get(0)).containsExactly(1L, "x");
    }

    @Test
    void aRowMayListItsColumnsInAnyOrder() throws IOException {
        TableSchema t = table("t", col("a", StagingType.of(INT32)), col("b", StagingType.of(TEXT)));
        handMade(tmp.resolve("s"), t, "[\n{\"b\":\"x\",\"a\":1},\n{\"a\":2,\"b\":null}\n]\n", 2);
        List<Object[]> rows = readAll(tmp.resolve("s"), "t");
        assertThat(rows.get(0)).containsExactly(1L, "x");
        assertThat(rows.get(1)).containsExactly(2L, null);
    }

    /** For each kind, a JSON value of the wrong JSON type. */
    static Stream<Arguments> wrongJsonTypes() {
        return Stream.of(
                Arguments.of(StagingType.of(INT16), "\"1\""),
                Arguments.of(StagingType.of(INT32), "1.5"),
                Arguments.of(StagingType.of(INT64), "true"),
                Arguments.of(StagingType.decimal(10, 2), "12.50"),
                Arguments.of(StagingType.of(FLOAT32), "\"1.5\""),
                Arguments.of(StagingType.of(FLOAT64), "[]"),
                Arguments.of(StagingType.of(BOOLEAN), "\"true\""),
                Arguments.of(StagingType.of(TEXT), "1"),
                Arguments.of(StagingType.varchar(5), "{}"),
                Arguments.of(StagingType.character(2), "false"),
                Arguments.of(StagingType.of(UUID), "123"),
                Arguments.of(StagingType.of(JSON), "{\"a\":1}"),
                Arguments.of(StagingType.of(JSONB), "[1,2]"),
                Arguments.of(StagingType.of(BYTES), "[0,255]"),
                Arguments.of(StagingType.of(DATE), "20240101"),
                Arguments.of(StagingType.of(TIME), "43200"),
                Arguments.of(StagingType.of(TIMETZ), "true"),
                Arguments.of(StagingType.of(TIMESTAMP), "1704067200000"),
                Arguments.of(StagingType.of(TIMESTAMPTZ), "{\"epoch\":1}"),
                Arguments.of(StagingType.of(INTERVAL), "3600"),
                Arguments.of(StagingType.array(StagingType.of(INT32), 1), "\"{1,2}\""),
                Arguments.of(StagingType.array(StagingType.of(TEXT), 1), "[1]"),
                Arguments.of(StagingType.enumOf("mood"), "0"),
                Arguments.of(StagingType.sourceText("inet"), "[127,0,0,1]"));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("wrongJsonTypes")
    void theWrongJsonTypeIsRefusedNamingFileTableRowAndColumn(StagingType type, String json) throws IOException {
        TableSchema t = table("orders", col("id", StagingType.of(INT64)), col("value", type));
        Path dir = tmp.resolve("s");
        Path file = handMade(dir, t, "[\n{\"id\":1,\"value\":null},\n{\"id\":2,\"value\":" + json + "}\n]\n", 2);

        StagingReader reader = StagingReader.open(dir);
        try (TableReader r = reader.openTable("orders")) {
            assertThat(r.next()).containsExactly(1L, null);
            assertThatThrownBy(r::next)
                    .isInstanceOf(MigrateException.class)
                    .hasMessageStartingWith("file " + file + ", table \"orders\", row 2, column \"value\": expected ")
                    .hasMessageContaining("(staging type " + type + ")")
                    .hasMessageNotContaining("\n")
                    .satisfies(e -> assertThat(((MigrateException) e).kind()).isEqualTo(MigrateException.Kind.INPUT));
        }
    }

    @Test
    void everyKindHasAWrongJsonTypeCase() {
        var covered = new java.util.HashSet<StagingKind>();
        wrongJsonTypes().forEach(a -> covered.add(((StagingType) a.get()[0]).kind()));
        assertThat(covered).containsExactlyInAnyOrder(StagingKind.values());
    }

    @Test
    void anUnknownColumnInARowIsRefused() throws IOException {
        TableSchema t = table("t", col("a", StagingType.of(INT32)));
        Path file = handMade(tmp.resolve("s"), t, "[\n{\"a\":1,\"b\":2}\n]\n", 1);
        assertReadFails(t, "file " + file + ", table \"t\", row 1, column \"b\": unknown column");
    }

    @Test
    void aMissingColumnInARowIsRefused() throws IOException {
        TableSchema t = table("t", col("a", StagingType.of(INT32)), col("b", StagingType.of(INT32)));
        Path file = handMade(tmp.resolve("s"), t, "[\n{\"a\":1,\"b\":2},\n{\"a\":1}\n]\n", 2);
        assertReadFails(t, "file " + file + ", table \"t\", row 2, column \"b\": column missing from row");
    }

    @Test
    void aColumnTwiceInARowIsRefused() throws IOException {
        TableSchema t = table("t", col("a", StagingType.of(INT32)));
        Path file = handMade(tmp.resolve("s"), t, "[\n{\"a\":1,\"a\":2}\n]\n", 1);
        assertReadFails(t, "file " + file + ", table \"t\", row 1, column \"a\": column appears twice in the row");
    }

    @Test
    void aRowThatIsNotAnObjectIsRefusedAtVerification() throws IOException {
        TableSchema t = table("t", col("a", StagingType.of(INT32)));
        Path file = handMade(tmp.resolve("s"), t, "[\n[1]\n]\n", 1);
        assertThatThrownBy(() -> StagingReader.open(tmp.resolve("s")))
                .hasMessage("file " + file + ", table \"t\": row 1 is not a JSON object");
    }

    private void assertReadFails(TableSchema t, String message) {
        StagingReader reader = StagingReader.open(tmp.resolve("s"));
        try (TableReader r = reader.openTable(t.name())) {
            assertThatThrownBy(() -> {
                        while (r.next() != null) {
                            // read on
                        }
                    })
                    .isInstanceOf(MigrateException.class)
                    .hasMessage(message);
        }
    }

    static void assertSame(Object actual, Object expected) {
        assertThat(Values.same(actual, expected))
                .as("expected %s but was %s", Values.show(expected), Values.show(actual))
                .isTrue();
    }
}
