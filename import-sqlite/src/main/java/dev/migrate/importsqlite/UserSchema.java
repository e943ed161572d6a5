package dev.migrate.importsqlite;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.staging.Manifest;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A schema supplied by the user ({@code --schema FILE}): runs the file's SQL on the new database,
 * then maps every planned table and column onto it by name (ignoring case, as SQLite does).
 * Reported: staged tables the file lacks (not imported), staged columns it lacks (dropped),
 * columns it has that were not staged (they get their default), and declared types whose
 * affinity could change staged values. A NOT NULL column without a default and without staged
 * values is refused up front, since every insert would fail.
 */
final class UserSchema {

    private record TargetColumn(String name, String type, boolean notNull, String defaultValue, int pk, int hidden) {}

    private final Path file;
    private final Notes notes;

    UserSchema(Path file, Notes notes) {
        this.file = file;
        this.notes = notes;
    }

    /** Runs the file, in autocommit mode, on a new empty database. */
    void apply(Connection c) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw MigrateException.input(Location.file(file.toString()), "schema file is not valid UTF-8");
        } catch (IOException e) {
            throw MigrateException.input(
                    Location.file(file.toString()), "cannot read schema file: " + TargetFiles.describe(e));
        }
        if (text.isBlank()) {
            throw MigrateException.input(Location.file(file.toString()), "schema file is empty");
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate(text);
        } catch (SQLException e) {
            throw MigrateException.input(
                    Location.file(file.toString()), "schema file failed in SQLite: " + SqliteErrors.detail(e));
        }
    }

    /** Maps the plans onto the tables the file created; a plan whose table is missing is left out. */
    List<InsertPlan> map(Connection c, List<TablePlan> plans, Manifest manifest) throws SQLException {
        Map<String, String> tables = targetTables(c);
        Set<String> used = new HashSet<>();
        List<InsertPlan> out = new ArrayList<>();
        for (TablePlan p : plans) {
            long staged = manifest.entry(p.source().name()).orElseThrow().rows();
            String actual = tables.get(p.name().toLowerCase(Locale.ROOT));
            if (actual == null) {
                notes.warn("table \"" + p.name() + "\" (" + staged + " staged rows) is not in the schema file "
                        + file.getFileName() + ": not imported");
                continue;
            }
            used.add(actual.toLowerCase(Locale.ROOT));
            out.add(mapTable(c, p, actual, staged));
        }
        for (Map.Entry<String, String> t : tables.entrySet()) {
            if (!used.contains(t.getKey())) {
                notes.warn("table \"" + t.getValue() + "\" of the schema file has no staged data: left as the file"
                        + " made it");
            }
        }
        return out;
    }

    private InsertPlan mapTable(Connection c, TablePlan p, String table, long stagedRows) throws SQLException {
        Map<String, TargetColumn> columns = new LinkedHashMap<>();
        for (TargetColumn tc : columns(c, table)) {
            columns.put(tc.name().toLowerCase(Locale.ROOT), tc);
        }
        List<ColumnPlan> mapped = new ArrayList<>();
        Set<String> fed = new HashSet<>();
        for (ColumnPlan cp : p.columns()) {
            TargetColumn tc = columns.get(cp.name().toLowerCase(Locale.ROOT));
            if (tc == null || tc.hidden() != 0) {
                if (!cp.isSingletonKey()) {
                    notes.table(
                            p.name(),
                            "column \"" + cp.name() + "\" dropped: "
                                    + (tc == null ? "not in the schema file" : "generated in the schema file"));
                }
                continue;
            }
            fed.add(tc.name().toLowerCase(Locale.ROOT));
            mapped.add(new ColumnPlan(tc.name(), cp.sourceIndex(), cp.source()));
            String risk = Affinity.of(tc.type()).risk(cp.type().kind());
            if (risk != null) {
                notes.warn("table \"" + table + "\", column \"" + tc.name() + "\": declared type "
                        + (tc.type().isEmpty() ? "(none)" : tc.type()) + " has " + Affinity.of(tc.type())
                        + " affinity; for staged " + cp.type() + " values " + risk);
            }
        }
        for (TargetColumn tc : columns.values()) {
            if (fed.contains(tc.name().toLowerCase(Locale.ROOT)) || tc.hidden() != 0) {
                continue;
            }
            boolean rowid = tc.pk() == 1 && tc.type().equalsIgnoreCase("INTEGER");
            if (tc.notNull() && tc.defaultValue() == null && !rowid && stagedRows > 0) {
                throw MigrateException.input(
                        Location.column(table, tc.name()),
                        "the schema file declares the column NOT NULL without a default, and the staging directory"
                                + " has no values for it");
            }
            notes.table(
                    p.name(),
                    "column \"" + tc.name() + "\" missing from the staged data: gets "
                            + (rowid ? "new rowids" : tc.defaultValue() == null ? "NULL" : "its default"));
        }
        return new InsertPlan(p, table, mapped);
    }

    private static Map<String, String> targetTables(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                                + " ORDER BY rowid")) {
            while (rs.next()) {
                out.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(1));
            }
        }
        return out;
    }

    private static List<TargetColumn> columns(Connection c, String table) throws SQLException {
        List<TargetColumn> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TargetColumn(
                            rs.getString(1),
                            rs.getString(2) == null ? "" : rs.getString(2),
                            rs.getInt(3) != 0,
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getInt(6)));
                }
            }
        }
        return out;
    }
}
