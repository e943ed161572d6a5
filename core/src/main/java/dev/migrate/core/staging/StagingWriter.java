package dev.migrate.core.staging;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.TableSchema;
import java.io.IOException;
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

/**
 * Writes a staging directory. Table files are streamed one by one; {@link #commit} writes the
 * manifest last, through a temporary file and an atomic rename, so a directory without a
 * manifest is by definition an incomplete export. {@link #abort} removes what was written.
 */
public final class StagingWriter {

    private final Path dir;
    private final Set<String> usedNames = new HashSet<>();
    private final List<Path> written = new ArrayList<>();

    private StagingWriter(Path dir) {
        this.dir = dir;
    }

    /**
     * Prepares {@code dir} for a new export: creates it owner-only, or, if it holds an earlier
     * export, removes that export's manifest first (so it stops looking complete) and then its
     * files. A non-empty directory that is not a staging directory is refused, so a mistyped
     * path never deletes anything.
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
            return new StagingWriter(dir);
        } catch (IOException e) {
            throw MigrateException.runtime(
                    Location.file(dir.toString()), "cannot create staging directory: " + describe(e), e);
        }
    }

    private static void clearPreviousExport(Path dir) throws IOException {
        Path manifestFile = dir.resolve(Manifest.FILE_NAME);
        List<Path> entries;
        try (var s = Files.list(dir)) {
            entries = s.toList();
        }
        if (entries.isEmpty()) {
            return;
        }
        boolean looksLikeStaging = Files.exists(manifestFile)
                || entries.stream().allMatch(p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(".json") || n.endsWith(".tmp");
                });
        if (!looksLikeStaging) {
            throw MigrateException.input(
                    Location.file(dir.toString()),
                    "directory is not empty and holds no staging export; refusing to write into it");
        }
        Files.deleteIfExists(manifestFile);
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (Files.isRegularFile(p)
                    && (n.endsWith(".json") || n.endsWith(".tmp"))
                    && !n.equals("validation_report.json")) {
                Files.deleteIfExists(p);
            }
        }
    }

    public Path directory() {
        return dir;
    }

    /** Opens the file for one table; the caller writes its rows and closes it. */
    public TableWriter openTable(TableSchema table) {
        String fileName = fileNameFor(table.name());
        Path file = dir.resolve(fileName);
        try {
            TableWriter w = new TableWriter(table, file);
            written.add(file);
            return w;
        } catch (IOException e) {
            throw MigrateException.runtime(
                    new Location(fileName, table.name(), null, null), "cannot create table file: " + describe(e), e);
        }
    }

    /** Writes the manifest atomically; after this the export is complete. */
    public void commit(Manifest manifest) {
        Path tmp = dir.resolve(Manifest.FILE_NAME + ".tmp");
        Path target = dir.resolve(Manifest.FILE_NAME);
        try {
            Files.deleteIfExists(tmp);
            try (OutputStream out = SecureFiles.newPrivateFile(tmp)) {
                StagingJson.MAPPER.writeValue(out, manifest);
            }
            fsync(tmp);
            for (Path p : written) {
                fsync(p);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            abort();
            throw MigrateException.runtime(
                    Location.file(Manifest.FILE_NAME), "cannot write manifest: " + describe(e), e);
        }
    }

    /** Removes every file this writer created (after a failure), so no partial export remains. */
    public void abort() {
        for (Path p : written) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // Best effort: without a manifest the directory is incomplete anyway.
            }
        }
        try {
            Files.deleteIfExists(dir.resolve(Manifest.FILE_NAME + ".tmp"));
        } catch (IOException ignored) {
            // as above
        }
    }

    /** A file name safe on every file system, unique even where names differ only in case. */
    String fileNameFor(String table) {
        String base = table.replaceAll("[^A-Za-z0-9_-]", "_");
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        if (base.isEmpty() || base.equalsIgnoreCase("manifest") || base.equalsIgnoreCase("validation_report")) {
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
