package dev.migrate.core;

/**
 * The one exception type steps throw for anything a user should read: bad input, an unreachable
 * database, a value that does not fit. Its message is one line and never holds a secret; the
 * command line maps its {@link Kind} to an exit code and prints {@link #getMessage()} alone
 * (the stack trace only with {@code --verbose}).
 */
public class MigrateException extends RuntimeException {

    /** What sort of failure this is; the CLI maps each kind to one exit code. */
    public enum Kind {
        /** Wrong or inconsistent input: staging files, schemas, values, options. */
        INPUT,
        /** The environment failed: connection refused, locked file, disk full, I/O. */
        RUNTIME,
        /** Validation ran and found differences. */
        VALIDATION
    }

    private final Kind kind;
    private final Location location;

    public MigrateException(Kind kind, Location location, String message, Throwable cause) {
        super(render(location, message), cause);
        this.kind = kind;
        this.location = location == null ? Location.NONE : location;
    }

    public MigrateException(Kind kind, Location location, String message) {
        this(kind, location, message, null);
    }

    public static MigrateException input(Location location, String message) {
        return new MigrateException(Kind.INPUT, location, message);
    }

    public static MigrateException input(String message) {
        return new MigrateException(Kind.INPUT, Location.NONE, message);
    }

    public static MigrateException runtime(Location location, String message, Throwable cause) {
        return new MigrateException(Kind.RUNTIME, location, message, cause);
    }

    public static MigrateException runtime(String message, Throwable cause) {
        return new MigrateException(Kind.RUNTIME, Location.NONE, message, cause);
    }

    public Kind kind() {
        return kind;
    }

    public Location location() {
        return location;
    }

    private static String render(Location location, String message) {
        String oneLine = message == null
                ? ""
                : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        // Names may hold line breaks (a SQLite table "a\nb"): escape them so the message stays one line.
        String where =
                location == null ? "" : location.describe().replace("\r", "\\r").replace("\n", "\\n");
        return where.isEmpty() ? oneLine : where + ": " + oneLine;
    }
}
