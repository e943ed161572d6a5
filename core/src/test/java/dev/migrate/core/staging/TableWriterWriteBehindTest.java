package dev.migrate.core.staging;

import static dev.migrate.core.staging.StagingFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Past the first rows a background thread writes the JSON: the file is byte for byte what the
 * synchronous writer produces, the entry's size and SHA-256 match it, and a bad value is still
 * refused by the call that passes it, naming its row and column, with the writer usable after.
 */
class TableWriterWriteBehindTest {

    private static final TableSchema T =
            table("t", col("id", StagingType.of(StagingKind.INT64)), col("s", StagingType.of(StagingKind.TEXT)));

    @TempDir
    Path tmp;

    private static String expected(int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 1; i <= n; i++) {
            b.append(i == 1 ? "\n" : ",\n");
            b.append("{\"id\":").append(i).append(",\"s\":\"row ").append(i).append("\"}");
        }
        return b.append(n == 0 ? "]\n" : "\n]\n").toString();
    }

    @Test
    void theFileIsExactlyWhatTheSynchronousWriterWrites() throws IOException {
        for (int n : new int[] {
            0,
            1,
            TableWriter.WRITE_BEHIND_AFTER_ROWS - 1,
            TableWriter.WRITE_BEHIND_AFTER_ROWS,
            TableWriter.WRITE_BEHIND_AFTER_ROWS + 1,
            TableWriter.WRITE_BEHIND_AFTER_ROWS + TableWriter.BATCH_ROWS * 7 + 3
        }) {
            Path dir = tmp.resolve("n" + n);
            StagingWriter w = StagingWriter.create(dir);
            TableWriter t = w.openTable(T);
            for (long i = 1; i <= n; i++) {
                t.writeRow(new Object[] {i, "row " + i});
            }
            t.close();
            w.commit(manifest(List.of(T), List.of(t.entry())));
            byte[] bytes = Files.readAllBytes(t.file());
            assertThat(new String(bytes, StandardCharsets.UTF_8)).as("n=%d", n).isEqualTo(expected(n));
            assertThat(t.entry().rows()).isEqualTo(n);
            assertThat(t.entry().bytes()).isEqualTo(bytes.length);
            assertThat(t.entry().sha256()).isEqualTo(DigestUtils.sha256Hex(bytes));
            assertThat(readAll(dir, "t")).hasSize(n);
        }
    }

    @Test
    void aBadValueAfterTheHandOverIsRefusedAtItsRowAndTheWriterGoesOn() throws IOException {
        StagingWriter w = StagingWriter.create(tmp.resolve("bad"));
        TableWriter t = w.openTable(T);
        int n = TableWriter.WRITE_BEHIND_AFTER_ROWS + 500;
        for (long i = 1; i <= n; i++) {
            t.writeRow(new Object[] {i, "row " + i});
        }
        assertThatThrownBy(() -> t.writeRow(new Object[] {"x", "y"}))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("row " + (n + 1))
                .hasMessageContaining("column \"id\"");
        t.writeRow(new Object[] {(long) n + 1, "row " + (n + 1)});
        t.close();
        assertThat(Files.readString(t.file())).isEqualTo(expected(n + 1));
    }

    @Test
    void abortAfterTheHandOverStopsTheThreadAndRemovesTheFile() throws IOException, InterruptedException {
        StagingWriter w = StagingWriter.create(tmp.resolve("abort"));
        TableWriter t = w.openTable(T);
        for (long i = 1; i <= TableWriter.WRITE_BEHIND_AFTER_ROWS * 3; i++) {
            t.writeRow(new Object[] {i, "row " + i});
        }
        w.abort();
        assertThat(t.file()).doesNotExist();
        for (int i = 0; i < 50 && writerThreadAlive(); i++) {
            Thread.sleep(20);
        }
        assertThat(writerThreadAlive()).isFalse();
    }

    private static boolean writerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("staging-writer ") && t.isAlive());
    }
}
