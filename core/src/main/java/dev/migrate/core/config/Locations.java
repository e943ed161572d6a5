package dev.migrate.core.config;

import dev.migrate.core.MigrateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Tells a PostgreSQL location from a SQLite one, so the CLI picks the direction in one place and
 * a database file is never mistaken for anything else (pgloader once parsed a SQLite file given
 * in the wrong position as a command file).
 */
public final class Locations {

    /** The 16 bytes every SQLite 3 database file starts with. */
    static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Which database a location names. */
    public enum Kind {
        POSTGRES,
        SQLITE
    }

    private Locations() {}

    /** {@link #detect(String, Map)} with the real environment. */
    public static Kind detect(String location) {
        return detect(location, System.getenv());
    }

    /**
     * Which database the location names:
     *
     * <ul>
     *   <li>{@code postgresql://}, {@code postgres://}, {@code postgresql+driver://}, {@code
     *       jdbc:postgresql:} → PostgreSQL;
     *   <li>{@code sqlite:}, {@code jdbc:sqlite:} → SQLite;
     *   <li>an existing file → SQLite when it starts with the header {@code "SQLite format 3\0"}
     *       or is empty (SQLite treats an empty file as an empty database); any other file is
     *       refused;
     *   <li>a path that does not exist yet → SQLite (an import target), unless it looks like a
     *       PostgreSQL location that lost its scheme ({@code host:5432/db}).
     * </ul>
     *
     * @throws MigrateException (INPUT) for a directory, a file that is not a SQLite database, or
     *     a location that names neither
     */
    public static Kind detect(String location, Map<String, String> env) {
        if (location == null || location.isBlank()) {
            throw MigrateException.input("no database location given");
        }
        String text = location.strip();
        if (PostgresUrl.isPostgresUrl(text)) {
            return Kind.POSTGRES;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sqlite:") || lower.startsWith("jdbc:sqlite:")) {
            return Kind.SQLITE;
        }
        if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
            throw MigrateException.input("unsupported location \"" + Redactor.redact(text)
                    + "\": expected a postgresql:// URL or a SQLite file");
        }
        Path path = SqliteTarget.parse(text, env).path();
        if (Files.isDirectory(path)) {
            throw MigrateException.input("\"" + text + "\" is a directory, not a SQLite database file");
        }
        if (Files.exists(path)) {
            requireSqliteFile(path);
            return Kind.SQLITE;
        }
        if (text.matches("[^/\\\\]+:\\d+(/.*)?")) {
            throw MigrateException.input("\"" + Redactor.redact(text)
                    + "\" looks like a PostgreSQL server without its scheme: write postgresql://"
                    + Redactor.redact(text));
        }
        return Kind.SQLITE;
    }

    /** True when the file starts with the SQLite 3 header or is empty. */
    public static boolean isSqliteFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            return head.length == 0 || Arrays.equals(head, SQLITE_HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Refuses a file that is not a SQLite database.
     *
     * @throws MigrateException (INPUT) naming the file
     */
    public static void requireSqliteFile(Path file) {
        if (!Files.isReadable(file)) {
            throw MigrateException.input("\"" + file + "\" cannot be read (permission denied?)");
        }
        if (!isSqliteFile(file)) {
            throw MigrateException.input("\"" + file + "\" is not a SQLite database (it does not start with the"
                    + " \"SQLite format 3\" header)");
        }
    }
}
