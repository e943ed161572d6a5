package dev.migrate.core.staging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only files and directories. Staged files hold personal data and password hashes, so
 * staging and backup directories are created 0700 and their files 0600 from the first byte
 * (never created open and narrowed afterwards).
 */
public final class SecureFiles {

    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private SecureFiles() {}

    /** Creates the directory and any missing parents that this call creates, owner-only; an existing directory is narrowed to 0700. */
    public static Path createPrivateDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createPrivateDirectories(parent);
        }
        if (Files.isDirectory(absolute)) {
            if (posix(absolute)) {
                Files.setPosixFilePermissions(absolute, DIR);
            }
            return dir;
        }
        try {
            if (posix(parent)) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIR));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
        }
        return dir;
    }

    /** Creates a new file, owner-only, failing if it exists. */
    public static OutputStream newPrivateFile(Path file) throws IOException {
        if (posix(file.toAbsolutePath().getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
        }
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Narrows an existing file to owner-only (for files made by other libraries, such as SQLite). */
    public static void makePrivate(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, Files.isDirectory(file) ? DIR : FILE);
        }
    }

    private static boolean posix(Path p) {
        return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
