package dev.migrate.core.staging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.TableSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a staging directory. Table files are streamed one by one; {@link #commit} writes the
 * manifest last, through a temporary file and an atomic rename, so a directory without a
 * manifest is by definition an incomplete export. {@link #abort} removes what was written.
 *
 * <p>The directory is created owner-only (0700) and every file in it owner-only (0600) from its
 * first byte. A marker file ({@value #MARKER}) is created first, so that even a half-written
 * export is recognisable as one and can be replaced without touching anything else.
 */
public final class StagingWriter {

    /** Marks a directory as made by this tool, before any table file exists. */
    public static final String MARKER = ".migrate-staging";

    /** The files this tool writes: table files ({@link #fileNameFor}), the manifest and its temporary file. */
    private static final Pattern OWN_FILE = Pattern.compile("[A-Za-z0-9_-]+\\.json|manifest\\.json\\.tmp");

    /** Not deleted when an export is replaced: written by the validate step, not by an export. */
    private static final String VALIDATION_REPORT = "validation_report.json";

    /** Names Windows reserves whatever the extension; avoided so a staging directory can be copied anywhere. */
    private static final Set<String> RESERVED = Set.of(
            "con",
            "prn",
            "aux",
            "nul",
            "com1",
            "com2",
            "com3",
            "com4",
            "com5",
            "com6",
            "com7",
            "com8",
            "com9",
            "lpt1",
            "lpt2",
            "lpt3",
            "lpt4",
            "lpt5",
            "lpt6",
            "lpt7",
            "lpt8",
            "lpt9",
            "manifest",
            "validation_report");

    private static final int MAX_BASE_LENGTH = 100;

    private final Path dir;
    private final Set<String> usedNames = new HashSet<>();
    private final List<Path> written = new ArrayList<>();
    private final List<TableWriter> open = new ArrayList<>();
    private boolean finished;

    private StagingWriter(Path dir) {
        this.dir = dir;
    }

    /**
     * Prepares {@code dir} for a new export: creates it owner-only, or, if it holds an earlier
     * export, removes that export's manifest first (so it stops looking complete) and then its
     * table files. A non-empty directory that is not a staging directory is refused, so a
     * mistyped path never deletes anything.
     */
    public static StagingWriter create(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw MigrateException.input(
                        Location.file(dir.toString()), "staging path exists and is not a directory");
            }
            if (Files.isDirectory(dir)) {
                clearPreviousExport(dir);
            }
            SecureFiles.createPrivateDirectories(dir);
            Path marker = dir.resolve(MARKER);
            if (!Files.exists(marker)) {
                SecureFiles.newPrivateFile(marker).close();
            }
            return new StagingWriter(dir);
        } catch (IOException e) {
            throw MigrateException.runtime(
                    Location.file(dir.toString()), "cannot create staging directory: " + describe(e), e);
        }
    }

    private static void clearPreviousExport(Path dir) throws IOException {
        List<Path> entries;
        try (var s = Files.list(dir)) {
            entries = s.toList();
        }
        if (entries.isEmpty()) {
            return;
        }
        if (!isStagingDirectory(dir)) {
            throw MigrateException.input(
                    Location.file(dir.toString()),
                    "directory is not empty and holds no staging export; refusing to write into it");
        }
        // The manifest goes first: from here on the old export no longer looks complete.
        Files.deleteIfExists(dir.resolve(Manifest.FILE_NAME));
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (Files.isRegularFile(p) && OWN_FILE.matcher(n).matches() && !n.equals(VALIDATION_REPORT)) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * A directory this tool wrote: it has the marker, or a {@code manifest.json} that is a
     * staging manifest (a JSON object with an integer {@code formatVersion} and a {@code tables}
     * list). A web app's {@code manifest.json} is not enough.
     */
    static boolean isStagingDirectory(Path dir) {
        if (Files.isRegularFile(dir.resolve(MARKER))) {
            return true;
        }
        Path manifest = dir.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(manifest)) {
            JsonNode tree = StagingJson.MAPPER.readTree(in);
            return tree != null
                    && tree.isObject()
                    && tree.path("formatVersion").isInt()
                    && tree.path("tables").isArray();
        } catch (IOException e) {
            return false;
        }
    }

    public Path directory() {
        return dir;
    }

    /** Opens the file for one table; the caller writes its rows and closes it before {@link #commit}. */
    public TableWriter openTable(TableSchema table) {
        checkNotFinished();
        String fileName = fileNameFor(table.name());
        Path file = dir.resolve(fileName);
        try {
            written.add(file);
            TableWriter w = new TableWriter(table, file);
            open.add(w);
            return w;
        } catch (IOException e) {
            throw MigrateException.runtime(
                    new Location(fileName, table.name(), null, null), "cannot create table file: " + describe(e), e);
        }
    }

    /**
     * Abandons one table file that is not closed yet: stops its writer, deletes the file and frees
     * its file name, so that a later {@link #openTable} for the same table gets the very same file
     * name as if this one had never been opened. export-sqlite uses it when a table written in one
     * speculative pass has to be written again under other staging types.
     *
     * @throws IllegalStateException when {@code table} is not an open table file of this writer
     */
    public void discardTable(TableWriter table) {
        checkNotFinished();
        if (table.isClosed() || !open.remove(table)) {
            throw new IllegalStateException("table file " + table.file().getFileName() + " is not open here");
        }
        table.discard();
        String fileName = table.file().getFileName().toString();
        try {
            Files.deleteIfExists(table.file());
        } catch (IOException e) {
            // Still listed in written: abort() tries again.
            throw MigrateException.runtime(
                    new Location(fileName, null, null, null), "cannot remove table file: " + describe(e), e);
        }
        written.remove(table.file());
        usedNames.remove(
                fileName.substring(0, fileName.length() - ".json".length()).toLowerCase(Locale.ROOT));
    }

    /**
     * Writes the manifest atomically; after this the export is complete. Every table file must
     * have been closed, and the manifest must list exactly the files written.
     *
     * @throws IllegalStateException when a table file is still open or the manifest does not list
     *     the files written (programming errors)
     */
    public void commit(Manifest manifest) {
        checkNotFinished();
        for (TableWriter w : open) {
            if (!w.isClosed()) {
                throw new IllegalStateException("table file " + w.file().getFileName() + " is not closed");
            }
        }
        if (manifest.formatVersion() != Manifest.FORMAT_VERSION) {
            throw new IllegalStateException("manifest formatVersion must be " + Manifest.FORMAT_VERSION);
        }
        Set<String> listed = new HashSet<>();
        for (TableEntry e : manifest.tables()) {
            listed.add(e.file());
        }
        Set<String> files = new HashSet<>();
        for (Path p : written) {
            files.add(p.getFileName().toString());
        }
        if (!listed.equals(files)) {
            throw new IllegalStateException("manifest lists " + listed + " but the files written are " + files);
        }
        for (TableWriter w : open) {
            TableEntry actual = w.entry();
            if (!manifest.tables().contains(actual)) {
                throw new IllegalStateException(
                        "manifest entry for " + actual.file() + " differs from the file written: " + actual);
            }
        }
        Path tmp = dir.resolve(Manifest.FILE_NAME + ".tmp");
        Path target = dir.resolve(Manifest.FILE_NAME);
        try {
            Files.deleteIfExists(tmp);
            try (OutputStream out = SecureFiles.newPrivateFile(tmp)) {
                StagingJson.MAPPER.writeValue(out, manifest);
            }
            // Table files and the manifest reach the disk before the rename makes the export complete.
            for (Path p : written) {
                fsync(p);
            }
            fsync(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            fsyncDirectory(dir);
            finished = true;
        } catch (IOException e) {
            abort();
            throw MigrateException.runtime(
                    Location.file(dir.resolve(Manifest.FILE_NAME).toString()),
                    "cannot write manifest: " + describe(e),
                    e);
        }
    }

    /**
     * Closes and removes every file this writer created (after a failure), so no partial export
     * remains; the marker goes too when nothing else is left (the directory itself stays). Safe
     * to call more than once; does nothing after a successful {@link #commit}.
     */
    public void abort() {
        if (finished) {
            return;
        }
        for (TableWriter w : open) {
            if (!w.isClosed()) {
                w.discard();
            }
        }
        for (Path p : written) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // Best effort: without a manifest the directory is incomplete anyway.
            }
        }
        try {
            Files.deleteIfExists(dir.resolve(Manifest.FILE_NAME + ".tmp"));
            // Nothing left to recognise: an empty directory is accepted by the next export as it is,
            // and a caller that created the directory can remove it.
            try (var s = Files.list(dir)) {
                if (s.allMatch(p -> p.getFileName().toString().equals(MARKER))) {
                    Files.deleteIfExists(dir.resolve(MARKER));
                }
            }
        } catch (IOException ignored) {
            // as above
        }
    }

    private void checkNotFinished() {
        if (finished) {
            throw new IllegalStateException("staging export already committed");
        }
    }

    /**
     * A file name safe on every file system and in a shell, unique even where table names differ
     * only in case: ASCII letters, digits, {@code _} and {@code -} (every other character becomes
     * {@code _}), at most 100 characters before a {@code _2}, {@code _3}... suffix for collisions,
     * never starting with {@code -} or {@code .}, never a name Windows reserves, never {@code
     * manifest} or {@code validation_report}.
     */
    String fileNameFor(String table) {
        StringBuilder b = new StringBuilder(Math.min(table.length(), MAX_BASE_LENGTH));
        for (int i = 0; i < table.length() && b.length() < MAX_BASE_LENGTH; i++) {
            char c = table.charAt(i);
            boolean safe =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            b.append(safe ? c : '_');
        }
        String base = b.toString();
        if (base.isEmpty() || base.startsWith("-") || RESERVED.contains(base.toLowerCase(Locale.ROOT))) {
            base = "table_" + base;
        }
        String name = base;
        for (int n = 2; !usedNames.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "_" + n;
        }
        return name + ".json";
    }

    private static void fsync(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Makes the rename durable; not every platform can open a directory, which is then skipped. */
    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a directory as a channel; the rename itself is still atomic.
        }
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied" + (m == null ? "" : " (" + m + ")");
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory" + (m == null ? "" : " (" + m + ")");
        }
        if (m != null && m.contains("No space left")) {
            return "disk full (" + m + ")";
        }
        return m == null ? kind : m;
    }
}
