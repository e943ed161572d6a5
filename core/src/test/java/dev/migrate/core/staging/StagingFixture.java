package dev.migrate.core.staging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.SchemaSnapshot;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.codec.digest.DigestUtils;

/** Builds schemas, staging directories and hand-made table files for the staging tests. */
final class StagingFixture {

    private StagingFixture() {}

    static ColumnSchema col(String name, StagingType type) {
        return new ColumnSchema(name, type.toString(), type, true, null, null, null, null);
    }

    static TableSchema table(String name, ColumnSchema... columns) {
        return new TableSchema(name, "public", List.of(columns), List.of(), null, null, null, null, null);
    }

    static Manifest manifest(List<TableSchema> tables, List<TableEntry> entries) {
        return new Manifest(
                Manifest.FORMAT_VERSION,
                "0.1.0-test",
                "2026-11-21T12:00:00Z",
                new SourceInfo("postgresql", "17.11", "app"),
                new SchemaSnapshot(tables, List.of(), List.of()),
                null,
                entries);
    }

    /** Rows for one table, in order. */
    static Map<TableSchema, List<Object[]>> data(TableSchema table, Object[]... rows) {
        Map<TableSchema, List<Object[]>> m = new LinkedHashMap<>();
        m.put(table, Arrays.asList(rows));
        return m;
    }

    /** Exports the tables with the real writer and commits; returns the manifest. */
    static Manifest export(Path dir, Map<TableSchema, List<Object[]>> data) {
        StagingWriter w = StagingWriter.create(dir);
        List<TableEntry> entries = new ArrayList<>();
        try {
            for (var e : data.entrySet()) {
                // The exporter pattern: a failure anywhere goes to abort(), which closes and deletes.
                TableWriter t = w.openTable(e.getKey());
                for (Object[] row : e.getValue()) {
                    t.writeRow(row);
                }
                t.close();
                entries.add(t.entry());
            }
        } catch (IOException | RuntimeException e) {
            w.abort();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        Manifest m = manifest(List.copyOf(data.keySet()), entries);
        w.commit(m);
        return m;
    }

    /** All rows of a table, read through a freshly opened (and verified) staging directory. */
    static List<Object[]> readAll(Path dir, String table) {
        StagingReader reader = StagingReader.open(dir);
        List<Object[]> rows = new ArrayList<>();
        try (TableReader r = reader.openTable(table)) {
            for (Object[] row = r.next(); row != null; row = r.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * A staging directory holding one table whose file has exactly {@code content} (hand-made,
     * possibly wrong) and a manifest whose size and SHA-256 match it, so that only what the
     * content itself is wrong about can be refused.
     */
    static Path handMade(Path dir, TableSchema table, String content, long rows) throws IOException {
        Files.createDirectories(dir);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String file = "t.json";
        Files.write(dir.resolve(file), bytes);
        TableEntry entry = new TableEntry(table.name(), file, rows, bytes.length, DigestUtils.sha256Hex(bytes));
        StagingJson.MAPPER.writeValue(
                dir.resolve(Manifest.FILE_NAME).toFile(), manifest(List.of(table), List.of(entry)));
        return dir.resolve(file);
    }

    /** Edits manifest.json as a JSON tree (to simulate a hand-edited or foreign manifest). */
    static void editManifest(Path dir, Consumer<ObjectNode> edit) throws IOException {
        Path file = dir.resolve(Manifest.FILE_NAME);
        ObjectNode tree = (ObjectNode) StagingJson.MAPPER.readTree(file.toFile());
        edit.accept(tree);
        Files.writeString(file, StagingJson.MAPPER.writeValueAsString(tree));
    }

    static ObjectNode firstTableEntry(ObjectNode manifest) {
        return (ObjectNode) manifest.get("tables").get(0);
    }
}
