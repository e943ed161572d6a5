package dev.migrate.core.staging;

import static dev.migrate.core.staging.StagingFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte-level row count agrees with the writer's files, and gives up on any other layout. */
class RowLineCounterTest {

    @TempDir
    Path tmp;

    private static RowLineCounter count(byte[] bytes, int chunk) {
        RowLineCounter c = new RowLineCounter();
        for (int i = 0; i < bytes.length; i += chunk) {
            c.update(bytes, i, Math.min(chunk, bytes.length - i));
        }
        return c;
    }

    @Test
    void filesOfTheRealWriterAreCountedExactlyInAnyChunking() throws IOException {
        TableSchema t = table(
                "t",
                col("id", StagingType.of(StagingKind.INT64)),
                col("s", StagingType.of(StagingKind.TEXT)),
                col("b", StagingType.of(StagingKind.BYTES)));
        String[] awkward = {"", "\n", "\n{", "a\n]\n", "\r\n\t", "}\n,\n{", "\u2028\u2029", "x\\ny", "[\n{"};
        for (int n : new int[] {0, 1, 2, 9, 3000}) {
            StagingWriter w = StagingWriter.create(tmp.resolve("n" + n));
            TableWriter tw = w.openTable(t);
            for (int i = 0; i < n; i++) {
                tw.writeRow(new Object[] {
                    (long) i, i % 3 == 0 ? null : awkward[i % awkward.length], new byte[] {'\n', '{', (byte) i}
                });
            }
            tw.close();
            byte[] bytes = Files.readAllBytes(tw.file());
            for (int chunk : new int[] {1, 2, 3, 7, 1 << 20}) {
                RowLineCounter c = count(bytes, chunk);
                assertThat(c.canonical()).as("n=%d chunk=%d", n, chunk).isTrue();
                assertThat(c.rows()).as("n=%d chunk=%d", n, chunk).isEqualTo(n);
            }
            w.abort();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "[]\n\n",
                "[\n]\n",
                "[{\"a\":1}]\n",
                "[\n{\"a\":1}\n]",
                "[\n{\"a\":1}\n]\n\n",
                "[\n{\"a\":1}\n]\n{\"a\":2}\n",
                "[\n{\"a\":1}\n\n]\n",
                "[\n{\"a\":1}\n{\"a\":2}\n]\n",
                "[\n{\"a\":1},\n]\n",
                "[\n  {\"a\":1}\n]\n",
                "[\n[1]\n]\n",
                "{\"a\":1}\n",
                " [\n{\"a\":1}\n]\n",
                "[\n{\"a\":1},\n{\"a\":2}"
            })
    void anyOtherLayoutIsNotCanonical(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        assertThat(count(bytes, 1).canonical()).as(content).isFalse();
        assertThat(count(bytes, 1 << 20).canonical()).as(content).isFalse();
    }

    @Test
    void theWritersTwoSmallestFormsAreCanonical() {
        assertThat(count("[]\n".getBytes(StandardCharsets.UTF_8), 1).rows()).isZero();
        assertThat(count("[]\n".getBytes(StandardCharsets.UTF_8), 1).canonical())
                .isTrue();
        RowLineCounter one = count("[\n{\"a\":1}\n]\n".getBytes(StandardCharsets.UTF_8), 2);
        assertThat(one.canonical()).isTrue();
        assertThat(one.rows()).isEqualTo(1);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add("{\"a\":" + i + "}");
        }
        RowLineCounter five = count(("[\n" + String.join(",\n", rows) + "\n]\n").getBytes(StandardCharsets.UTF_8), 4);
        assertThat(five.canonical()).isTrue();
        assertThat(five.rows()).isEqualTo(5);
    }
}
