package dev.migrate.core.staging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.TableSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Opens a staging directory for an importer. {@link #open} verifies the whole directory first —
 * format version, every file present, its size, its SHA-256 and its row count — and refuses it
 * with one line naming the first file that does not match, before any target is touched.
 */
public final class StagingReader {

    private final Path dir;
    private final Manifest manifest;

    private StagingReader(Path dir, Manifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** Reads the manifest and verifies every table file. */
    public static StagingReader open(Path dir) {
        StagingReader reader = new StagingReader(dir, readManifest(dir));
        reader.verify();
        return reader;
    }

    /** Reads and checks the manifest alone (format version, consistency), without reading table files. */
    public static Manifest readManifest(Path dir) {
        if (!Files.exists(dir)) {
            throw MigrateException.input(Location.file(dir.toString()), "staging directory does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw MigrateException.input(Location.file(dir.toString()), "staging path is not a directory");
        }
        Path file = dir.resolve(Manifest.FILE_NAME);
        if (!Files.exists(file)) {
            throw MigrateException.input(
                    Location.file(file.toString()), "no manifest: the export is missing or did not finish");
        }
        Location where = Location.file(file.toString());
        Manifest m;
        try (InputStream in = Files.newInputStream(file)) {
            var tree = StagingJson.MAPPER.readTree(in);
            if (tree == null || !tree.isObject()) {
                throw MigrateException.input(where, "manifest is empty or not a JSON object");
            }
            var version = tree.get("formatVersion");
            if (version == null || !version.isInt()) {
                throw MigrateException.input(where, "manifest has no integer formatVersion");
            }
            if (version.intValue() != Manifest.FORMAT_VERSION) {
                throw MigrateException.input(
                        where,
                        "unsupported staging format version " + version.intValue() + " (this build reads version "
                                + Manifest.FORMAT_VERSION + ")");
            }
            m = StagingJson.MAPPER.treeToValue(tree, Manifest.class);
        } catch (DatabindException e) {
            throw MigrateException.input(
                    where, "manifest does not match the staging format: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw MigrateException.input(where, "manifest is not valid JSON" + JsonProblem.describe(e));
        } catch (IOException e) {
            throw MigrateException.runtime(where, "cannot read manifest: " + StagingWriter.describe(e), e);
        }
        checkConsistency(m, where);
        return m;
    }

    /** What the writer produces (see {@link StagingWriter#fileNameFor}); anything else could escape the directory. */
    private static final Pattern SAFE_FILE = Pattern.compile("[A-Za-z0-9_-]{1,120}\\.json");

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private static void checkConsistency(Manifest m, Location where) {
        if (m.schema() == null || m.tables() == null) {
            throw MigrateException.input(where, "manifest lacks schema or tables");
        }
        Set<String> files = new HashSet<>();
        Set<String> tables = new HashSet<>();
        for (TableEntry e : m.tables()) {
            if (e.table() == null) {
                throw MigrateException.input(where, "a table entry has no table name");
            }
            if (e.file() == null
                    || !SAFE_FILE.matcher(e.file()).matches()
                    || e.file().equals(Manifest.FILE_NAME)) {
                throw MigrateException.input(
                        where,
                        "table \"" + e.table() + "\" has an unsafe file name " + e.file()
                                + " (expected letters, digits, _ or - and .json, no path)");
            }
            if (!files.add(e.file())) {
                throw MigrateException.input(where, "file " + e.file() + " is listed twice");
            }
            if (!tables.add(e.table())) {
                throw MigrateException.input(where, "table \"" + e.table() + "\" is listed twice");
            }
            if (e.rows() < 0 || e.bytes() < 0) {
                throw MigrateException.input(where, "table \"" + e.table() + "\" has a negative row count or size");
            }
            if (e.sha256() == null || !SHA256_HEX.matcher(e.sha256()).matches()) {
                throw MigrateException.input(where, "table \"" + e.table() + "\" has no valid sha256");
            }
            if (m.schema().table(e.table()).isEmpty()) {
                throw MigrateException.input(where, "table \"" + e.table() + "\" has a file but no schema");
            }
        }
        for (TableSchema t : m.schema().tables()) {
            if (m.entry(t.name()).isEmpty()) {
                throw MigrateException.input(where, "table \"" + t.name() + "\" has no file entry");
            }
            Set<String> columns = new HashSet<>();
            for (ColumnSchema c : t.columns()) {
                if (c.name() == null || c.type() == null) {
                    throw MigrateException.input(where, "table \"" + t.name() + "\" has a column without name or type");
                }
                if (!columns.add(c.name())) {
                    throw MigrateException.input(
                            where, "table \"" + t.name() + "\" has column \"" + c.name() + "\" twice");
                }
            }
        }
    }

    private void verify() {
        for (TableEntry e : manifest.tables()) {
            verifyFile(e);
        }
    }

    /**
     * Checks one table file in this order, reporting the first mismatch: present, size, SHA-256
     * (so any change to the bytes is named as such), then JSON structure and row count (which can
     * only differ when the manifest itself was edited). One streaming pass hashes the file and
     * counts its rows from the writer's line layout ({@link RowLineCounter}); only a file in
     * another layout, or whose count differs, is parsed as JSON for the exact problem. Nothing is
     * held in memory.
     */
    private void verifyFile(TableEntry e) {
        Path file = dir.resolve(e.file());
        Location where = new Location(file.toString(), e.table(), null, null);
        if (!Files.isRegularFile(file)) {
            throw MigrateException.input(where, "table file is missing");
        }
        try {
            long size = Files.size(file);
            if (size != e.bytes()) {
                throw MigrateException.input(
                        where, "size is " + size + " bytes, manifest says " + e.bytes() + " (truncated or modified)");
            }
            // One pass over the bytes: the SHA-256, and the rows counted from the writer's line layout.
            MessageDigest digest = DigestUtils.getSha256Digest();
            RowLineCounter lines = new RowLineCounter();
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 20];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                    lines.update(buffer, 0, n);
                }
            }
            String sha = Hex.encodeHexString(digest.digest());
            if (!sha.equalsIgnoreCase(e.sha256())) {
                throw MigrateException.input(
                        where, "SHA-256 mismatch: the file was modified or corrupted after export");
            }
            if (lines.canonical() && lines.rows() == e.rows()) {
                return;
            }
            // Not the writer's layout, or another count: parse it for the row count and the exact problem.
            long rows;
            String structureProblem = null;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                    JsonParser p = StagingJson.FACTORY.createParser(in)) {
                rows = countRows(p);
            } catch (JsonProcessingException ex) {
                rows = -1;
                structureProblem = "table file is not valid JSON" + JsonProblem.describe(ex);
            } catch (StructureException ex) {
                rows = -1;
                structureProblem = ex.getMessage();
            }
            if (structureProblem != null) {
                throw MigrateException.input(where, structureProblem);
            }
            if (rows != e.rows()) {
                throw MigrateException.input(where, "holds " + rows + " rows, manifest says " + e.rows());
            }
        } catch (IOException ex) {
            throw MigrateException.runtime(where, "cannot read: " + StagingWriter.describe(ex), ex);
        }
    }

    /** A table file that is JSON but not an array of row objects. */
    private static final class StructureException extends Exception {
        private static final long serialVersionUID = 1L;

        StructureException(String message) {
            super(message, null, false, false);
        }
    }

    private static long countRows(JsonParser p) throws IOException, StructureException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new StructureException("table file does not start with a JSON array");
        }
        long rows = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                throw new StructureException("row " + (rows + 1) + " is not a JSON object");
            }
            p.skipChildren();
            rows++;
        }
        if (p.nextToken() != null) {
            throw new StructureException("text after the end of the JSON array");
        }
        return rows;
    }

    public Manifest manifest() {
        return manifest;
    }

    public Path directory() {
        return dir;
    }

    /** Opens one table's rows, in file order. */
    public TableReader openTable(String table) {
        TableEntry e = manifest.entry(table)
                .orElseThrow(
                        () -> MigrateException.input(Location.table(table), "table is not in the staging directory"));
        TableSchema schema = manifest.schema().table(table).orElseThrow();
        return new TableReader(schema, e, dir.resolve(e.file()));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
