package dev.migrate.importsqlite;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.sql.SqliteDialect;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.TenantFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks run on the finished database before it may replace the target.
 *
 * <p>{@code PRAGMA foreign_key_check}: rows are loaded with foreign keys off (any table order, and
 * faster), so every reference is checked once at the end. A violation fails the import, naming
 * the table, the rowid, the referencing values and the parent, except in two cases where the value
 * is kept and each one reported as a warning (nothing is lost, and a round trip gives the source
 * back):
 *
 * <ul>
 *   <li>the source was SQLite, which does not enforce foreign keys unless asked, so the violation
 *       was already in the source;
 *   <li>a tenant export whose manifest lists the reference among its {@code danglingReferences}: an
 *       owned row that points at another user's row, which was deliberately not exported. A
 *       violation matches a listed line when the line names the referencing table and every
 *       referencing value. Any violation the manifest does not explain still fails the import.
 * </ul>
 *
 * <p>{@code PRAGMA integrity_check} must answer {@code ok}.
 */
final class IntegrityChecks {

    /** Warnings list at most this many individual violations per foreign key, then a count. */
    static final int LISTED_PER_KEY = 20;

    private final Connection c;
    private final Manifest manifest;
    private final Notes notes;
    private final Map<String, TablePlan> plansByTarget = new HashMap<>();

    IntegrityChecks(Connection c, Manifest manifest, List<InsertPlan> loaded, Notes notes) {
        this.c = c;
        this.manifest = manifest;
        this.notes = notes;
        loaded.forEach(ip -> plansByTarget.put(ip.table(), ip.plan()));
    }

    private record Violation(String table, Long rowid, String parent, int fkId) {}

    /**
     * Streams the violations (there may be millions in a SQLite source): each is either tolerated,
     * counted and, up to {@link #LISTED_PER_KEY} per foreign key, listed, or it fails the import.
     */
    void foreignKeys() throws SQLException {
        boolean sqliteSource = manifest.source() != null
                && "sqlite".equalsIgnoreCase(manifest.source().dialect());
        TenantFilter tenant = manifest.tenant();
        Map<String, Integer> listed = new LinkedHashMap<>();
        Map<String, List<String>> columnsByKey = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                long rowid = rs.getLong(2);
                Violation v =
                        new Violation(rs.getString(1), rs.wasNull() ? null : rowid, rs.getString(3), rs.getInt(4));
                String key = v.table() + "#" + v.fkId();
                List<String> columns = columnsByKey.get(key);
                if (columns == null) {
                    columns = fkColumns(v.table(), v.fkId());
                    columnsByKey.put(key, columns);
                }
                String why;
                if (sqliteSource) {
                    why = "the SQLite source already held it";
                } else if (tenant != null && isReported(tenant, v, columns)) {
                    why = "a dangling reference the export reported (the referenced row belongs to another user)";
                } else {
                    String values = v.rowid() == null ? null : values(v.table(), v.rowid(), columns);
                    throw MigrateException.input(
                            Location.table(sourceName(v.table())).withColumn(String.join(", ", columns)),
                            "foreign key violation in the new database: row with rowid " + v.rowid() + " has "
                                    + (values == null ? "a value" : values) + " with no matching row in \""
                                    + v.parent() + "\"");
                }
                int n = listed.merge(key, 1, Integer::sum);
                if (n <= LISTED_PER_KEY) {
                    String values = v.rowid() == null ? null : values(v.table(), v.rowid(), columns);
                    notes.warn("foreign key violation kept: \"" + v.table() + "\" rowid " + v.rowid() + " " + columns
                            + (values == null ? "" : " = " + values) + " → \"" + v.parent() + "\" (" + why + ")");
                }
            }
        }
        listed.forEach((key, n) -> {
            if (n > LISTED_PER_KEY) {
                notes.warn("... " + (n - LISTED_PER_KEY) + " more violations of the same foreign key in \""
                        + key.substring(0, key.lastIndexOf('#')) + "\"");
            }
        });
    }

    /** The manifest lists the dangling reference: a line naming the source table and every referencing value. */
    private boolean isReported(TenantFilter tenant, Violation v, List<String> columns) throws SQLException {
        if (tenant.danglingReferences() == null || tenant.danglingReferences().isEmpty()) {
            return false;
        }
        String source = sourceName(v.table());
        List<String> vals = v.rowid() == null ? List.of() : rawValues(v.table(), v.rowid(), columns);
        for (String line : tenant.danglingReferences()) {
            if (!line.contains(source)) {
                continue;
            }
            boolean all = true;
            for (String val : vals) {
                if (val == null || !line.contains(val)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private String sourceName(String target) {
        TablePlan p = plansByTarget.get(target);
        return p == null ? target : p.source().name();
    }

    private List<String> fkColumns(String table, int id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE id = ? ORDER BY seq")) {
            ps.setString(1, table);
            ps.setInt(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private List<String> rawValues(String table, long rowid, List<String> columns) throws SQLException {
        SqliteDialect sql = SqliteDialect.INSTANCE;
        List<String> quoted = new ArrayList<>();
        columns.forEach(col -> quoted.add(sql.quote(col)));
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + String.join(", ", quoted) + " FROM " + sql.quote(table) + " WHERE rowid = ?")) {
            ps.setLong(1, rowid);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        out.add(rs.getString(i));
                    }
                }
            }
        }
        return out;
    }

    private String values(String table, long rowid, List<String> columns) throws SQLException {
        List<String> raw = rawValues(table, rowid, columns);
        List<String> shown = new ArrayList<>();
        for (String v : raw) {
            shown.add(v == null ? "NULL" : "'" + (v.length() > 60 ? v.substring(0, 57) + "..." : v) + "'");
        }
        return shown.size() == 1 ? shown.get(0) : "(" + String.join(", ", shown) + ")";
    }

    /** {@code PRAGMA integrity_check} of the database {@code c} reads must answer {@code ok}. */
    static void integrity(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            String first = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(first)) {
                throw MigrateException.runtime(
                        "the new database failed PRAGMA integrity_check: " + first + "; the target was not replaced",
                        null);
            }
        }
    }
}
