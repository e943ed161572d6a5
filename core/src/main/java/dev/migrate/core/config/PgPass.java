package dev.migrate.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A libpq password file ({@code .pgpass}), read the way libpq reads it so the behaviour is known
 * and testable rather than left to the driver:
 *
 * <ul>
 *   <li>the file is {@code PGPASSFILE}, else {@code ~/.pgpass};
 *   <li>each line is {@code hostname:port:database:username:password}; {@code *} in any of the
 *       first four fields matches anything; {@code \:} and {@code \\} escape a colon and a
 *       backslash; lines starting with {@code #} and malformed lines are skipped;
 *   <li>the first matching line wins;
 *   <li>a file readable or writable by group or others is ignored, with a warning, as libpq does
 *       (on file systems without POSIX permissions the check is skipped).
 * </ul>
 */
public final class PgPass {

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;
    private final List<Entry> entries;
    private final String warning;

    private PgPass(Path file, List<Entry> entries, String warning) {
        this.file = file;
        this.entries = entries;
        this.warning = warning;
    }

    /**
     * The password file libpq would use: {@code PGPASSFILE}, else {@code .pgpass} in the home
     * directory ({@code HOME}, else the JVM's {@code user.home}).
     */
    public static Path location(Map<String, String> env) {
        String explicit = env.get("PGPASSFILE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return homeDirectory(env).resolve(".pgpass");
    }

    static Path homeDirectory(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    /** Reads the password file named by the environment; an absent file has no entries. */
    public static PgPass load(Map<String, String> env) {
        return load(location(env));
    }

    /** Reads a password file; an absent or unreadable file has no entries (and a warning when unreadable). */
    public static PgPass load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new PgPass(file, List.of(), null);
        }
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
                Set<PosixFilePermission> loose = EnumSet.copyOf(GROUP_OR_OTHERS);
                loose.retainAll(permissions);
                if (!loose.isEmpty()) {
                    return new PgPass(
                            file,
                            List.of(),
                            "password file " + file + " has group or world access and is ignored;"
                                    + " permissions should be u=rw (0600) or less: chmod 600 " + file);
                }
            }
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                parse(line).ifPresent(entries::add);
            }
            return new PgPass(file, List.copyOf(entries), null);
        } catch (IOException e) {
            return new PgPass(file, List.of(), "password file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** One of the four matching fields: a literal value, or {@code *} (any). */
    private record Field(String value, boolean wildcard) {
        boolean matches(String actual) {
            return wildcard || value.equals(actual);
        }
    }

    /** A parsed line: host, port, database, user and the password. */
    private record Entry(Field host, Field port, Field database, Field user, String password) {}

    /**
     * Splits a line at unescaped colons, resolving {@code \:} and {@code \\} as libpq does. Only a
     * field written as a bare {@code *} is a wildcard ({@code \*} is a literal star). The password
     * ends at the next unescaped colon; the rest of the line is ignored, as in libpq.
     */
    private static Optional<Entry> parse(String line) {
        List<Field> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
                escaped = true;
            } else if (c == ':') {
                boolean wildcard = !escaped && current.toString().equals("*");
                fields.add(new Field(current.toString(), wildcard));
                current.setLength(0);
                escaped = false;
                if (fields.size() == 5) {
                    break;
                }
            } else {
                current.append(c);
            }
        }
        if (fields.size() < 5) {
            fields.add(new Field(current.toString(), false));
        }
        if (fields.size() != 5) {
            return Optional.empty();
        }
        return Optional.of(new Entry(
                fields.get(0),
                fields.get(1),
                fields.get(2),
                fields.get(3),
                fields.get(4).value()));
    }

    /** The file this was read from. */
    public Path file() {
        return file;
    }

    /** Why the file was ignored (bad permissions, unreadable), if it was. */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    /** The password of the first entry matching all four values, if any. */
    public Optional<String> find(String host, int port, String database, String user) {
        String portText = Integer.toString(port);
        for (Entry e : entries) {
            if (e.host().matches(host)
                    && e.port().matches(portText)
                    && e.database().matches(database)
                    && e.user().matches(user)) {
                return Optional.of(e.password());
            }
        }
        return Optional.empty();
    }
}
