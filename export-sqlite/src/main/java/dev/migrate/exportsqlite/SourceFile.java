package dev.migrate.exportsqlite;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks that a path is a SQLite database before any driver touches it. SQLite itself would
 * happily treat an empty or missing file as a new empty database (and create it); an export must
 * refuse both, and say in one line what the file is instead.
 */
final class SourceFile {

    /** The 16 bytes every SQLite 3 database file starts with. */
    static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SourceFile() {}

    /** Throws a one-line {@link MigrateException} unless {@code file} is a readable SQLite database. */
    static void check(Path file) {
        Location where = Location.file(file.toString());
        if (Files.isDirectory(file)) {
            throw MigrateException.input(where, "is a directory, not a SQLite database file");
        }
        if (!Files.exists(file)) {
            throw MigrateException.input(where, "no such file");
        }
        byte[] head = new byte[HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (AccessDeniedException e) {
            throw MigrateException.input(where, "cannot read the file: permission denied");
        } catch (IOException e) {
            throw MigrateException.runtime(where, "cannot read the file: " + e.getMessage(), e);
        }
        if (read == 0) {
            throw MigrateException.input(where, "the file is empty (0 bytes), not a SQLite database");
        }
        if (read < HEADER.length || !Arrays.equals(head, HEADER)) {
            throw MigrateException.input(
                    where,
                    "not a SQLite database: it does not start with the header \"SQLite format 3\""
                            + startsWith(head, read));
        }
    }

    /** " (it starts with "-- PostgreSQL")" when the first bytes are printable, else "". */
    private static String startsWith(byte[] head, int read) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < read; i++) {
            int c = head[i] & 0xff;
            if (c < 0x20 || c > 0x7e) {
                break;
            }
            b.append((char) c);
        }
        String printable = b.toString().strip();
        return printable.length() < 3 ? "" : " (it starts with \"" + printable + "\")";
    }
}
