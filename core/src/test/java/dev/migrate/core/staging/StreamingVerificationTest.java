package dev.migrate.core.staging;

import static dev.migrate.core.staging.StagingFixture.*;
import static dev.migrate.core.types.StagingKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StagingReader#openForStreaming}: only the cheap checks up front, each file's SHA-256 and
 * row count verified by its reader at the end, and a problem met on the way reported as the
 * SHA-256 mismatch whenever the file is not the exported one — the messages {@link
 * StagingReader#open} gives, just later.
 */
class StreamingVerificationTest {

    static final String MISMATCH = "SHA-256 mismatch: the file was modified or corrupted after export";

    static final TableSchema T = table("t", col("id", StagingType.of(INT64)), col("s", StagingType.of(TEXT)));
    static final TableSchema U = table("u", col("id", StagingType.of(INT64)));

    @TempDir
    Path tmp;

    /** A directory with {@code t} of {@code n} rows ("row i") and {@code u} of two rows. */
    private Path export(int n) {
        Path dir = tmp.resolve("staging" + n);
        List<Object[]> rows = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            rows.add(new Object[] {i, "row " + i});
        }
        Map<TableSchema, List<Object[]>> data = new LinkedHashMap<>();
        data.put(T, rows);
        data.put(U, List.<Object[]>of(new Object[] {1L}, new Object[] {2L}));
        StagingFixture.export(dir, data);
        return dir;
    }

    /** Replaces the last occurrence of {@code from} by {@code to} (same length: the size still matches). */
    private static void tamperLast(Path file, String from, String to) throws IOException {
        assertThat(to).hasSameSizeAs(from);
        String text = Files.readString(file);
        int at = text.lastIndexOf(from);
        assertThat(at).isNotNegative();
        Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    private static List<Object[]> readAll(StagingReader staging, String table) {
        List<Object[]> rows = new ArrayList<>();
        try (TableReader r = staging.openTable(table)) {
            for (Object[] row = r.next(); row != null; row = r.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void anIntactDirectoryReadsAsAVerifiedOne() {
        for (int n : new int[] {0, 3, TableReader.READ_AHEAD_MIN_ROWS * 2 + 5}) {
            Path dir = export(n);
            StagingReader staging = StagingReader.openForStreaming(dir);
            List<Object[]> rows = readAll(staging, "t");
            assertThat(rows).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(rows.get(i)).containsExactly((long) i + 1, "row " + (i + 1));
            }
            assertThat(readAll(staging, "u")).hasSize(2);
            assertThatCode(staging::verifyRemaining).doesNotThrowAnyException();
        }
    }

    @Test
    void aTamperedLastRowIsRefusedAtTheEndAfterTheRowsBeforeIt() throws IOException {
        for (int n : new int[] {3, TableReader.READ_AHEAD_MIN_ROWS * 2 + 5}) {
            Path dir = export(n);
            Path file = dir.resolve("t.json");
            tamperLast(file, "row " + n, "ROW " + n);
            StagingReader staging = StagingReader.openForStreaming(dir);
            List<Object[]> seen = new ArrayList<>();
            try (TableReader r = staging.openTable("t")) {
                assertThatThrownBy(() -> {
                            for (Object[] row = r.next(); row != null; row = r.next()) {
                                seen.add(row);
                            }
                        })
                        .isInstanceOf(MigrateException.class)
                        .hasMessage("file " + file + ", table \"t\": " + MISMATCH);
            }
            // The tampered row was parsed (it is valid), but the end of the file refused it.
            assertThat(seen).hasSize(n);
            // The old entry point still refuses it up front, with the same words.
            assertThatThrownBy(() -> StagingReader.open(dir)).hasMessage("file " + file + ", table \"t\": " + MISMATCH);
        }
    }

    @Test
    void tamperingThatBreaksTheJsonIsReportedAsTheMismatch() throws IOException {
        for (int n : new int[] {3, TableReader.READ_AHEAD_MIN_ROWS * 2 + 5}) {
            // In a middle row: the parse error must not win over the hash of the whole file.
            Path dir = export(n);
            Path file = dir.resolve("t.json");
            tamperLast(file, "{\"id\":" + (n - 1) + ",", "{\"id\":" + (n - 1) + "}");
            StagingReader staging = StagingReader.openForStreaming(dir);
            assertThatThrownBy(() -> readAll(staging, "t"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessage("file " + file + ", table \"t\": " + MISMATCH);

            // In the first byte: refused by openTable itself.
            Path dir2 = export(n);
            Path file2 = dir2.resolve("t.json");
            byte[] bytes = Files.readAllBytes(file2);
            bytes[0] = '{';
            Files.write(file2, bytes);
            StagingReader staging2 = StagingReader.openForStreaming(dir2);
            assertThatThrownBy(() -> staging2.openTable("t"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessage("file " + file2 + ", table \"t\": " + MISMATCH);
        }
    }

    @Test
    void aBadValueFromTamperingIsReportedAsTheMismatch() throws IOException {
        Path dir = export(TableReader.READ_AHEAD_MIN_ROWS * 2 + 5);
        Path file = dir.resolve("t.json");
        // A string in the integer column (same size): the value error must not win over the hash.
        tamperLast(file, "{\"id\":7,\"s\":\"row 7\"}", "{\"id\":\"7\",\"s\":\"r 7\"}");
        StagingReader staging = StagingReader.openForStreaming(dir);
        assertThatThrownBy(() -> readAll(staging, "t")).hasMessage("file " + file + ", table \"t\": " + MISMATCH);
    }

    @Test
    void bytesChangedAfterTheArrayAreHashedToo() throws IOException {
        Path dir = export(3);
        Path file = dir.resolve("t.json");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
        bytes[bytes.length - 1] = ' '; // still valid JSON, same size
        Files.write(file, bytes);
        StagingReader staging = StagingReader.openForStreaming(dir);
        assertThatThrownBy(() -> readAll(staging, "t")).hasMessage("file " + file + ", table \"t\": " + MISMATCH);
    }

    @Test
    void withAMatchingShaProblemsAreReportedAsOpenReportsThem() throws IOException {
        // Malformed JSON whose SHA-256 matches (a hand-made manifest): the whole-file message.
        Path hand = tmp.resolve("hand");
        Path file = handMade(hand, U, "[\n{\"id\":1},\n{\"id\":2}", 2);
        assertThatThrownBy(() -> readAll(StagingReader.openForStreaming(hand), "u"))
                .hasMessage("file " + file + ", table \"u\": table file is not valid JSON at line 3, column 9:"
                        + " unexpected end of input (an array is not closed)")
                .hasMessage(messageOf(() -> StagingReader.open(hand)));

        // A bad value in an intact file: the value error, as today.
        Path value = tmp.resolve("value");
        Path file2 = handMade(value, U, "[\n{\"id\":1},\n{\"id\":\"x\"}\n]\n", 2);
        String today = messageOf(() -> readAll(StagingReader.open(value), "u"));
        assertThat(today).startsWith("file " + file2 + ", table \"u\", row 2, column \"id\": ");
        assertThat(messageOf(() -> readAll(StagingReader.openForStreaming(value), "u")))
                .isEqualTo(today);

        // Text after the array.
        Path after = tmp.resolve("after");
        Path file3 = handMade(after, U, "[\n{\"id\":1}\n]\n{\"id\":2}\n", 1);
        assertThatThrownBy(() -> readAll(StagingReader.openForStreaming(after), "u"))
                .hasMessage("file " + file3 + ", table \"u\": text after the end of the JSON array");
    }

    @Test
    void aWrongRowCountInTheManifestIsRefusedAtTheEnd() throws IOException {
        Path dir = export(3);
        editManifest(dir, m -> firstTableEntry(m).put("rows", 4));
        StagingReader staging = StagingReader.openForStreaming(dir);
        assertThatThrownBy(() -> readAll(staging, "t"))
                .hasMessage("file " + dir.resolve("t.json") + ", table \"t\": holds 3 rows, manifest says 4");
    }

    @Test
    void missingAndTruncatedFilesAreRefusedUpFront() throws IOException {
        Path dir = export(3);
        Path u = dir.resolve("u.json");
        byte[] bytes = Files.readAllBytes(u);
        Files.write(u, Arrays.copyOf(bytes, bytes.length - 2));
        assertThatThrownBy(() -> StagingReader.openForStreaming(dir))
                .hasMessage("file " + u + ", table \"u\": size is " + (bytes.length - 2) + " bytes, manifest says "
                        + bytes.length + " (truncated or modified)");
        Files.delete(u);
        assertThatThrownBy(() -> StagingReader.openForStreaming(dir))
                .hasMessage("file " + u + ", table \"u\": table file is missing");
    }

    @Test
    void filesNotReadToTheEndAreVerifiedByVerifyRemaining() throws IOException {
        Path dir = export(TableReader.READ_AHEAD_MIN_ROWS * 2 + 5);
        Path u = dir.resolve("u.json");
        tamperLast(u, "2", "3");
        StagingReader staging = StagingReader.openForStreaming(dir);
        try (TableReader r = staging.openTable("t")) {
            r.next(); // stopped early: not verified by the reader
        }
        assertThatThrownBy(staging::verifyRemaining).hasMessage("file " + u + ", table \"u\": " + MISMATCH);

        Path intact = export(4);
        StagingReader ok = StagingReader.openForStreaming(intact);
        try (TableReader r = ok.openTable("t")) {
            r.next();
        }
        assertThatCode(ok::verifyRemaining).doesNotThrowAnyException();
    }

    @Test
    void theImportersOwnFailureGivesWayToTheMismatch() throws IOException {
        Path dir = export(TableReader.READ_AHEAD_MIN_ROWS * 2 + 5);
        Path file = dir.resolve("t.json");
        tamperLast(file, "row 9\"", "row 8\"");
        StagingReader staging = StagingReader.openForStreaming(dir);
        RuntimeException refused = new IllegalStateException("the target refused row 9");
        try (TableReader r = staging.openTable("t")) {
            for (int i = 0; i < 9; i++) {
                r.next();
            }
        }
        assertThatThrownBy(() -> staging.verifyRemainingAfterFailure(refused))
                .isInstanceOf(MigrateException.class)
                .hasMessage("file " + file + ", table \"t\": " + MISMATCH)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(refused));

        // Before any table was read (a target check failed): the same, as open() reported first.
        StagingReader early = StagingReader.openForStreaming(dir);
        assertThatThrownBy(() -> early.verifyRemainingAfterFailure(refused))
                .hasMessage("file " + file + ", table \"t\": " + MISMATCH);

        // Intact files: the importer's own error stands.
        Path intact = export(5);
        StagingReader ok = StagingReader.openForStreaming(intact);
        try (TableReader r = ok.openTable("t")) {
            r.next();
        }
        assertThatCode(() -> ok.verifyRemainingAfterFailure(refused)).doesNotThrowAnyException();
        // A directory verified up front has nothing to add.
        assertThatCode(() -> StagingReader.open(intact).verifyRemainingAfterFailure(refused))
                .doesNotThrowAnyException();
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (MigrateException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }
}
