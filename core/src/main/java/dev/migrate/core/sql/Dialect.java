package dev.migrate.core.sql;

import dev.migrate.core.MigrateException;
import dev.migrate.core.OneLine;
import java.nio.charset.StandardCharsets;

/**
 * What differs between the SQL spoken to PostgreSQL and to SQLite when we build statement text:
 * how an identifier is quoted, how long it may be, how a string literal is written in DDL.
 *
 * <p>Every identifier is always quoted (never "only when needed"): that keeps mixed case, reserved
 * words ({@code user}, {@code references}, {@code order}), spaces, dots and quotes exactly as the
 * source spelled them, and makes the rule trivially auditable. Quoting rejects what no quoting can
 * carry (an empty name, NUL, unpaired UTF-16 surrogates, and names longer than the dialect allows)
 * with a one-line {@link MigrateException} rather than produce SQL that means something else.
 */
public interface Dialect {

    /** Short lower-case name for messages and manifests: {@code postgresql} or {@code sqlite}. */
    String name();

    /**
     * The largest identifier, in UTF-8 bytes, the database keeps without changing it;
     * {@link Integer#MAX_VALUE} when there is no limit.
     */
    int maxIdentifierBytes();

    /**
     * The identifier as a double-quoted SQL identifier ({@code "a""b"} for {@code a"b}).
     *
     * @throws MigrateException (INPUT) for an empty name, NUL, an unpaired surrogate or a name
     *     longer than {@link #maxIdentifierBytes()}
     */
    default String quote(String identifier) {
        checkIdentifier(identifier);
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * {@code "schema"."name"}, or just {@code "name"} when schema is null or empty. For SQLite the
     * schema is the attached database's name ({@code main}, {@code temp}, ...).
     */
    default String quoteQualified(String schema, String name) {
        if (schema == null || schema.isEmpty()) {
            return quote(name);
        }
        return quote(schema) + '.' + quote(name);
    }

    /**
     * A string literal for DDL that cannot take bound parameters (a CHECK list of enum labels, a
     * column default). Data values never go through here.
     *
     * @throws MigrateException (INPUT) for NUL, which neither database can store in text
     */
    String quoteLiteral(String value);

    /**
     * Checks that the identifier can be written exactly as given.
     *
     * @throws MigrateException (INPUT) naming the problem in one line
     */
    default void checkIdentifier(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw MigrateException.input("an empty identifier cannot be used as a " + name() + " name");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw MigrateException.input("identifier " + OneLine.identifier(identifier)
                    + " contains a NUL character, which " + name() + " names cannot hold");
        }
        if (!Identifiers.isWellFormed(identifier)) {
            throw MigrateException.input("identifier " + OneLine.identifier(identifier)
                    + " contains an unpaired UTF-16 surrogate and has no UTF-8 form");
        }
        int bytes = utf8Length(identifier);
        if (bytes > maxIdentifierBytes()) {
            throw MigrateException.input("identifier " + OneLine.identifier(identifier) + " is " + bytes
                    + " bytes long in UTF-8; " + name() + " keeps at most " + maxIdentifierBytes()
                    + " bytes and would silently truncate it");
        }
    }

    /** Length of the text in UTF-8 bytes, which is what identifier limits count. */
    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
