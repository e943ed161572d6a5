package dev.migrate.importpg;

import dev.migrate.core.canonical.ColumnReader;
import dev.migrate.core.canonical.PostgresValues;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.Identity;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written single-user export of one user of the schema_design reference database, shaped
 * like {@code sqlite/single_user_schema.sql} (app_config singleton holding the user with its id in
 * {@code user_id}, a user_preferences singleton keyed by {@code id = 1}, owner columns dropped,
 * shared interpretations and location_cache included). Row selection is spelled out per table
 * (independent of the importer's own scope logic) and the counts are checked against the
 * schema_design README.
 */
final class TenantExportFixture {

    private TenantExportFixture() {}

    /** table -> WHERE clause over alias t ({@code ?} = the user's id). */
    private static final Map<String, String> SELECTION = new LinkedHashMap<>();

    static {
        SELECTION.put("user_preferences", "t.user_id = ?");
        SELECTION.put("location_cache", "true");
        SELECTION.put("clients", "t.user_id = ?");
        SELECTION.put("birth_data", "t.client_id in (select c.id from clients c where c.user_id = ?)");
        SELECTION.put("charts", "t.user_id = ?");
        SELECTION.put("interpretations", "(t.user_id = ? or t.user_id is null)");
        SELECTION.put("chart_interpretations", "t.chart_id in (select c.id from charts c where c.user_id = ?)");
        SELECTION.put("aspect_patterns", "t.user_id = ?");
        SELECTION.put("transit_events", "t.user_id = ?");
        SELECTION.put("session_notes", "t.user_id = ?");
    }

    /** Writes the export of {@code email} from the database behind {@code c}; returns row counts per staged table. */
    static Map<String, Long> export(Connection c, String email, Path dir) throws SQLException {
        PostgresValues.prepareSession(c);
        TargetCatalog catalog = TargetCatalog.read(c, "public");
        String userId;
        try (PreparedStatement ps = c.prepareStatement("select id::text from users where email = ?")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                userId = rs.getString(1);
            }
        }
        StagingFixture fixture = StagingFixture.fromSqlite()
                .enumType("chart_type", catalog.enums.get("chart_type").toArray(new String[0]));
        Map<String, Long> counts = new LinkedHashMap<>();

        // app_config: singleton id, the user's id as user_id, then the other users columns.
        TargetCatalog.Table users = catalog.tables.get("users");
        List<ColumnSchema> appColumns = new ArrayList<>();
        appColumns.add(singletonKey());
        List<TargetCatalog.Column> userCols = new ArrayList<>();
        for (TargetCatalog.Column col : users.columns) {
            userCols.add(col);
            appColumns.add(column(col.name().equals("id") ? "user_id" : col.name(), col));
        }
        List<Object[]> appRows = rows(c, "users", userCols, "t.email = ?", email, true);
        counts.put("app_config", (long) appRows.size());
        fixture.add(schema("app_config", appColumns, List.of("id")), appRows::iterator);

        for (var e : SELECTION.entrySet()) {
            TargetCatalog.Table t = catalog.tables.get(e.getKey());
            List<ColumnSchema> columns = new ArrayList<>();
            List<TargetCatalog.Column> selected = new ArrayList<>();
            boolean singleton = t.primaryKey.equals(List.of("user_id"));
            if (singleton) {
                columns.add(singletonKey());
            }
            for (TargetCatalog.Column col : t.columns) {
                if (!col.name().equals("user_id")) {
                    selected.add(col);
                    columns.add(column(col.name(), col));
                }
            }
            List<Object[]> rows = rows(c, t.name, selected, e.getValue(), userId, singleton);
            counts.put(t.name, (long) rows.size());
            List<String> pk = singleton ? List.of("id") : t.primaryKey;
            fixture.add(schema(t.name, columns, pk), rows::iterator);
        }
        fixture.write(dir);
        return counts;
    }

    private static ColumnSchema singletonKey() {
        return new ColumnSchema(
                "id",
                "INTEGER",
                StagingType.of(StagingKind.INT64),
                false,
                null,
                null,
                new Identity("rowid", null, null),
                null);
    }

    private static ColumnSchema column(String name, TargetCatalog.Column col) {
        Identity identity = col.sequence() != null ? new Identity("autoincrement", null, null) : null;
        return new ColumnSchema(name, col.declaredType(), col.type(), !col.notNull(), null, null, identity, null);
    }

    private static TableSchema schema(String name, List<ColumnSchema> columns, List<String> pk) {
        return new TableSchema(name, null, columns, pk, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static List<Object[]> rows(
            Connection c, String table, List<TargetCatalog.Column> cols, String where, String param, boolean singleton)
            throws SQLException {
        List<String> selects = new ArrayList<>();
        List<ColumnReader> readers = new ArrayList<>();
        for (TargetCatalog.Column col : cols) {
            selects.add("t." + PostgresValues.INSTANCE.selectExpression(col.name(), col.type()));
            readers.add(PostgresValues.INSTANCE.reader(col.type()));
        }
        String sql = "select " + String.join(", ", selects) + " from " + table + " t where " + where + " order by 1";
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = sql.length() - sql.replace("?", "").length();
            for (int i = 1; i <= n; i++) {
                ps.setObject(i, param, java.sql.Types.OTHER);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int offset = singleton ? 1 : 0;
                    Object[] row = new Object[cols.size() + offset];
                    if (singleton) {
                        row[0] = 1L;
                    }
                    for (int i = 0; i < cols.size(); i++) {
                        row[i + offset] = readers.get(i).read(rs, i + 1);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }
}
