package dev.migrate.core.staging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.TableSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
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
                throw MigrateException.input(where, "manifest has no formatVersion");
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
            throw MigrateException.input(where, "manifest is not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw MigrateException.runtime(where, "cannot read manifest: " + StagingWriter.describe(e), e);
        }
        checkConsistency(m, where);
        return m;
    }

    private static void checkConsistency(Manifest m, Location where) {
        if (m.schema() == null || m.tables() == null) {
            throw MigrateException.input(where, "manifest lacks schema or tables");
        }
        Set<String> files = new HashSet<>();
        for (TableEntry e : m.tables()) {
            if (e.file() == null
                    || e.file().contains("/")
                    || e.file().contains("\\")
                    || e.file().startsWith(".")) {
                throw MigrateException.input(where, "table \"" + e.table() + "\" has an unsafe file name: " + e.file());
            }
            if (!files.add(e.file())) {
                throw MigrateException.input(where, "file " + e.file() + " is listed twice");
            }
            if (m.schema().table(e.table()).isEmpty()) {
                throw MigrateException.input(where, "table \"" + e.table() + "\" has a file but no schema");
            }
        }
        for (TableSchema t : m.schema().tables()) {
            if (m.entry(t.name()).isEmpty()) {
                throw MigrateException.input(where, "table \"" + t.name() + "\" has no file entry");
            }
        }
    }

    private void verify() {
        for (TableEntry e : manifest.tables()) {
            verifyFile(e);
        }
    }

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
            MessageDigest digest = DigestUtils.getSha256Digest();
            long rows;
            try (InputStream in = new DigestInputStream(
                            new BufferedInputStream(Files.newInputStream(file), 1 << 16), digest);
                    JsonParser p = StagingJson.FACTORY.createParser(in)) {
                rows = countRows(p, where);
                // Drain so the digest covers the whole file even past the JSON's end.
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (JsonProcessingException ex) {
                rows = -1;
            }
            String sha = Hex.encodeHexString(digest.digest());
            if (!sha.equalsIgnoreCase(e.sha256())) {
                throw MigrateException.input(
                        where, "SHA-256 mismatch: the file was modified or corrupted after export");
            }
            if (rows < 0) {
                throw MigrateException.input(where, "table file is not valid JSON");
            }
            if (rows != e.rows()) {
                throw MigrateException.input(where, "holds " + rows + " rows, manifest says " + e.rows());
            }
        } catch (IOException ex) {
            throw MigrateException.runtime(where, "cannot read: " + StagingWriter.describe(ex), ex);
        }
    }

    private static long countRows(JsonParser p, Location where) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw MigrateException.input(where, "table file does not start with a JSON array");
        }
        long rows = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                throw MigrateException.input(where.withRow(rows + 1), "row is not a JSON object");
            }
            p.skipChildren();
            rows++;
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
