package dev.migrate.importpg;

import dev.migrate.core.Location;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Primary keys, unique constraints, indexes and CHECK constraints of a created table, added after
 * its rows are loaded (one index build instead of one insert per row).
 *
 * <p>Primary keys and unique constraints must hold: a violation fails the import (nothing is
 * dropped silently). Indexes that are not portable and CHECK constraints are attempted under a
 * savepoint; one PostgreSQL cannot take is reported, never silently lost.
 */
final class Constraints {

    /** A single CREATE INDEX statement (no statement separator anywhere). */
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s[^;]*");

    private final ImportContext ctx;
    private final Connection c;
    private final String schema;

    Constraints(ImportContext ctx) {
        this.ctx = ctx;
        this.c = ctx.connection;
        this.schema = ctx.schema();
    }

    void keysAndIndexes(TableSchema t) throws SQLException {
        String table = PgNames.qualified(schema, t.name());
        if (!t.primaryKey().isEmpty()) {
            run(
                    t,
                    "ALTER TABLE " + table + " ADD PRIMARY KEY (" + columns(t.primaryKey()) + ")",
                    "adding the primary key");
        }
        for (UniqueConstraint u : t.uniqueConstraints()) {
            run(
                    t,
                    "ALTER TABLE " + table + " ADD " + constraintName(t, u.name()) + "UNIQUE (" + columns(u.columns())
                            + ")",
                    "adding unique constraint " + (u.name() == null ? "" : PgNames.describe(u.name()) + " ") + "on ("
                            + String.join(", ", u.columns()) + ")");
        }
        for (IndexSchema ix : t.indexes()) {
            index(t, ix);
        }
        for (String check : t.checks()) {
            check(t, check);
        }
    }

    private void run(TableSchema t, String sql, String doing) throws SQLException {
        try {
            Sql.execute(c, sql);
        } catch (SQLException e) {
            throw SqlErrors.statement(Location.table(t.name()), doing, e);
        }
    }

    private String constraintName(TableSchema t, String name) {
        if (name == null) {
            return "";
        }
        if (!PgNames.fits(name)) {
            ctx.notesOf(t.name())
                    .add("constraint name " + PgNames.describe(name) + " is over 63 bytes; PostgreSQL chose one");
            return "";
        }
        return "CONSTRAINT " + PgNames.quote(name) + " ";
    }

    private void index(TableSchema t, IndexSchema ix) throws SQLException {
        String name = ix.name() != null && PgNames.fits(ix.name()) ? PgNames.quote(ix.name()) + " " : "";
        if (ix.portable() && !ix.columns().isEmpty()) {
            String where = ix.where() == null || ctx.sourceIsPostgres ? ix.where() : standardQuotes(ix.where());
            String sql = "CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX " + name + "ON "
                    + PgNames.qualified(schema, t.name()) + " (" + columns(ix.columns()) + ")"
                    + (where == null ? "" : " WHERE " + where);
            if (ix.where() != null && ix.where().contains(";")) {
                skipped(t, ix, "its predicate contains a statement separator");
                return;
            }
            SQLException e = Sql.attempt(c, sql);
            if (e != null) {
                if (ix.unique() && "23505".equals(e.getSQLState())) {
                    throw SqlErrors.statement(Location.table(t.name()), "creating unique index " + ix.name(), e);
                }
                skipped(t, ix, SqlErrors.serverText(e));
            }
            return;
        }
        // Expression or partial index: its source definition, when it is one plain CREATE INDEX,
        // is tried as is (the transaction's search_path is the target schema); otherwise reported.
        String def =
                ix.definition() == null || ctx.sourceIsPostgres ? ix.definition() : standardQuotes(ix.definition());
        if (def == null || !CREATE_INDEX.matcher(def).matches()) {
            skipped(t, ix, "not portable and its definition cannot be replayed");
            return;
        }
        if (ctx.sourceIsPostgres
                && t.sourceSchema() != null
                && !t.sourceSchema().equals(schema)) {
            def = retargeted(def, t.sourceSchema());
        }
        SQLException e = Sql.attempt(c, def);
        if (e != null) {
            skipped(t, ix, SqlErrors.serverText(e));
        } else {
            ctx.notesOf(t.name()).add("index " + PgNames.describe(ix.name()) + " recreated from its definition");
        }
    }

    /** pg_get_indexdef's {@code ON [ONLY] source.table} pointed at the target schema. */
    private String retargeted(String def, String sourceSchema) {
        for (String form : List.of(sourceSchema, PgNames.quote(sourceSchema))) {
            for (String on : List.of(" ON ", " ON ONLY ")) {
                String needle = on + form + ".";
                int at = def.indexOf(needle);
                if (at >= 0) {
                    return def.substring(0, at) + on + PgNames.quote(schema) + "."
                            + def.substring(at + needle.length());
                }
            }
        }
        return def;
    }

    private void skipped(TableSchema t, IndexSchema ix, String why) {
        ctx.warn(
                t.name(),
                "index " + PgNames.describe(ix.name()) + " not created (" + why + "): "
                        + SqlErrors.oneLine(ix.definition() == null ? "" : ix.definition()));
    }

    private void check(TableSchema t, String check) throws SQLException {
        // SQLite's [name] and `name` quoting becomes standard double quotes; the expression is
        // then tried as is. One PostgreSQL cannot parse is reported; one the data violates is
        // created NOT VALID and reported.
        String body = ctx.sourceIsPostgres ? check.strip() : standardQuotes(check.strip());
        if (!body.toUpperCase(Locale.ROOT).startsWith("CHECK")) {
            body = "CHECK (" + body + ")";
        }
        if (body.contains(";")) {
            ctx.warn(t.name(), "CHECK constraint not recreated (statement separator): " + SqlErrors.oneLine(check));
            return;
        }
        String table = PgNames.qualified(schema, t.name());
        SQLException e = Sql.attempt(c, "ALTER TABLE " + table + " ADD " + body);
        if (e == null) {
            return;
        }
        if ("23514".equals(e.getSQLState())) {
            SQLException again = Sql.attempt(c, "ALTER TABLE " + table + " ADD " + body + " NOT VALID");
            if (again == null) {
                ctx.warn(
                        t.name(),
                        "CHECK constraint created NOT VALID, existing rows violate it: " + SqlErrors.oneLine(check));
                return;
            }
        }
        ctx.warn(
                t.name(),
                "CHECK constraint not recreated (" + SqlErrors.serverText(e) + "): " + SqlErrors.oneLine(check));
    }

    /** {@code [x]} and {@code `x`} to {@code "x"} outside string literals. */
    static String standardQuotes(String sql) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '\'') {
                int end = i + 1;
                while (end < sql.length()) {
                    if (sql.charAt(end) == '\'') {
                        if (end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                b.append(sql, i, Math.min(end + 1, sql.length()));
                i = end;
            } else if (ch == '[' || ch == '`') {
                char close = ch == '[' ? ']' : '`';
                int end = sql.indexOf(close, i + 1);
                if (end < 0) {
                    b.append(ch);
                    continue;
                }
                b.append('"')
                        .append(sql.substring(i + 1, end).replace("\"", "\"\""))
                        .append('"');
                i = end;
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static String columns(List<String> names) {
        return names.stream().map(PgNames::quote).collect(Collectors.joining(", "));
    }
}
