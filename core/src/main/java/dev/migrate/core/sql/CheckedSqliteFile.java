package dev.migrate.core.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SQLite file that {@code PRAGMA integrity_check} found {@code ok}, and what the file looked like
 * right after: its identity on disk, size, modification time and 100-byte database header (whose
 * file change counter every committed write in rollback-journal mode increments, so that a write
 * inside one tick of a coarse file-system clock is still seen). import-sqlite hands one over for
 * the file it has just swapped in, so that validate, run next on the same file in the same
 * command, need not repeat the check (a whole-file scan, ~1 CPU s for 170k rows) as long as the
 * file is provably the one that was checked.
 *
 * @param file the file
 * @param fileKey the file system's identity of the file (device and inode on Linux)
 * @param size its size in bytes
 * @param modified its modification time
 * @param header its first 100 bytes, SQLite's database header, in hex
 * @param checkedBy the step that ran the check, e.g. {@code import-sqlite}
 * @param checkedAt when the file was stamped
 */
public record CheckedSqliteFile(
        Path file, Object fileKey, long size, FileTime modified, String header, String checkedBy, Instant checkedAt) {

    /** The length of SQLite's database header. */
    private static final int HEADER_BYTES = 100;

    public CheckedSqliteFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fileKey, "fileKey");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(checkedBy, "checkedBy");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /**
     * Stamps {@code file} as checked now; null when the file system gives no file identity (a file
     * replaced by another of the same size and time could not be told apart).
     */
    public static CheckedSqliteFile stamp(Path file, String checkedBy) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (a.fileKey() == null) {
                return null;
            }
            return new CheckedSqliteFile(
                    file, a.fileKey(), a.size(), a.lastModifiedTime(), header(file), checkedBy, Instant.now());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether {@code path} is still exactly the file that was checked: the same file (not a
     * replacement), not written to since (a write changes the size, the modification time or the
     * header's change counter), and without a write-ahead log holding changes not yet in it
     * (looked for beside the real file, where SQLite keeps it, when {@code path} is a link).
     */
    public boolean stillDescribes(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            Path real = path.toRealPath();
            Path wal = real.resolveSibling(real.getFileName() + "-wal");
            boolean pendingWal = Files.exists(wal) && Files.size(wal) > 0;
            return fileKey.equals(a.fileKey())
                    && size == a.size()
                    && modified.equals(a.lastModifiedTime())
                    && header.equals(header(real))
                    && !pendingWal;
        } catch (IOException e) {
            return false;
        }
    }

    /** The file's first {@value #HEADER_BYTES} bytes (fewer for a shorter file), in hex. */
    private static String header(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(in.readNBytes(HEADER_BYTES));
        }
    }
}
