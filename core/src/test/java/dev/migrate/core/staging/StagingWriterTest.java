package dev.migrate.core.staging;

import static dev.migrate.core.staging.StagingFixture.*;
import static dev.migrate.core.types.StagingKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The write protocol: manifest last and atomic, abort, replacing an export, owner-only files, safe names. */
class StagingWriterTest {

    @TempDir
    Path tmp;

    static final TableSchema T = table("t", col("id", StagingType.of(INT64)), col("s", StagingType.of(TEXT)));

    @Test
    void theManifestAppearsOnlyAtCommitAndNoTemporaryFileRemains() throws IOException {
        Path dir = tmp.resolve("s");
        StagingWriter w = StagingWriter.create(dir);
        TableWriter tw = w.openTable(T);
        tw.writeRow(new Object[] {1L, "a"});
        tw.close();

        assertThat(dir.resolve(Manifest.FILE_NAME)).doesNotExist();
        assertThatThrownBy(() -> StagingReader.open(dir)).hasMessageContaining("no manifest");

        w.commit(manifest(List.of(T), List.of(tw.entry())));

        assertThat(names(dir)).containsExactlyInAnyOrder(StagingWriter.MARKER, "t.json", "manifest.json");
        assertThat(StagingReader.open(dir).manifest().tables()).containsExactly(tw.entry());
    }

    @Test
    void abortLeavesNoManifestAndNoFiles() throws IOException {
        Path dir = tmp.resolve("s");
        StagingWriter w = StagingWriter.create(dir);
        TableWriter closed = w.openTable(T);
        closed.writeRow(new Object[] {1L, "a"});
        closed.close();
        TableWriter open = w.openTable(table("u", col("id", StagingType.of(INT64))));
        open.writeRow(new Object[] {1L});

        w.abort();

        assertThat(dir).isEmptyDirectory();
        assertThatThrownBy(() -> open.writeRow(new Object[] {2L})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCrashBeforeCommitLeavesNoManifestAndTheNextExportReplacesTheRemains() throws IOException {
        Path dir = tmp.resolve("s");
        StagingWriter crashed = StagingWriter.create(dir);
        TableWriter tw = crashed.openTable(T);
        tw.writeRow(new Object[] {1L, "a"});
        tw.close();
        // The process dies here: neither commit nor abort runs. A crash inside commit leaves the temporary file.
        Files.writeString(dir.resolve("manifest.json.tmp"), "{\"formatVersion\":1,\"tab");

        assertThat(dir.resolve(Manifest.FILE_NAME)).doesNotExist();
        assertThatThrownBy(() -> StagingReader.open(dir))
                .isInstanceOf(MigrateException.class)
                .hasMessage("file " + dir.resolve(Manifest.FILE_NAME)
                        + ": no manifest: the export is missing or did not finish");

        export(dir, data(table("other", col("id", StagingType.of(INT64))), new Object[] {7L}));
        assertThat(names(dir)).containsExactlyInAnyOrder(StagingWriter.MARKER, "other.json", "manifest.json");
    }

    @Test
    void aNewExportReplacesAnEarlierOneCleanly() throws IOException {
        Path dir = tmp.resolve("s");
        Map<TableSchema, List<Object[]>> first = new LinkedHashMap<>();
        first.put(T, List.<Object[]>of(new Object[] {1L, "old"}));
        first.put(table("gone", col("id", StagingType.of(INT64))), List.<Object[]>of(new Object[] {1L}));
        export(dir, first);
        Files.writeString(dir.resolve("validation_report.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "mine");

        export(dir, data(T, new Object[] {2L, "new"}));

        assertThat(names(dir))
                .containsExactlyInAnyOrder(
                        StagingWriter.MARKER, "t.json", "manifest.json", "validation_report.json", "notes.txt");
        assertThat(readAll(dir, "t"))
                .singleElement()
                .satisfies(r -> assertThat(r).containsExactly(2L, "new"));
    }

    @Test
    void anEarlierExportWithoutMarkerIsRecognisedByItsManifest() throws IOException {
        Path dir = tmp.resolve("s");
        export(dir, data(T, new Object[] {1L, "old"}));
        Files.delete(dir.resolve(StagingWriter.MARKER));

        export(dir, data(T, new Object[] {2L, "new"}));

        assertThat(readAll(dir, "t").get(0)).containsExactly(2L, "new");
    }

    @Test
    void aNonEmptyDirectoryThatIsNotAStagingDirectoryIsRefusedAndLeftAlone() throws IOException {
        Path project = tmp.resolve("project");
        Files.createDirectories(project);
        Files.writeString(project.resolve("package.json"), "{\"name\":\"app\"}");
        Files.writeString(project.resolve("tsconfig.json"), "{}");
        // A web app's manifest.json is not a staging manifest.
        Files.writeString(project.resolve("manifest.json"), "{\"name\":\"app\",\"icons\":[]}");

        assertThatThrownBy(() -> StagingWriter.create(project))
                .isInstanceOf(MigrateException.class)
                .hasMessage("file " + project
                        + ": directory is not empty and holds no staging export; refusing to write into it");
        assertThat(names(project)).containsExactlyInAnyOrder("package.json", "tsconfig.json", "manifest.json");
    }

    @Test
    void aStagingPathThatIsAFileIsRefused() throws IOException {
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> StagingWriter.create(file))
                .isInstanceOf(MigrateException.class)
                .hasMessage("file " + file + ": staging path exists and is not a directory");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void directoriesAreOwnerOnly0700AndFiles0600() throws IOException {
        Path dir = tmp.resolve("a/b/staging");
        export(dir, data(T, new Object[] {1L, "secret"}));

        for (Path d : List.of(tmp.resolve("a"), tmp.resolve("a/b"), dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(d)))
                    .as(d.toString())
                    .isEqualTo("rwx------");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                        .as(f.toString())
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anExistingOpenDirectoryIsNarrowedTo0700() throws IOException {
        Path dir = tmp.resolve("open");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        export(dir, data(T));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
    }

    @Test
    void commitRefusesATableFileStillOpen() {
        StagingWriter w = StagingWriter.create(tmp.resolve("s"));
        TableWriter tw = w.openTable(T);
        assertThatThrownBy(() -> w.commit(manifest(List.of(T), List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("t.json is not closed");
        w.abort();
        assertThat(tw.rows()).isZero();
    }

    @Test
    void commitRefusesAManifestThatDoesNotListTheFilesWritten() throws IOException {
        Path dir = tmp.resolve("s");
        StagingWriter w = StagingWriter.create(dir);
        TableWriter tw = w.openTable(T);
        tw.close();
        assertThatThrownBy(() -> w.commit(manifest(List.of(T), List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("manifest lists []");
        TableEntry forged =
                new TableEntry("t", "t.json", 5, tw.entry().bytes(), tw.entry().sha256());
        assertThatThrownBy(() -> w.commit(manifest(List.of(T), List.of(forged))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("differs from the file written");
        assertThat(dir.resolve(Manifest.FILE_NAME)).doesNotExist();
    }

    @Test
    void tableFileNamesAreSafeAndUnique() {
        StagingWriter w = StagingWriter.create(tmp.resolve("names"));
        List<String> tables = List.of(
                "users",
                "Users",
                "USERS",
                "x\"; DROP TABLE users; --",
                "with space",
                "with.dots.json",
                "../../etc/passwd",
                "back\\slash",
                "quote'single",
                "ユーザー",
                "😀",
                "",
                "-rf",
                ".hidden",
                "manifest",
                "Manifest",
                "validation_report",
                "CON",
                "nul",
                "a".repeat(200),
                "a".repeat(199) + "b",
                "users_2",
                "with_space");
        Set<String> seen = new HashSet<>();
        List<String> files = new ArrayList<>();
        for (String t : tables) {
            String f = w.fileNameFor(t);
            files.add(f);
            assertThat(f).as(t).matches("[A-Za-z0-9_][A-Za-z0-9_-]{0,110}\\.json");
            assertThat(seen.add(f.toLowerCase(Locale.ROOT)))
                    .as("unique ignoring case: " + f)
                    .isTrue();
        }
        assertThat(files.subList(0, 5))
                .containsExactly(
                        "users.json",
                        "Users_2.json",
                        "USERS_3.json",
                        "x___DROP_TABLE_users__--.json",
                        "with_space.json");
        assertThat(files.get(tables.indexOf("manifest"))).isEqualTo("table_manifest.json");
        assertThat(files.get(tables.indexOf("CON"))).isEqualTo("table_CON.json");
        assertThat(files.get(tables.indexOf("-rf"))).isEqualTo("table_-rf.json");
        assertThat(files.get(tables.indexOf(""))).isEqualTo("table_.json");
        assertThat(files.get(tables.indexOf("a".repeat(200)))).isEqualTo("a".repeat(100) + ".json");
        assertThat(files.get(tables.indexOf("a".repeat(199) + "b"))).isEqualTo("a".repeat(100) + "_2.json");
        w.abort();
    }

    @Test
    void tablesWithAwkwardNamesRoundTripThroughTheReader() throws IOException {
        Path dir = tmp.resolve("s");
        Map<TableSchema, List<Object[]>> data = new LinkedHashMap<>();
        List<String> names = List.of("x\"; DROP TABLE users; --", "Users", "users", "a b.c/d", "z".repeat(200));
        for (int i = 0; i < names.size(); i++) {
            data.put(table(names.get(i), col("id", StagingType.of(INT64))), List.<Object[]>of(new Object[] {(long) i}));
        }
        export(dir, data);

        StagingReader reader = StagingReader.open(dir);
        for (int i = 0; i < names.size(); i++) {
            try (TableReader r = reader.openTable(names.get(i))) {
                assertThat(r.next()).containsExactly((long) i);
                assertThat(r.next()).isNull();
            }
        }
        assertThat(names(dir)).hasSize(names.size() + 2);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
