package dev.migrate.exportpg;

import dev.migrate.exportpg.RawCatalog.RawColumn;
import dev.migrate.exportpg.RawCatalog.RawConstraint;
import dev.migrate.exportpg.RawCatalog.RawEnum;
import dev.migrate.exportpg.RawCatalog.RawIndex;
import dev.migrate.exportpg.RawCatalog.RawObject;
import dev.migrate.exportpg.RawCatalog.RawTable;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Runs the catalog queries inside the export's snapshot transaction. It reads every table of the
 * chosen schemas (not only the exported ones): tenant scoping follows foreign keys through tables
 * the user excluded too.
 */
final class CatalogReader {

    private final Connection connection;

    CatalogReader(Connection connection) {
        this.connection = connection;
    }

    RawCatalog read(List<String> schemas) throws SQLException {
        List<RawTable> tables = tables(schemas);
        Long[] oids = tables.stream().map(RawTable::oid).toArray(Long[]::new);
        List<RawColumn> columns = columns(oids);
        Long[] enumOids = columns.stream()
                .filter(RawColumn::leafIsEnum)
                .map(RawColumn::enumOid)
                .toArray(Long[]::new);
        return new RawCatalog(tables, columns, constraints(oids), indexes(oids), enums(schemas, enumOids));
    }

    /** Objects not migrated, for the exported tables only (triggers, rules, policies) or the schemas. */
    List<RawObject> notMigrated(List<String> schemas, Collection<Long> exportedOids) throws SQLException {
        List<RawObject> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(SqlResources.load("not_migrated"))) {
            s.setArray(1, textArray(schemas));
            s.setArray(2, oidArray(exportedOids.toArray(Long[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new RawObject(rs.getString("kind"), rs.getString("name"), rs.getString("definition")));
                }
            }
        }
        return out;
    }

    private List<RawTable> tables(List<String> schemas) throws SQLException {
        List<RawTable> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(SqlResources.load("tables"))) {
            s.setArray(1, textArray(schemas));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new RawTable(
                            rs.getLong("table_oid"),
                            rs.getString("schema_name"),
                            rs.getString("table_name"),
                            rs.getString("relkind").charAt(0),
                            rs.getInt("partitions"),
                            rs.getString("partition_key"),
                            rs.getLong("estimated_bytes"),
                            rs.getDouble("estimated_rows"),
                            rs.getBoolean("has_children"),
                            rs.getBoolean("row_security")));
                }
            }
        }
        return out;
    }

    private List<RawColumn> columns(Long[] oids) throws SQLException {
        List<RawColumn> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(SqlResources.load("columns"))) {
            s.setArray(1, oidArray(oids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long lastValue = rs.getLong("sequence_last_value");
                    Long last = rs.wasNull() ? null : lastValue;
                    boolean readable = rs.getBoolean("sequence_readable");
                    Boolean seqReadable = rs.wasNull() ? null : readable;
                    out.add(new RawColumn(
                            rs.getLong("table_oid"),
                            rs.getInt("attnum"),
                            rs.getString("column_name"),
                            rs.getString("declared_type"),
                            rs.getString("domain_base_type"),
                            rs.getString("leaf_type"),
                            rs.getString("leaf_type_name"),
                            rs.getBoolean("leaf_is_enum"),
                            rs.getLong("enum_oid"),
                            rs.getBoolean("is_array"),
                            rs.getInt("array_dims"),
                            rs.getBoolean("not_null"),
                            rs.getString("identity"),
                            rs.getString("generated"),
                            rs.getString("default_expr"),
                            rs.getString("generation_expr"),
                            rs.getString("sequence_name"),
                            last,
                            seqReadable));
                }
            }
        }
        return out;
    }

    private List<RawConstraint> constraints(Long[] oids) throws SQLException {
        List<RawConstraint> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(SqlResources.load("constraints"))) {
            s.setArray(1, oidArray(oids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new RawConstraint(
                            rs.getLong("table_oid"),
                            rs.getString("constraint_name"),
                            rs.getString("constraint_type").charAt(0),
                            strings(rs.getArray("columns")),
                            rs.getString("referenced_schema"),
                            rs.getString("referenced_table"),
                            strings(rs.getArray("referenced_columns")),
                            rs.getString("on_delete"),
                            rs.getString("on_update"),
                            rs.getString("match_type"),
                            rs.getBoolean("deferrable"),
                            rs.getBoolean("deferred"),
                            rs.getBoolean("validated"),
                            rs.getString("definition")));
                }
            }
        }
        return out;
    }

    private List<RawIndex> indexes(Long[] oids) throws SQLException {
        List<RawIndex> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(SqlResources.load("indexes"))) {
            s.setArray(1, oidArray(oids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new RawIndex(
                            rs.getLong("table_oid"),
                            rs.getString("index_name"),
                            rs.getBoolean("is_unique"),
                            rs.getString("access_method"),
                            rs.getBoolean("is_valid"),
                            rs.getBoolean("has_expressions"),
                            rs.getBoolean("has_include"),
                            rs.getBoolean("has_options"),
                            rs.getString("predicate"),
                            rs.getString("definition"),
                            strings(rs.getArray("columns"))));
                }
            }
        }
        return out;
    }

    private List<RawEnum> enums(List<String> schemas, Long[] used) throws SQLException {
        List<RawEnum> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(SqlResources.load("enums"))) {
            s.setArray(1, textArray(schemas));
            s.setArray(2, oidArray(used));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new RawEnum(
                            rs.getLong("enum_oid"),
                            rs.getString("schema_name"),
                            rs.getString("enum_name"),
                            strings(rs.getArray("labels"))));
                }
            }
        }
        return out;
    }

    private Array textArray(List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private Array oidArray(Long[] values) throws SQLException {
        return connection.createArrayOf("oid", values);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String.class::cast).toList();
    }
}
