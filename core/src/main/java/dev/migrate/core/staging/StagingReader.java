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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Opens a staging directory for an importer. {@link #open} verifies the whole directory first —
 * format version, every file present, its size, its SHA-256 and its row count — and refuses it
 * with one line naming the first file that does not match, before any target is touched. {@link
 * #openForStreaming} checks the cheap part up front and lets each {@link TableReader} verify its
 * file while reading it, for importers that change their target only at the end.
 */
public final class StagingReader {

    private final Path dir;
    private final Manifest manifest;
    /** True for {@link #openForStreaming}: table files are verified as they are read. */
    private final boolean streaming;
    /** The tables whose file was verified in full, up front or by a reader that read it to the end. */
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    private StagingReader(Path dir, Manifest manifest, boolean streaming) {
        this.dir = dir;
        this.manifest = manifest;
        this.streaming = streaming;
    }

    /** Reads the manifest and verifies every table file. */
    public static StagingReader open(Path dir) {
        StagingReader reader = new StagingReader(dir, readManifest(dir), false);
        reader.verify();
        return reader;
    }

    /**
     * For an importer that reads every table file once, verifying it as it loads it: checks up
     * front only what is cheap — the manifest (format version, consistency), every table file
     * present and of the manifest's size — and leaves each file's SHA-256 and row count to its
     * {@link TableReader}, which checks them when it reaches the end of the file (see {@link
     * TableReader#next}). Reading the files twice (verify, then load) cost 0.5-0.8 s of every
     * import's critical path.
     *
     * <p>The caller therefore owes what {@link #open} guaranteed before a row was read: it must
     * change its target only after every reader reached its end (a transaction committed, a file
     * swapped in, afterwards), call {@link #verifyRemaining} for files it did not read to the end,
     * and, when anything of its own fails (a target check, the connection, a value the target
     * refuses), call {@link #verifyRemainingAfterFailure} before reporting it, so that a staging
     * problem is reported first, as {@link #open} would have.
     */
    public static StagingReader openForStreaming(Path dir) {
        StagingReader reader = new StagingReader(dir, readManifest(dir), true);
        for (TableEntry e : reader.manifest.tables()) {
            Path file = dir.resolve(e.file());
            checkPresentAndSize(file, e, where(file, e));
        }
        return reader;
    }

    /**
     * Verifies in full (SHA-256, structure, row count, as {@link #open} does) every table file no
     * reader of this directory has read to its end and verified: the tables an importer skipped
     * or stopped reading early. Nothing to do for a directory opened with {@link #open}.
     */
    public void verifyRemaining() {
        if (!streaming) {
            return;
        }
        for (TableEntry e : manifest.tables()) {
            if (!verified.contains(e.table())) {
                Path file = dir.resolve(e.file());
                verifyFile(file, e, where(file, e));
                verified.add(e.table());
            }
        }
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
            Path file = dir.resolve(e.file());
            verifyFile(file, e, where(file, e));
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
    static void verifyFile(Path file, TableEntry e, Location where) {
        checkPresentAndSize(file, e, where);
        try {
            // One pass over the bytes: the SHA-256, and the rows counted from the writer's line layout.
            MessageDigest digest = DigestUtils.getSha256Digest();
            RowLineCounter lines = scan(file, digest);
            String sha = Hex.encodeHexString(digest.digest());
            if (!sha.equalsIgnoreCase(e.sha256())) {
                throw MigrateException.input(where, StreamingVerification.SHA_MISMATCH);
            }
            checkRows(lines, file, e, where);
        } catch (IOException ex) {
            throw MigrateException.runtime(where, "cannot read: " + StagingWriter.describe(ex), ex);
        }
    }

    /**
     * Runs an import over {@code dir} opened with {@link #openForStreaming}, the way every importer
     * must: when the import fails for any reason, the files not verified yet are checked first
     * ({@link #verifyRemainingAfterFailure}), so that a damaged staging file is what is reported,
     * not the target's refusal it caused. The importer itself still calls {@link
     * #verifyRemaining} before it commits or swaps anything in.
     *
     * @param importer loads the target from the staging reader and returns its result
     */
    public static <T> T importVerifying(Path dir, Function<StagingReader, T> importer) {
        StagingReader staging = openForStreaming(dir);
        try {
            return importer.apply(staging);
        } catch (RuntimeException e) {
            staging.verifyRemainingAfterFailure(e);
            throw e;
        }
    }

    /**
     * For an importer whose own work failed, before or during the loads, before it reports the
     * failure: verifies every file not verified yet, as {@link #verify} would have before the
     * import began, and throws the first file's problem (SHA-256 mismatch, structure, row count)
     * in place of the importer's: a tampered file is named as such even when the tampering is
     * what made the target refuse a value. Returns normally when those files are intact, or
     * cannot be read now (then the importer's error stands). Reads those files once more, but
     * only on the way to an error.
     *
     * @param failure the importer's error, kept as a suppressed exception of the one thrown
     */
    public void verifyRemainingAfterFailure(Throwable failure) {
        try {
            verifyRemaining();
        } catch (MigrateException m) {
            if (m.kind() == MigrateException.Kind.INPUT) {
                if (failure != null && failure != m) {
                    m.addSuppressed(failure);
                }
                throw m;
            }
            // Cannot read a file now (e.g. interrupted): the importer's own error stands.
        }
    }

    /** The cheap part of {@link #verifyFile}: the file is there and has the manifest's size. */
    private static void checkPresentAndSize(Path file, TableEntry e, Location where) {
        if (!Files.isRegularFile(file)) {
            throw MigrateException.input(where, "table file is missing");
        }
        try {
            long size = Files.size(file);
            if (size != e.bytes()) {
                throw MigrateException.input(
                        where, "size is " + size + " bytes, manifest says " + e.bytes() + " (truncated or modified)");
            }
        } catch (IOException ex) {
            throw MigrateException.runtime(where, "cannot read: " + StagingWriter.describe(ex), ex);
        }
    }

    /**
     * The part of {@link #verifyFile} after the SHA-256 matched: JSON structure and row count,
     * for a file whose bytes are known to be the exported ones.
     */
    static void checkContent(Path file, TableEntry e, Location where) {
        try {
            checkRows(scan(file, null), file, e, where);
        } catch (IOException ex) {
            throw MigrateException.runtime(where, "cannot read: " + StagingWriter.describe(ex), ex);
        }
    }

    /** One read of the whole file: its rows counted from the writer's line layout, hashed into {@code digest} unless null. */
    private static RowLineCounter scan(Path file, MessageDigest digest) throws IOException {
        RowLineCounter lines = new RowLineCounter();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (digest != null) {
                    digest.update(buffer, 0, n);
                }
                lines.update(buffer, 0, n);
            }
        }
        return lines;
    }

    /** The row count the line layout gave, or, for another layout or count, the file parsed for the exact problem. */
    private static void checkRows(RowLineCounter lines, Path file, TableEntry e, Location where) throws IOException {
        if (!(lines.canonical() && lines.rows() == e.rows())) {
            checkParsed(file, e, where);
        }
    }

    /** Where a table file's problems are reported: the file and its table. */
    private static Location where(Path file, TableEntry e) {
        return new Location(file.toString(), e.table(), null, null);
    }

    /** Not the writer's layout, or another count: parse it for the row count and the exact problem. */
    private static void checkParsed(Path file, TableEntry e, Location where) throws IOException {
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
        Path file = dir.resolve(e.file());
        StreamingVerification check =
                streaming ? new StreamingVerification(file, e, where(file, e), () -> verified.add(e.table())) : null;
        return new TableReader(schema, e, file, check);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
