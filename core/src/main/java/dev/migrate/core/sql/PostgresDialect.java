package dev.migrate.core.sql;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.OneLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL: identifiers in double quotes with {@code "} doubled, at most 63 bytes.
 *
 * <p>PostgreSQL keeps only the first {@code NAMEDATALEN - 1 = 63} bytes of an identifier and
 * truncates longer ones with a mere NOTICE, so two 64-character column names that share their first
 * 63 bytes become the same column (pgloader#353). {@link #quote} therefore refuses any name over 63
 * UTF-8 bytes, and {@link #requireFittingNames} lets an importer refuse a whole table up front with
 * one message naming the table and every offending column.
 */
public final class PostgresDialect implements Dialect {

    /** The one instance. */
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    /** NAMEDATALEN - 1 in a default PostgreSQL build. */
    public static final int MAX_IDENTIFIER_BYTES = 63;

    private PostgresDialect() {}

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public int maxIdentifierBytes() {
        return MAX_IDENTIFIER_BYTES;
    }

    /**
     * An escape-string literal {@code E'...'} with quotes and backslashes doubled: its meaning does
     * not depend on the server's {@code standard_conforming_strings} setting.
     */
    @Override
    public String quoteLiteral(String value) {
        if (value.indexOf('\0') >= 0) {
            throw MigrateException.input("a SQL literal cannot contain a NUL character");
        }
        return "E'" + value.replace("\\", "\\\\").replace("'", "''") + '\'';
    }

    /** True when PostgreSQL would keep the name unchanged (at most 63 UTF-8 bytes). */
    public static boolean fits(String name) {
        return Dialect.utf8Length(name) <= MAX_IDENTIFIER_BYTES;
    }

    /**
     * Throws when the name is longer than PostgreSQL keeps.
     *
     * @throws MigrateException (INPUT) saying how many bytes the name has
     */
    public static void checkLength(String name) {
        INSTANCE.checkIdentifier(name);
    }

    /**
     * What PostgreSQL would make of the name: its longest prefix of whole characters that fits in
     * 63 UTF-8 bytes (the server never splits a multi-byte character).
     */
    public static String truncated(String name) {
        if (fits(name)) {
            return name;
        }
        int bytes = 0;
        int end = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int width = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + width > MAX_IDENTIFIER_BYTES) {
                break;
            }
            bytes += width;
            end += Character.charCount(cp);
        }
        return name.substring(0, end);
    }

    /**
     * The names that PostgreSQL would make identical, grouped by the name they would become:
     * each value lists two or more of the given names (in input order) whose truncated forms are
     * equal, including a long name that truncates onto a short one given as is. Empty when none.
     */
    public static Map<String, List<String>> truncationCollisions(Collection<String> names) {
        Map<String, List<String>> byTruncated = new LinkedHashMap<>();
        for (String name : names) {
            byTruncated.computeIfAbsent(truncated(name), k -> new ArrayList<>()).add(name);
        }
        Map<String, List<String>> collisions = new LinkedHashMap<>();
        byTruncated.forEach((truncated, group) -> {
            if (group.size() > 1) {
                collisions.put(truncated, List.copyOf(group));
            }
        });
        return collisions;
    }

    /**
     * Refuses a table whose own name or any column name PostgreSQL would truncate, naming the table
     * and every such column and which of them would collide, e.g. {@code table "t": column names
     * longer than PostgreSQL's 63-byte limit: "aaa…" (64 bytes), "aaa…" (64 bytes); they would
     * collide after truncation: "aaa…" and "aaa…"; rename them in the source}.
     *
     * @throws MigrateException (INPUT) with a {@link Location#table} location
     */
    public static void requireFittingNames(String table, Collection<String> columns) {
        if (!fits(table)) {
            throw MigrateException.input(
                    Location.table(table),
                    "the table name is " + Dialect.utf8Length(table)
                            + " bytes long in UTF-8; PostgreSQL keeps at most " + MAX_IDENTIFIER_BYTES
                            + " bytes and would silently truncate it; rename the table in the source");
        }
        List<String> tooLong = new ArrayList<>();
        for (String column : columns) {
            if (!fits(column)) {
                tooLong.add(OneLine.identifier(column) + " (" + Dialect.utf8Length(column) + " bytes)");
            }
        }
        if (tooLong.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("column names longer than PostgreSQL's ")
                .append(MAX_IDENTIFIER_BYTES)
                .append("-byte limit, which PostgreSQL would silently truncate: ")
                .append(String.join(", ", tooLong));
        Map<String, List<String>> collisions = truncationCollisions(columns);
        if (!collisions.isEmpty()) {
            List<String> groups = new ArrayList<>();
            for (List<String> group : collisions.values()) {
                groups.add(String.join(
                        " and ", group.stream().map(OneLine::identifier).toList()));
            }
            message.append("; after truncation these would be the same column: ")
                    .append(String.join("; ", groups));
        }
        message.append("; rename them in the source");
        throw MigrateException.input(Location.table(table), message.toString());
    }

    @Override
    public String toString() {
        return name();
    }
}
