package dev.migrate.exportsqlite.catalog;

import dev.migrate.core.schema.SkippedObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the catalog of a SQLite database through the table-valued PRAGMA functions
 * ({@code pragma_table_xinfo(?)} and friends). Table names travel as bound parameters, so no
 * catalog query ever has a name spliced into it. The queries are the {@code .sql} resources
 * beside this class.
 */
public final class CatalogReader {

    private final Connection connection;

    public CatalogReader(Connection connection) {
        this.connection = connection;
    }

    /** Reads everything; the caller has already begun the read transaction. */
    public Catalog read() throws SQLException {
        String version = scalar("SELECT sqlite_version()");
        String encoding = scalar("PRAGMA encoding");
        Map<String, String[]> tableKinds = tableKinds();
        Map<String, Long> sequences = sequences();
        List<String[]> objects = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(query("objects"))) {
            while (rs.next()) {
                objects.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        Map<String, String> indexSql = new HashMap<>();
        List<String> indexOrder = new ArrayList<>();
        for (String[] o : objects) {
            if (o[0].equals("index")) {
                indexSql.put(o[1], o[3]);
                indexOrder.add(o[1]);
            }
        }
        List<SourceTable> tables = new ArrayList<>();
        List<SkippedObject> skipped = new ArrayList<>();
        for (String[] o : objects) {
            String type = o[0];
            String name = o[1];
            String sql = o[3];
            if (name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                continue; // SQLite's own tables and automatic indexes
            }
            switch (type) {
                case "table" -> {
                    String[] kind = tableKinds.get(name);
                    if (isVirtual(sql)) {
                        skipped.add(new SkippedObject(
                                "virtual_table",
                                name,
                                "virtual tables (" + module(sql) + ") are not migrated; recreate it in the target",
                                sql));
                    } else if (kind != null && kind[0].equals("shadow")) {
                        skipped.add(new SkippedObject(
                                "shadow_table", name, "internal storage of a virtual table; not migrated", sql));
                    } else {
                        tables.add(table(name, sql, kind, sequences.get(name), indexSql, indexOrder));
                    }
                }
                case "view" ->
                    skipped.add(new SkippedObject(
                            "view", name, "views are not migrated; recreate it in the target's SQL", sql));
                case "trigger" ->
                    skipped.add(new SkippedObject(
                            "trigger",
                            o[2] + "." + name,
                            "triggers are not migrated; recreate it in the target's SQL",
                            sql));
                default -> {
                    // indexes are read per table
                }
            }
        }
        return new Catalog(version, encoding, tables, skipped);
    }

    private SourceTable table(
            String name, String sql, String[] kind, Long sequence, Map<String, String> indexSql, List<String> order)
            throws SQLException {
        SchemaSql facts = SchemaSql.parseCreateTable(sql);
        List<SourceColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(query("columns"))) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString("name");
                    String key = SchemaSql.key(column);
                    columns.add(new SourceColumn(
                            column,
                            rs.getString("type"),
                            rs.getInt("notnull") != 0,
                            rs.getString("dflt_value"),
                            rs.getInt("pk"),
                            rs.getInt("hidden"),
                            facts.generated().get(key),
                            facts.enumLabels().get(key)));
                }
            }
        }
        List<SourceIndex> indexes = indexes(name, indexSql, order);
        boolean withoutRowid = kind != null ? "1".equals(kind[1]) : facts.withoutRowid();
        boolean strict = kind != null ? "1".equals(kind[2]) : facts.strict();
        return new SourceTable(
                name, sql, columns, foreignKeys(name, facts), indexes, facts, withoutRowid, strict, sequence);
    }

    private List<SourceForeignKey> foreignKeys(String table, SchemaSql facts) throws SQLException {
        Map<Integer, List<String[]>> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(query("foreign_keys"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.computeIfAbsent(rs.getInt("id"), k -> new ArrayList<>())
                            .add(new String[] {
                                rs.getString("table"),
                                rs.getString("from"),
                                rs.getString("to"),
                                rs.getString("on_update"),
                                rs.getString("on_delete")
                            });
                }
            }
        }
        List<SourceForeignKey> out = new ArrayList<>();
        // PRAGMA foreign_key_list numbers keys from the last declared one; reverse to source order.
        List<Integer> ids = new ArrayList<>(byId.keySet());
        ids.sort((a, b) -> Integer.compare(b, a));
        for (int id : ids) {
            List<String[]> rows = byId.get(id);
            List<String> from = rows.stream().map(r -> r[1]).toList();
            List<String> to = rows.stream().allMatch(r -> r[2] != null)
                    ? rows.stream().map(r -> r[2]).toList()
                    : List.of();
            SchemaSql.Clause clause = facts.foreignKeys().stream()
                    .filter(c -> c.covers(from))
                    .findFirst()
                    .orElse(null);
            out.add(new SourceForeignKey(
                    from,
                    rows.get(0)[0],
                    to,
                    rows.get(0)[3],
                    rows.get(0)[4],
                    clause == null ? null : clause.name(),
                    clause == null ? null : clause.deferrable()));
        }
        return out;
    }

    private List<SourceIndex> indexes(String table, Map<String, String> indexSql, List<String> order)
            throws SQLException {
        List<String[]> list = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(query("indexes"))) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new String[] {
                        rs.getString("name"), rs.getString("unique"), rs.getString("origin"), rs.getString("partial")
                    });
                }
            }
        }
        // Creation order (the schema table's order), so output does not depend on PRAGMA internals.
        list.sort((a, b) -> Integer.compare(position(order, a[0]), position(order, b[0])));
        List<SourceIndex> out = new ArrayList<>();
        for (String[] i : list) {
            List<SourceIndex.Key> keys = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(query("index_columns"))) {
                ps.setString(1, i[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int cid = rs.getInt("cid");
                        keys.add(new SourceIndex.Key(
                                cid < 0 ? null : rs.getString("name"), rs.getInt("desc") != 0, rs.getString("coll")));
                    }
                }
            }
            out.add(new SourceIndex(i[0], "1".equals(i[1]), i[2], "1".equals(i[3]), keys, indexSql.get(i[0])));
        }
        return out;
    }

    private static int position(List<String> order, String name) {
        int p = order.indexOf(name);
        return p < 0 ? Integer.MAX_VALUE : p;
    }

    /** name → {type, wr, strict} from pragma_table_list; empty if this SQLite cannot say. */
    private Map<String, String[]> tableKinds() {
        Map<String, String[]> out = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(query("table_list"))) {
            while (rs.next()) {
                out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        } catch (SQLException e) {
            // A virtual table whose module is not compiled in makes the PRAGMA fail; the
            // CREATE TABLE text then says WITHOUT ROWID / STRICT instead.
            out.clear();
        }
        return out;
    }

    private Map<String, Long> sequences() throws SQLException {
        Map<String, Long> out = new HashMap<>();
        String exists = scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'");
        if ("0".equals(exists)) {
            return out;
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(query("sequences"))) {
            while (rs.next()) {
                Object seq = rs.getObject(2);
                if (rs.getString(1) != null && seq instanceof Number n) {
                    out.put(rs.getString(1), n.longValue());
                }
            }
        }
        return out;
    }

    private String scalar(String sql) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static boolean isVirtual(String sql) {
        return sql != null && sql.strip().toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL TABLE");
    }

    private static String module(String sql) {
        List<SqlTokenizer.Token> tokens = SqlTokenizer.tokenize(sql);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("USING")) {
                return "module " + tokens.get(i + 1).text();
            }
        }
        return "unknown module";
    }

    private static final Map<String, String> QUERIES = new HashMap<>();

    /** The text of a catalog query resource ({@code columns} → {@code columns.sql}). */
    static synchronized String query(String name) {
        return QUERIES.computeIfAbsent(name, n -> {
            try (InputStream in = CatalogReader.class.getResourceAsStream(n + ".sql")) {
                if (in == null) {
                    throw new IllegalStateException("missing catalog query " + n + ".sql");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
