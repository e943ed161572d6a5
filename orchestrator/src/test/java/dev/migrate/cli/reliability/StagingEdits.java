package dev.migrate.cli.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.SchemaSnapshot;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.SourceInfo;
import dev.migrate.core.staging.StagingWriter;
import dev.migrate.core.staging.TableWriter;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Damages staging directories the ways users and disks do. Edits that must get past the
 * importer's size and SHA-256 checks (to reach the row reader) rewrite the manifest entry to
 * match, as a careless hand edit of both files would.
 */
final class StagingEdits {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StagingEdits() {}

    /** A copy of a staging directory (flat: the manifest and table files). */
    static Path copy(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path p : files.toList()) {
                Files.copy(p, target.resolve(p.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return target;
    }

    /** Rewrites manifest.json after editing its JSON tree. */
    static void editManifest(Path dir, Consumer<ObjectNode> edit) throws IOException {
        Path file = dir.resolve(Manifest.FILE_NAME);
        ObjectNode root = (ObjectNode) MAPPER.readTree(file.toFile());
        edit.accept(root);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    /** Replaces a text in manifest.json, as a hand edit would. */
    static void replaceInManifest(Path dir, String from, String to) throws IOException {
        Path file = dir.resolve(Manifest.FILE_NAME);
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException("manifest does not contain " + from);
        }
        Files.writeString(file, text.replace(from, to));
    }

    /** Writes new bytes into a table file and makes the manifest's size, SHA-256 and row count agree. */
    static void rewriteTable(Path dir, String file, byte[] content, long rows) throws IOException {
        Files.write(dir.resolve(file), content);
        editManifest(dir, root -> {
            for (JsonNode t : root.get("tables")) {
                if (t.get("file").asText().equals(file)) {
                    ((ObjectNode) t).put("bytes", content.length);
                    ((ObjectNode) t).put("rows", rows);
                    ((ObjectNode) t).put("sha256", Fingerprints.sha256(content));
                    return;
                }
            }
            throw new IllegalArgumentException("no table file " + file + " in the manifest");
        });
    }

    static void rewriteTable(Path dir, String file, String content, long rows) throws IOException {
        rewriteTable(dir, file, content.getBytes(StandardCharsets.UTF_8), rows);
    }

    /**
     * A staging directory, written as an exporter would, holding one table {@code wide} with an
     * int64 key {@code id} and {@code columns - 1} int64 columns {@code c1..}, and two rows whose
     * values are {@code row * 10000 + column}.
     */
    static Path wide(Path dir, int columns) throws IOException {
        StagingType int64 = StagingType.of(StagingKind.INT64);
        List<ColumnSchema> cols = new ArrayList<>();
        cols.add(new ColumnSchema("id", "bigint", int64, false, null, null, null, null));
        for (int i = 1; i < columns; i++) {
            cols.add(new ColumnSchema("c" + i, "bigint", int64, true, null, null, null, null));
        }
        TableSchema table = new TableSchema("wide", "public", cols, List.of("id"), null, null, null, null, null);
        StagingWriter writer = StagingWriter.create(dir);
        TableWriter tw = writer.openTable(table);
        for (long row = 1; row <= 2; row++) {
            Object[] values = new Object[columns];
            for (int i = 0; i < columns; i++) {
                values[i] = row * 10000 + i;
            }
            tw.writeRow(values);
        }
        tw.close();
        writer.commit(new Manifest(
                Manifest.FORMAT_VERSION,
                "test",
                "2026-01-01T00:00:00Z",
                new SourceInfo("postgresql", "17", "wide"),
                new SchemaSnapshot(List.of(table), List.of(), List.of()),
                null,
                List.of(tw.entry())));
        return dir;
    }
}
