package dev.migrate.exportsqlite;

import dev.migrate.core.sql.SqliteDialect;

/** The one place where this module turns a name into SQL text: through core's SQLite dialect. */
final class SqlNames {

    private SqlNames() {}

    /** The name as a double-quoted SQLite identifier ({@code "a""b"} for {@code a"b}). */
    static String quote(String name) {
        return SqliteDialect.INSTANCE.quote(name);
    }
}
