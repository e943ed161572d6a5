package dev.migrate.cli.reliability;

import dev.migrate.core.sql.PostgresDialect;
import dev.migrate.testing.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * "Before" and "after" pictures of a target, to prove a failed run left it exactly as it was:
 * a file's SHA-256 (or its absence), a directory's listing with each file's SHA-256, and a
 * PostgreSQL database's catalog and data.
 */
final class Fingerprints {

    private Fingerprints() {}

    /** SHA-256 of a file's bytes, or {@code absent}. */
    static String file(Path file) {
        if (!Files.exists(file)) {
            return "absent";
        }
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path under a directory (names, sizes, SHA-256 of files), or {@code absent}. */
    static String tree(Path dir) {
        if (!Files.exists(dir)) {
            return "absent";
        }
        if (!Files.isDirectory(dir)) {
            return "file " + file(dir);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            StringBuilder b = new StringBuilder();
            for (Path p : walk.sorted().toList()) {
                b.append(dir.relativize(p)).append(' ');
                b.append(Files.isDirectory(p) ? "dir" : file(p)).append('\n');
            }
            return b.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PostgreSQL database's catalog (tables, columns with types and defaults, constraints,
     * indexes, sequences with their positions, enum labels) and every table's rows: count plus
     * the md5 of the rows' text sorted.
     */
    static String postgres(PostgresServer server, String database) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Connection c = server.connect(database);
                Statement s = c.createStatement()) {
            append(
                    b,
                    s,
                    "select table_schema, table_name, table_type from information_schema.tables"
                            + " where table_schema not in ('pg_catalog', 'information_schema') order by 1, 2");
            append(
                    b,
                    s,
                    "select table_schema, table_name, column_name, data_type, udt_name, is_nullable,"
                            + " column_default, is_identity from information_schema.columns"
                            + " where table_schema not in ('pg_catalog', 'information_schema') order by 1, 2, ordinal_position");
            append(
                    b,
                    s,
                    "select n.nspname, conrelid::regclass::text, conname, pg_get_constraintdef(c.oid), convalidated"
                            + " from pg_constraint c join pg_namespace n on n.oid = c.connamespace"
                            + " where n.nspname not in ('pg_catalog', 'information_schema') order by 1, 2, 3");
            append(
                    b,
                    s,
                    "select schemaname, tablename, indexname, indexdef from pg_indexes"
                            + " where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2, 3");
            append(b, s, "select schemaname, sequencename, last_value from pg_sequences order by 1, 2");
            append(
                    b,
                    s,
                    "select t.typname, e.enumsortorder, e.enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid"
                            + " order by 1, 2");
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_schema, table_name from information_schema.tables"
                    + " where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'"
                    + " order by 1, 2")) {
                while (rs.next()) {
                    tables.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] t : tables) {
                String q = PostgresDialect.INSTANCE.quote(t[0]) + "." + PostgresDialect.INSTANCE.quote(t[1]);
                b.append(q).append(": ");
                append(
                        b,
                        s,
                        "select count(*), md5(coalesce(string_agg(r::text, E'\\n' order by r::text), ''))" + " from "
                                + q + " r");
            }
        }
        return b.toString();
    }

    /** Data only: for each named table, its row count and the md5 of its rows' text sorted. */
    static String data(PostgresServer server, String database, String... tables) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Connection c = server.connect(database);
                Statement s = c.createStatement()) {
            for (String t : tables) {
                String q = PostgresDialect.INSTANCE.quote(t);
                b.append(t).append(": ");
                append(
                        b,
                        s,
                        "select count(*), md5(coalesce(string_agg(r::text, E'\\n' order by r::text), ''))" + " from "
                                + q + " r");
            }
        }
        return b.toString();
    }

    /** The count of user tables of a database, for messages and quick checks. */
    static long tableCount(PostgresServer server, String database) throws SQLException {
        try (Connection c = server.connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from information_schema.tables"
                        + " where table_schema not in ('pg_catalog', 'information_schema')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void append(StringBuilder b, Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    b.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                b.append('\n');
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
