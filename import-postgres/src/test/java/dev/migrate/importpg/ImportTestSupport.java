package dev.migrate.importpg;

import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Shared plumbing for import tests: a real PostgreSQL, options for a target database, queries. */
abstract class ImportTestSupport {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    static Path tmp;

    Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", db.server().user());
        if (!db.server().password().isEmpty()) {
            p.setProperty("password", db.server().password());
        }
        return p;
    }

    ImportPostgresOptions options(Path staging, String database) {
        return ImportPostgresOptions.of(staging, db.server().jdbcUrl(database), credentials())
                .withBackup(true, tmp.resolve("backups"));
    }

    ImportResult importInto(String database, Path staging) {
        return new PostgresImporter(options(staging, database)).run(ImportListener.NONE);
    }

    /** Every row of a query, each row's columns joined with '|' (NULL shown as the word null). */
    List<String> rows(String database, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(database);
                Statement s = c.createStatement()) {
            s.execute("set timezone = 'UTC'");
            s.execute("set intervalstyle = 'iso_8601'");
            s.execute("set datestyle = 'ISO, YMD'");
            s.execute("set extra_float_digits = 3");
            try (ResultSet rs = s.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        if (i > 1) {
                            b.append('|');
                        }
                        b.append(rs.getString(i));
                    }
                    out.add(b.toString());
                }
            }
        }
        return out;
    }

    String value(String database, String sql) throws SQLException {
        List<String> r = rows(database, sql);
        return r.isEmpty() ? null : r.get(0);
    }

    void execute(String database, String... sql) throws SQLException {
        try (Connection c = db.connect(database);
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** A fingerprint of a database: its catalog (tables, columns, constraints, indexes, types) and every row. */
    String fingerprint(String database) throws SQLException {
        StringBuilder b = new StringBuilder();
        for (String r : rows(
                database,
                "select c.relname || ':' || c.relkind::text || ':' || coalesce(string_agg(a.attname || ' '"
                        + " || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull, ',' order by a.attnum), '')"
                        + " from pg_class c join pg_namespace n on n.oid = c.relnamespace left join pg_attribute a"
                        + " on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped where n.nspname not in"
                        + " ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg_temp%'"
                        + " and n.nspname not like 'pg_toast_temp%' group by c.relname, c.relkind order by 1")) {
            b.append(r).append('\n');
        }
        for (String r : rows(
                database,
                "select conrelid::regclass || ':' || conname || ':' || pg_get_constraintdef(oid) from pg_constraint"
                        + " where connamespace = 'public'::regnamespace order by 1")) {
            b.append(r).append('\n');
        }
        for (String r :
                rows(database, "select typname from pg_type where typnamespace = 'public'::regnamespace order by 1")) {
            b.append(r).append('\n');
        }
        for (String r : rows(database, "select nspname from pg_namespace order by 1")) {
            b.append(r).append('\n');
        }
        for (String table : rows(
                database,
                "select quote_ident(schemaname) || '.' || quote_ident(relname) from pg_stat_user_tables order by 1")) {
            for (String r : rows(database, "select t::text from " + table + " t order by 1")) {
                b.append(table).append(' ').append(r).append('\n');
            }
        }
        return b.toString();
    }
}
