package dev.migrate.importpg;

import dev.migrate.core.mapping.TypeMappings;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the target schema holds: relations, tables with their columns (PostgreSQL type and the
 * staging type it maps to), keys, foreign keys, indexes and enums. Read with the catalog queries
 * kept as {@code .sql} resources next to this class.
 */
final class TargetCatalog {

    /** One column of a target table. */
    record Column(
            String name,
            String declaredType,
            StagingType type,
            boolean notNull,
            String defaultExpression,
            char identity,
            char generated,
            String sequence) {

        boolean hasDefault() {
            return defaultExpression != null || identity != '\0' || generated != '\0';
        }
    }

    /** A foreign key as the catalog has it, with the referenced table's schema. */
    record Fk(ForeignKey key, String referencedSchema) {}

    /** One target table. */
    static final class Table {
        final String name;
        final List<Column> columns = new ArrayList<>();
        final List<String> primaryKey = new ArrayList<>();
        String primaryKeyName;
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<Fk> foreignKeys = new ArrayList<>();
        final List<IndexSchema> indexes = new ArrayList<>();
        final List<String> checks = new ArrayList<>();

        Table(String name) {
            this.name = name;
        }

        Optional<Column> column(String columnName) {
            return columns.stream().filter(c -> c.name.equals(columnName)).findFirst();
        }
    }

    final String schema;
    final Map<String, Character> relations = new LinkedHashMap<>();
    final Map<String, Table> tables = new LinkedHashMap<>();
    final Map<String, List<String>> enums = new LinkedHashMap<>();

    private TargetCatalog(String schema) {
        this.schema = schema;
    }

    static TargetCatalog read(Connection c, String schema) throws SQLException {
        TargetCatalog cat = new TargetCatalog(schema);
        query(
                c,
                "relations.sql",
                schema,
                rs -> cat.relations.put(rs.getString(1), rs.getString(2).charAt(0)));
        query(c, "columns.sql", schema, rs -> {
            Table t = cat.tables.computeIfAbsent(rs.getString("table_name"), Table::new);
            String identity = rs.getString("identity");
            String generated = rs.getString("generated");
            t.columns.add(new Column(
                    rs.getString("column_name"),
                    rs.getString("declared_type"),
                    TypeMappings.fromPostgres(
                            rs.getString("base_type"), rs.getString("enum_name"), rs.getInt("dimensions")),
                    rs.getBoolean("not_null"),
                    rs.getString("default_expr"),
                    identity == null || identity.isEmpty() ? '\0' : identity.charAt(0),
                    generated == null || generated.isEmpty() ? '\0' : generated.charAt(0),
                    rs.getString("sequence_name")));
        });
        query(c, "constraints.sql", schema, rs -> {
            Table t = cat.tables.get(rs.getString("table_name"));
            if (t == null) {
                return;
            }
            List<String> cols = strings(rs.getArray("columns"));
            switch (rs.getString("type")) {
                case "p" -> {
                    t.primaryKey.addAll(cols);
                    t.primaryKeyName = rs.getString("constraint_name");
                }
                case "u" -> t.uniques.add(new UniqueConstraint(rs.getString("constraint_name"), cols));
                case "f" ->
                    t.foreignKeys.add(new Fk(
                            new ForeignKey(
                                    rs.getString("constraint_name"),
                                    cols,
                                    rs.getString("referenced_table"),
                                    strings(rs.getArray("referenced_columns")),
                                    action(rs.getString("on_delete")),
                                    action(rs.getString("on_update")),
                                    rs.getBoolean("deferrable")
                                            ? (rs.getBoolean("deferred")
                                                    ? "DEFERRABLE INITIALLY DEFERRED"
                                                    : "DEFERRABLE INITIALLY IMMEDIATE")
                                            : null),
                            rs.getString("referenced_schema")));
                case "c" -> t.checks.add(rs.getString("definition"));
                default -> {}
            }
        });
        query(c, "indexes.sql", schema, rs -> {
            Table t = cat.tables.get(rs.getString("table_name"));
            if (t == null) {
                return;
            }
            boolean plain = !rs.getBoolean("has_expressions") && "btree".equals(rs.getString("method"));
            String predicate = rs.getString("predicate");
            t.indexes.add(new IndexSchema(
                    rs.getString("index_name"),
                    rs.getBoolean("is_unique"),
                    plain ? strings(rs.getArray("columns")) : List.of(),
                    rs.getString("definition"),
                    predicate,
                    plain && predicate == null));
        });
        query(c, "enums.sql", schema, rs -> cat.enums.put(rs.getString(1), strings(rs.getArray(2))));
        return cat;
    }

    private static String action(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }

    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String resource, String schema, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql(resource))) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    static String sql(String resource) {
        try (InputStream in = TargetCatalog.class.getResourceAsStream("catalog/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing catalog query " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean schemaExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Whether the table holds at least one row. */
    boolean hasRows(Connection c, String table) throws SQLException {
        try (PreparedStatement ps =
                        c.prepareStatement("select exists (select 1 from " + PgNames.qualified(schema, table) + ")");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
