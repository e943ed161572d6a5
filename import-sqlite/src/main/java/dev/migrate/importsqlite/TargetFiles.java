package dev.migrate.importsqlite;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.staging.SecureFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target file and the files around it: checks before anything is written, the owner-only
 * temporary file beside the target, clean-up after a killed run, and the final atomic rename.
 *
 * <p>The temporary file is named {@code .<target name>.migrate-<pid>-<random>.tmp} in the target's
 * directory, so the rename is atomic (same file system) and a later run can tell a stale file
 * (its process is gone) from one a concurrent run is still writing.
 */
final class TargetFiles {

    /** The 16 bytes every SQLite 3 database file starts with. */
    static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Size of a WAL file header: a WAL no longer than this holds no frames. */
    private static final int WAL_HEADER_BYTES = 32;

    /** Byte of the {@code -shm} file on which every connection in WAL mode holds a shared lock (os_unix.c). */
    private static final long SHM_DMS_LOCK_BYTE = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path dir;
    private final String name;
    private final Pattern temporary;

    TargetFiles(Path requested) {
        Path absolute = requested.toAbsolutePath().normalize();
        // Replace the file a symbolic link points to, never the link itself.
        if (Files.isSymbolicLink(absolute)) {
            try {
                absolute = absolute.toRealPath();
            } catch (IOException e) {
                throw MigrateException.input(
                        Location.file(requested.toString()), "target is a broken symbolic link: " + describe(e));
            }
        }
        this.target = absolute;
        this.dir = absolute.getParent();
        this.name = absolute.getFileName().toString();
        this.temporary = Pattern.compile(
                "\\." + Pattern.quote(name) + "\\.migrate-(\\d+)-[0-9a-f]+\\.(tmp|partial)(-journal|-wal|-shm)?");
    }

    Path target() {
        return target;
    }

    boolean exists() {
        return Files.exists(target);
    }

    /** Everything that can be checked without writing: the directory, and what the target is. */
    void check() {
        Location where = Location.file(target.toString());
        if (dir == null || !Files.isDirectory(dir)) {
            throw MigrateException.input(where, "the target's directory does not exist");
        }
        if (Files.isDirectory(target)) {
            throw MigrateException.input(where, "target is a directory, not a SQLite file");
        }
        if (Files.exists(target)) {
            if (!Files.isRegularFile(target)) {
                throw MigrateException.input(where, "target is not a regular file");
            }
            checkIsSqlite(where);
            checkNotInUse(where);
        }
        if (!Files.isWritable(dir)) {
            throw MigrateException.runtime(
                    where, "cannot write in the target's directory " + dir + ": permission denied or read-only", null);
        }
    }

    private void checkIsSqlite(Location where) {
        try (InputStream in = Files.newInputStream(target)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            if (head.length == 0) {
                return; // an empty file is an empty database to SQLite
            }
            if (!Arrays.equals(head, SQLITE_HEADER)) {
                throw MigrateException.input(
                        where, "target exists and is not a SQLite database; refusing to replace it");
            }
        } catch (IOException e) {
            throw MigrateException.runtime(where, "cannot read target: " + describe(e), e);
        }
    }

    /** True when the existing target is in WAL mode (file format bytes 18 and 19 are 2). */
    boolean isWal() {
        try (InputStream in = Files.newInputStream(target)) {
            byte[] head = in.readNBytes(20);
            return head.length == 20 && head[18] == 2 && head[19] == 2;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Refuses a target that another program is using or left mid-write: a rollback journal with
     * content (a write in progress, or a crash to recover from), a WAL with frames not yet in the
     * database, or a WAL-mode connection still open (it holds a shared lock on the {@code -shm}
     * file). Replacing the file then would lose that program's writes, or let SQLite apply the old
     * file's journal to the new file.
     */
    void checkNotInUse(Location where) {
        Path journal = side("-journal");
        Path wal = side("-wal");
        Path shm = side("-shm");
        try {
            if (Files.exists(journal) && Files.size(journal) > 0) {
                throw MigrateException.runtime(
                        where,
                        "target is in use or was not closed cleanly (it has a rollback journal " + journal.getFileName()
                                + "); close the application using it, or open and close the database once, then retry",
                        null);
            }
            if (Files.exists(wal) && Files.size(wal) > WAL_HEADER_BYTES) {
                throw MigrateException.runtime(
                        where,
                        "target is in use or was not closed cleanly (its write-ahead log " + wal.getFileName()
                                + " holds changes); close the application using it, then retry",
                        null);
            }
        } catch (IOException e) {
            throw MigrateException.runtime(where, "cannot inspect target: " + describe(e), e);
        }
        if (Files.exists(shm) && shmIsLocked(shm)) {
            throw MigrateException.runtime(
                    where,
                    "target is open in another program (WAL mode); close the application using it, then retry",
                    null);
        }
    }

    /**
     * Whether another process holds the WAL-index lock. Must run before this process opens the
     * target: closing a channel drops every POSIX lock the process holds on the file.
     */
    private static boolean shmIsLocked(Path shm) {
        try (FileChannel ch = FileChannel.open(shm, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock(SHM_DMS_LOCK_BYTE, 1, false);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false; // cannot tell; the lock taken before the swap still guards against writers
        }
    }

    private Path side(String suffix) {
        return dir.resolve(name + suffix);
    }

    /** Deletes temporary files of earlier runs whose process is gone (killed with -9, power loss). */
    void removeStaleTemporaries(Path backupDir) {
        for (Path d : backupDir == null ? List.of(dir) : List.of(dir, backupDir)) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (var entries = Files.list(d)) {
                for (Path p : (Iterable<Path>) entries::iterator) {
                    Matcher m = temporary.matcher(p.getFileName().toString());
                    if (m.matches() && !isAlive(Long.parseLong(m.group(1)))) {
                        Files.deleteIfExists(p);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // Best effort: a stale file wastes space but never replaces the target.
            }
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).isPresent(); // this process included: another thread may be importing
    }

    /** A new empty owner-only file in {@code where}, named so that {@link #removeStaleTemporaries} knows it. */
    Path newTemporary(Path where, String baseName, String kind) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        String random = HexFormat.of().formatHex(bytes);
        Path p = where.resolve(
                "." + baseName + ".migrate-" + ProcessHandle.current().pid() + "-" + random + "." + kind);
        try {
            SecureFiles.newPrivateFile(p).close();
            return p;
        } catch (IOException e) {
            throw MigrateException.runtime(
                    Location.file(target.toString()),
                    "cannot create a temporary file in " + where + ": " + describe(e),
                    e);
        }
    }

    Path newTemporary() {
        return newTemporary(dir, name, "tmp");
    }

    /**
     * Moves the finished file over the target in one atomic rename, after giving it the target's
     * permissions (0600 when there is no target yet) and forcing it to disk; then forces the
     * directory entry to disk.
     */
    void replaceWith(Path finished) {
        Location where = Location.file(target.toString());
        try {
            if (Files.exists(target)) {
                try {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target);
                    Files.setPosixFilePermissions(finished, perms);
                } catch (UnsupportedOperationException notPosix) {
                    // keep the temporary file's owner-only permissions
                }
            }
            fsync(finished);
            try {
                Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw MigrateException.runtime(
                        where, "the file system cannot replace the target atomically; the target was not changed", e);
            }
            fsyncDirectory(dir);
        } catch (IOException e) {
            throw MigrateException.runtime(where, "cannot replace the target: " + describe(e), e);
        }
    }

    static void fsync(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    static void fsyncDirectory(Path d) {
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not every platform can open a directory; the rename itself is still atomic.
        }
    }

    /** A short reason for an I/O failure, for one-line messages. */
    static String describe(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + m + ")";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory (" + m + ")";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String reason = f.getReason();
            if (reason.contains("No space left")) {
                return "disk full (" + f.getFile() + ")";
            }
            return reason + " (" + f.getFile() + ")";
        }
        if (m.contains("No space left")) {
            return "disk full";
        }
        return m.isEmpty() ? e.getClass().getSimpleName() : m;
    }
}
