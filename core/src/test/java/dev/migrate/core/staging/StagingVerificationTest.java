package dev.migrate.core.staging;

import static dev.migrate.core.staging.StagingFixture.*;
import static dev.migrate.core.types.StagingKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a staging directory verifies everything before a row is handed out, and refuses the
 * first mismatch with ONE line that names the file.
 */
class StagingVerificationTest {

    @TempDir
    Path tmp;

    Path dir;
    Path users;
    Path orders;
    Path manifest;

    static final TableSchema USERS =
            table("users", col("id", StagingType.of(INT64)), col("email", StagingType.of(TEXT)));
    static final TableSchema ORDERS =
            table("orders", col("id", StagingType.of(INT64)), col("total", StagingType.decimal(10, 2)));

    @BeforeEach
    void export() {
        dir = tmp.resolve("migration_data");
        Map<TableSchema, List<Object[]>> data = new LinkedHashMap<>();
        data.put(
                USERS,
                List.of(new Object[] {1L, "ann@example.com"}, new Object[] {2L, "bob@example.com"}, new Object[] {
                    3L, null
                }));
        data.put(ORDERS, List.<Object[]>of(new Object[] {10L, "12.50"}));
        StagingFixture.export(dir, data);
        users = dir.resolve("users.json");
        orders = dir.resolve("orders.json");
        manifest = dir.resolve(Manifest.FILE_NAME);
    }

    @Test
    void anIntactDirectoryOpensAndReads() {
        StagingReader reader = StagingReader.open(dir);
        assertThat(reader.manifest().tables())
                .extracting(TableEntry::file)
                .containsExactly("users.json", "orders.json");
        assertThat(readAll(dir, "orders").get(0)).containsExactly(10L, "12.50");
    }

    @Test
    void oneFlippedByteOfTheSameSizeIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(users);
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf("bob");
        bytes[at] = 'B';
        Files.write(users, bytes);

        assertRefused(users, "table \"users\": SHA-256 mismatch: the file was modified or corrupted after export");
    }

    @Test
    void aFlippedByteThatBreaksTheJsonIsStillReportedAsCorruption() throws IOException {
        byte[] bytes = Files.readAllBytes(users);
        bytes[0] = '{';
        Files.write(users, bytes);

        assertRefused(users, "table \"users\": SHA-256 mismatch: the file was modified or corrupted after export");
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(users);
        Files.write(users, Arrays.copyOf(bytes, bytes.length - 10));

        assertRefused(
                users,
                "table \"users\": size is " + (bytes.length - 10) + " bytes, manifest says " + bytes.length
                        + " (truncated or modified)");
    }

    @Test
    void aMissingFileIsRefused() throws IOException {
        Files.delete(orders);

        assertRefused(orders, "table \"orders\": table file is missing");
    }

    @Test
    void aWrongRowCountInTheManifestIsRefusedEvenWhenTheShaMatches() throws IOException {
        editManifest(dir, m -> firstTableEntry(m).put("rows", 4));

        assertRefused(users, "table \"users\": holds 3 rows, manifest says 4");
    }

    @Test
    void anUnknownFormatVersionIsRefused() throws IOException {
        editManifest(dir, m -> m.put("formatVersion", 2));

        assertRefused(manifest, "unsupported staging format version 2 (this build reads version 1)");
    }

    @Test
    void aFormatVersionThatIsNotAnIntegerIsRefused() throws IOException {
        editManifest(dir, m -> m.put("formatVersion", "1"));
        assertRefused(manifest, "manifest has no integer formatVersion");

        editManifest(dir, m -> m.remove("formatVersion"));
        assertRefused(manifest, "manifest has no integer formatVersion");
    }

    @Test
    void aMalformedManifestIsRefused() throws IOException {
        Files.writeString(manifest, "{ \"formatVersion\": 1, tables: [] }");
        assertRefused(
                manifest,
                "manifest is not valid JSON at line 1, column 23: unexpected character 't':"
                        + " expected double-quote to start field name");
    }

    @Test
    void anEmptyManifestIsRefused() throws IOException {
        Files.writeString(manifest, "");
        assertRefused(manifest, "manifest is empty or not a JSON object");

        Files.writeString(manifest, "[]");
        assertRefused(manifest, "manifest is empty or not a JSON object");
    }

    @Test
    void aTruncatedManifestIsRefused() throws IOException {
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.substring(0, text.length() / 2));
        assertRefusedStartingWith(manifest, "manifest is not valid JSON at line ");
        // Jackson's location boilerplate is not shown; the position is said once, in words.
        refusal(manifest)
                .hasMessageContaining(": unexpected end of input")
                .hasMessageNotContaining("Source")
                .hasMessageNotContaining("StreamReadFeature")
                .hasMessageNotContaining("start marker");
    }

    @Test
    void aManifestWithUnknownFieldsIsRefused() throws IOException {
        editManifest(dir, m -> m.put("surprise", true));
        assertRefusedStartingWith(manifest, "manifest does not match the staging format: ");
    }

    @Test
    void aManifestListingAFileWithAPathSeparatorIsRefused() throws IOException {
        for (String bad : List.of(
                "../users.json",
                "sub/users.json",
                "..\\users.json",
                "/etc/passwd",
                ".hidden.json",
                "manifest.json",
                "users.txt",
                "")) {
            editManifest(dir, m -> firstTableEntry(m).put("file", bad));
            assertRefusedStartingWith(manifest, "table \"users\" has an unsafe file name " + bad);
        }
    }

    @Test
    void inconsistentManifestsAreRefused() throws IOException {
        editManifest(
                dir,
                m -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                                m.get("tables").get(1))
                        .put("file", "users.json"));
        assertManifestRefused("file users.json is listed twice");

        export();
        editManifest(dir, m -> firstTableEntry(m).put("sha256", "abc"));
        assertManifestRefused("table \"users\" has no valid sha256");

        export();
        editManifest(dir, m -> firstTableEntry(m).put("rows", -1));
        assertManifestRefused("table \"users\" has a negative row count or size");

        export();
        editManifest(dir, m -> firstTableEntry(m).put("table", "ghost"));
        assertManifestRefused("table \"ghost\" has a file but no schema");

        export();
        editManifest(dir, m -> ((com.fasterxml.jackson.databind.node.ArrayNode) m.get("tables")).remove(1));
        assertManifestRefused("table \"orders\" has no file entry");
    }

    @Test
    void aStagingPathThatIsAFileIsRefused() throws IOException {
        Path file = tmp.resolve("not-a-dir");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> StagingReader.open(file))
                .isInstanceOf(MigrateException.class)
                .hasMessage("file " + file + ": staging path is not a directory");
    }

    @Test
    void aMissingDirectoryIsRefused() {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> StagingReader.open(missing))
                .isInstanceOf(MigrateException.class)
                .hasMessage("file " + missing + ": staging directory does not exist");
    }

    @Test
    void aDirectoryWithoutManifestIsAHalfWrittenExportAndIsRefused() throws IOException {
        Files.delete(manifest);
        assertRefused(manifest, "no manifest: the export is missing or did not finish");
    }

    @Test
    void aLaterTableIsVerifiedBeforeAnyTableCanBeRead() throws IOException {
        Files.writeString(orders, Files.readString(orders).replace("12.50", "99.50"));
        assertRefused(orders, "table \"orders\": SHA-256 mismatch: the file was modified or corrupted after export");
    }

    @Test
    void textAfterTheArrayIsRefusedEvenWithAMatchingSha() throws IOException {
        TableSchema t = table("t", col("a", StagingType.of(INT32)));
        Path file = handMade(tmp.resolve("hand"), t, "[\n{\"a\":1}\n]\n{\"a\":2}\n", 1);
        assertThatThrownBy(() -> StagingReader.open(tmp.resolve("hand")))
                .hasMessage("file " + file + ", table \"t\": text after the end of the JSON array");
    }

    @Test
    void invalidJsonWithAMatchingShaIsRefused() throws IOException {
        TableSchema t = table("t", col("a", StagingType.of(INT32)));
        Path file = handMade(tmp.resolve("hand"), t, "[\n{\"a\":1},\n{\"a\":2}", 2);
        assertThatThrownBy(() -> StagingReader.open(tmp.resolve("hand")))
                .hasMessage("file " + file + ", table \"t\": table file is not valid JSON at line 3, column 8:"
                        + " unexpected end of input (an array is not closed)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aFileThatIsNotAnArrayIsRefused() throws IOException {
        TableSchema t = table("t", col("a", StagingType.of(INT32)));
        Path file = handMade(tmp.resolve("hand"), t, "{\"a\":1}\n", 1);
        assertThatThrownBy(() -> StagingReader.open(tmp.resolve("hand")))
                .hasMessage("file " + file + ", table \"t\": table file does not start with a JSON array");
    }

    private void assertRefused(Path file, String rest) {
        refusal(file).hasMessage("file " + file + (rest.startsWith("table") ? ", " : ": ") + rest);
    }

    private void assertManifestRefused(String rest) {
        refusal(manifest).hasMessage("file " + manifest + ": " + rest);
    }

    private void assertRefusedStartingWith(Path file, String rest) {
        refusal(file).hasMessageStartingWith("file " + file + ": " + rest);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refusal(Path file) {
        return assertThatThrownBy(() -> StagingReader.open(dir))
                .isInstanceOf(MigrateException.class)
                .satisfies(e -> {
                    assertThat(((MigrateException) e).kind()).isEqualTo(MigrateException.Kind.INPUT);
                    assertThat(e.getMessage()).doesNotContain("\n").contains(file.toString());
                });
    }
}
