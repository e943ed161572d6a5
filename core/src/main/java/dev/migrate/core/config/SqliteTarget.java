package dev.migrate.core.config;

import dev.migrate.core.MigrateException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A SQLite database file, from any of the spellings users paste:
 *
 * <ul>
 *   <li>a plain path: {@code app.db}, {@code /var/lib/app/app.db}, {@code ~/app.db};
 *   <li>{@code sqlite:PATH};
 *   <li>{@code sqlite:///PATH}, as SQLAlchemy and dj-database-url write it: the path follows the
 *       third slash, so {@code sqlite:///app.db} is relative and {@code sqlite:////tmp/app.db} is
 *       absolute;
 *   <li>{@code jdbc:sqlite:PATH}.
 * </ul>
 *
 * In-memory databases ({@code :memory:}, {@code file::memory:}) and URI parameters are refused: a
 * migration needs a file.
 *
 * @param path the database file (not necessarily existing yet: an import target)
 */
public record SqliteTarget(Path path) {

    public SqliteTarget {
        Objects.requireNonNull(path, "path");
    }

    /** Parses a location with the real home directory for {@code ~}. */
    public static SqliteTarget parse(String location) {
        return parse(location, System.getenv());
    }

    /**
     * Parses a location.
     *
     * @param env supplies {@code HOME} for a leading {@code ~/}
     * @throws MigrateException (INPUT) for an empty, in-memory or malformed location
     */
    public static SqliteTarget parse(String location, Map<String, String> env) {
        if (location == null || location.isBlank()) {
            throw MigrateException.input("no SQLite database file given");
        }
        String text = location.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        String path;
        if (lower.startsWith("jdbc:sqlite:")) {
            path = text.substring("jdbc:sqlite:".length());
        } else if (lower.startsWith("sqlite:///")) {
            path = text.substring("sqlite:///".length());
        } else if (lower.startsWith("sqlite://")) {
            throw MigrateException.input("\"" + text + "\" is not a SQLite location: write sqlite:///relative.db,"
                    + " sqlite:////absolute/path.db or sqlite:PATH");
        } else if (lower.startsWith("sqlite:")) {
            path = text.substring("sqlite:".length());
        } else {
            path = text;
        }
        if (path.isEmpty()) {
            throw MigrateException.input("no SQLite database file given in \"" + text + "\"");
        }
        if (path.equals(":memory:") || path.toLowerCase(Locale.ROOT).startsWith("file:") || path.contains("?")) {
            throw MigrateException.input("\"" + text + "\" is not a database file: give a plain file path"
                    + " (in-memory databases and URI parameters are not supported)");
        }
        if (path.equals("~") || path.startsWith("~/")) {
            path = PgPass.homeDirectory(env) + path.substring(1);
        }
        try {
            return new SqliteTarget(Path.of(path));
        } catch (InvalidPathException e) {
            throw MigrateException.input("\"" + text + "\" is not a valid file path: " + e.getReason());
        }
    }

    /** {@code jdbc:sqlite:/absolute/path}. */
    public String jdbcUrl() {
        return "jdbc:sqlite:" + path.toAbsolutePath();
    }

    /** The path as given, for messages. */
    public String describe() {
        return path.toString();
    }
}
