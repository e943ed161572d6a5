package dev.migrate.importpg;

import dev.migrate.core.MigrateException;
import dev.migrate.core.OneLine;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.SchemaSnapshot;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.sql.PostgresDialect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Identifiers as SQL text, and the check that every name the import creates survives
 * PostgreSQL unchanged.
 *
 * <p>Names longer than 63 bytes are refused rather than truncated: PostgreSQL would silently
 * shorten them (and two long column names could become one, pgloader#353), and a renamed table
 * or column breaks every query of the application that owns the data. Refusing with one line
 * naming them lets the user rename in the source, which is the only place where the right new
 * name is known. Index and constraint names are not referenced by application queries, so an
 * over-long one is not refused: PostgreSQL chooses a name and the import reports it.
 */
final class PgNames {

    static final int MAX_BYTES = PostgresDialect.MAX_IDENTIFIER_BYTES;

    private PgNames() {}

    /** A double-quoted identifier; case, spaces, quotes and reserved words kept exactly. */
    static String quote(String name) {
        return PostgresDialect.INSTANCE.quote(name);
    }

    /** {@code "schema"."name"}. */
    static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /** A string literal for DDL (enum labels, defaults); never used for data values. */
    static String literal(String value) {
        return PostgresDialect.INSTANCE.quoteLiteral(value);
    }

    static boolean fits(String name) {
        return PostgresDialect.fits(name);
    }

    /**
     * Refuses, in one line naming all of them, table, column and enum names that PostgreSQL
     * would truncate or that would collide after truncation, and names PostgreSQL cannot hold
     * (empty, NUL).
     */
    static void requireFitting(SchemaSnapshot schema) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> tablesByTruncated = new LinkedHashMap<>();
        for (TableSchema t : schema.tables()) {
            checkOne("table", t.name(), "", problems);
            tablesByTruncated
                    .computeIfAbsent(truncated(t.name()), k -> new ArrayList<>())
                    .add(t.name());
            Map<String, List<String>> columnsByTruncated = new LinkedHashMap<>();
            for (ColumnSchema c : t.columns()) {
                checkOne("column", c.name(), " of table " + describe(t.name()), problems);
                columnsByTruncated
                        .computeIfAbsent(truncated(c.name()), k -> new ArrayList<>())
                        .add(c.name());
            }
            collisions(columnsByTruncated, "columns of table " + describe(t.name()), problems);
        }
        collisions(tablesByTruncated, "tables", problems);
        for (EnumType e : schema.enums()) {
            checkOne("enum type", e.name(), "", problems);
        }
        if (!problems.isEmpty()) {
            throw MigrateException.input(String.join("; ", problems)
                    + " (PostgreSQL keeps at most " + MAX_BYTES
                    + " bytes of a name and would silently truncate it; rename them in the source)");
        }
    }

    private static void checkOne(String kind, String name, String context, List<String> problems) {
        if (name == null || name.isEmpty()) {
            problems.add(kind + context + " has an empty name");
        } else if (name.indexOf('\0') >= 0) {
            problems.add(kind + " " + describe(name) + context + " contains a NUL character");
        } else if (!fits(name)) {
            problems.add(kind + " " + describe(name) + context + " is " + name.getBytes(StandardCharsets.UTF_8).length
                    + " bytes");
        }
    }

    private static void collisions(Map<String, List<String>> byTruncated, String what, List<String> problems) {
        byTruncated.forEach((k, group) -> {
            if (group.size() > 1) {
                problems.add(what + " "
                        + String.join(
                                " and ", group.stream().map(PgNames::describe).toList())
                        + " become the same name after truncation");
            }
        });
    }

    /** What PostgreSQL keeps of the name. */
    static String truncated(String name) {
        return name == null ? null : PostgresDialect.truncated(name);
    }

    /** The name in double quotes for a one-line message, control characters escaped, long names cut. */
    static String describe(String name) {
        return OneLine.identifier(name);
    }
}
