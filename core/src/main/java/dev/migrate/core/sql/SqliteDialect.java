package dev.migrate.core.sql;

import dev.migrate.core.MigrateException;

/**
 * SQLite: identifiers in double quotes with {@code "} doubled, no length limit.
 *
 * <p>Why always double quotes: SQLite also accepts {@code [x]} and {@code `x`}, but only double
 * quotes are standard and understood by both databases. Caveat worth knowing when reading SQLite
 * schemas: for compatibility SQLite treats a double-quoted word that names no column as a string
 * literal; our SQL only quotes names that exist, so that never applies to what we generate.
 */
public final class SqliteDialect implements Dialect {

    /** The one instance. */
    public static final SqliteDialect INSTANCE = new SqliteDialect();

    private SqliteDialect() {}

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public int maxIdentifierBytes() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String quoteLiteral(String value) {
        if (value.indexOf('\0') >= 0) {
            throw MigrateException.input("a SQL literal cannot contain a NUL character");
        }
        // SQLite string literals have no escapes other than the doubled quote.
        return '\'' + value.replace("'", "''") + '\'';
    }

    @Override
    public String toString() {
        return name();
    }
}
