package dev.migrate.exportsqlite;

/** The one place where this module turns a name into SQL text. */
final class SqlNames {

    private SqlNames() {}

    /** The name as a double-quoted SQLite identifier ({@code "a""b"} for {@code a"b}). */
    static String quote(String name) {
        // TODO use core.sql quoting (SqliteDialect.INSTANCE.quote) once it lands in git
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
