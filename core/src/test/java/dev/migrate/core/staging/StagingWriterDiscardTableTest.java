package dev.migrate.core.staging;

import static dev.migrate.core.staging.StagingFixture.*;
import static dev.migrate.core.types.StagingKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Abandoning one table file mid-export (export-sqlite's speculative pass) and writing it again. */
class StagingWriterDiscardTableTest {

    @TempDir
    Path tmp;

    static final TableSchema AS_INT = table("t", col("id", StagingType.of(INT64)), col("v", StagingType.of(INT32)));
    static final TableSchema AS_TEXT = table("t", col("id", StagingType.of(INT64)), col("v", StagingType.of(TEXT)));

    @Test
    void aDiscardedTableIsWrittenAgainUnderTheSameFileNameAndOnlyTheNewFileCounts() throws IOException {
        Path dir = tmp.resolve("s");
        StagingWriter w = StagingWriter.create(dir);
        TableWriter first = w.openTable(AS_INT);
        // Past the write-behind threshold, so the background thread is running when it is discarded.
        for (long i = 1; i <= TableWriter.WRITE_BEHIND_AFTER_ROWS + 1000; i++) {
            first.writeRow(new Object[] {i, 7L});
        }
        Path file = first.file();

        w.discardTable(first);

        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> first.writeRow(new Object[] {1L, 7L})).isInstanceOf(IllegalStateException.class);
        TableWriter again = w.openTable(AS_TEXT);
        assertThat(again.file()).isEqualTo(file);
        again.writeRow(new Object[] {1L, "seven"});
        again.close();
        w.commit(manifest(List.of(AS_TEXT), List.of(again.entry())));

        StagingReader r = StagingReader.open(dir);
        assertThat(r.manifest().tables()).containsExactly(again.entry());
        try (TableReader t = r.openTable("t")) {
            assertThat(t.next()).containsExactly(1L, "seven");
            assertThat(t.next()).isNull();
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(StagingWriter.MARKER, "t.json", "manifest.json");
        }
    }

    @Test
    void onlyAnOpenTableOfThisWriterCanBeDiscarded() throws IOException {
        StagingWriter w = StagingWriter.create(tmp.resolve("s"));
        TableWriter tw = w.openTable(AS_INT);
        tw.writeRow(new Object[] {1L, 7L});
        tw.close();

        assertThatThrownBy(() -> w.discardTable(tw)).isInstanceOf(IllegalStateException.class);
        assertThat(tw.file()).exists();
    }
}
