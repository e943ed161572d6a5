package dev.migrate.importpg;

import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.TableSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Foreign keys of a created table, added after every table is loaded. A key the data violates
 * (SQLite does not enforce foreign keys by default) is created {@code NOT VALID} — new rows are
 * checked, old ones kept — and its orphan rows are reported with their first keys. Rows are
 * never dropped to make a key valid.
 */
final class ForeignKeys {

    /** How many orphan rows a warning names. */
    static final int SHOWN_ORPHANS = 5;

    private static final Set<String> ACTIONS = Set.of("NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT");
    private static final Set<String> DEFERRABLE =
            Set.of("DEFERRABLE", "DEFERRABLE INITIALLY IMMEDIATE", "DEFERRABLE INITIALLY DEFERRED");

    private final ImportContext ctx;
    private final Connection c;
    private final String schema;
    private final Set<String> stagedTables;

    ForeignKeys(ImportContext ctx, Set<String> stagedTables) {
        this.ctx = ctx;
        this.c = ctx.connection;
        this.schema = ctx.schema();
        this.stagedTables = stagedTables;
    }

    void create(TableSchema t) throws SQLException {
        for (ForeignKey fk : t.foreignKeys()) {
            create(t, fk);
        }
    }

    private void create(TableSchema t, ForeignKey fk) throws SQLException {
        String parent = fk.referencedTable();
        String shown = describe(t, fk);
        if (!stagedTables.contains(parent)) {
            ctx.warn(
                    t.name(),
                    "foreign key " + shown + " not created: table " + PgNames.describe(parent)
                            + " is not in the staging directory");
            return;
        }
        List<String> refColumns = fk.referencedColumns();
        if (refColumns == null || refColumns.isEmpty()) {
            // SQLite "REFERENCES parent" without columns means the parent's primary key.
            refColumns = ctx.manifest
                    .schema()
                    .table(parent)
                    .map(TableSchema::primaryKey)
                    .orElse(List.of());
        }
        if (refColumns.size() != fk.columns().size()) {
            ctx.warn(t.name(), "foreign key " + shown + " not created: its column lists differ in length");
            return;
        }
        StringBuilder sql = new StringBuilder("ALTER TABLE ")
                .append(PgNames.qualified(schema, t.name()))
                .append(" ADD ");
        if (fk.name() != null && PgNames.fits(fk.name())) {
            sql.append("CONSTRAINT ").append(PgNames.quote(fk.name())).append(' ');
        }
        sql.append("FOREIGN KEY (")
                .append(quoted(fk.columns()))
                .append(") REFERENCES ")
                .append(PgNames.qualified(schema, parent))
                .append(" (")
                .append(quoted(refColumns))
                .append(")");
        appendAction(sql, "ON DELETE", fk.onDelete());
        appendAction(sql, "ON UPDATE", fk.onUpdate());
        if (fk.deferrable() != null && DEFERRABLE.contains(fk.deferrable().toUpperCase(Locale.ROOT))) {
            sql.append(' ').append(fk.deferrable().toUpperCase(Locale.ROOT));
        }
        SQLException e = Sql.attempt(c, sql.toString());
        if (e == null) {
            return;
        }
        if (!"23503".equals(e.getSQLState())) {
            ctx.warn(t.name(), "foreign key " + shown + " not created: " + SqlErrors.serverText(e));
            return;
        }
        // The data violates the key: keep every row, create it NOT VALID and name the orphans.
        SQLException again = Sql.attempt(c, sql + " NOT VALID");
        if (again != null) {
            ctx.warn(t.name(), "foreign key " + shown + " not created: " + SqlErrors.serverText(again));
            return;
        }
        ctx.warn(t.name(), "foreign key " + shown + " created NOT VALID: " + orphans(t, fk, parent, refColumns));
    }

    private void appendAction(StringBuilder sql, String clause, String action) {
        if (action != null && ACTIONS.contains(action.toUpperCase(Locale.ROOT))) {
            sql.append(' ').append(clause).append(' ').append(action.toUpperCase(Locale.ROOT));
        }
    }

    /** "3 rows have no matching parent, e.g. TrackId=5 (AlbumId=999), ..." */
    private String orphans(TableSchema t, ForeignKey fk, String parent, List<String> refColumns) throws SQLException {
        List<String> keyColumns = t.primaryKey().isEmpty() ? fk.columns() : t.primaryKey();
        StringBuilder where = new StringBuilder();
        for (String col : fk.columns()) {
            where.append("c.").append(PgNames.quote(col)).append(" IS NOT NULL AND ");
        }
        where.append("NOT EXISTS (SELECT 1 FROM ")
                .append(PgNames.qualified(schema, parent))
                .append(" p WHERE ");
        for (int i = 0; i < refColumns.size(); i++) {
            if (i > 0) {
                where.append(" AND ");
            }
            where.append("p.")
                    .append(PgNames.quote(refColumns.get(i)))
                    .append(" = c.")
                    .append(PgNames.quote(fk.columns().get(i)));
        }
        where.append(')');
        String from = " FROM " + PgNames.qualified(schema, t.name()) + " c WHERE " + where;
        long count;
        List<String> shown = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*)" + from)) {
                rs.next();
                count = rs.getLong(1);
            }
            String select = keyColumns.stream()
                            .map(k -> "c." + PgNames.quote(k) + "::text")
                            .collect(Collectors.joining(", "))
                    + ", "
                    + fk.columns().stream()
                            .map(k -> "c." + PgNames.quote(k) + "::text")
                            .collect(Collectors.joining(", "));
            String order = keyColumns.stream().map(k -> "c." + PgNames.quote(k)).collect(Collectors.joining(", "));
            try (ResultSet rs =
                    s.executeQuery("SELECT " + select + from + " ORDER BY " + order + " LIMIT " + SHOWN_ORPHANS)) {
                while (rs.next()) {
                    List<String> key = new ArrayList<>();
                    for (int i = 0; i < keyColumns.size(); i++) {
                        key.add(keyColumns.get(i) + "=" + rs.getString(i + 1));
                    }
                    List<String> ref = new ArrayList<>();
                    for (int i = 0; i < fk.columns().size(); i++) {
                        ref.add(fk.columns().get(i) + "=" + rs.getString(keyColumns.size() + i + 1));
                    }
                    shown.add(String.join(",", key) + " (" + String.join(",", ref) + ")");
                }
            }
        }
        return count + (count == 1 ? " row has" : " rows have") + " no matching row in " + PgNames.describe(parent)
                + ", kept as they are: " + String.join("; ", shown) + (count > shown.size() ? "; ..." : "");
    }

    private static String describe(TableSchema t, ForeignKey fk) {
        return (fk.name() == null ? "" : PgNames.describe(fk.name()) + " ")
                + PgNames.describe(t.name()) + " (" + String.join(", ", fk.columns()) + ") -> "
                + PgNames.describe(fk.referencedTable())
                + (fk.referencedColumns() == null || fk.referencedColumns().isEmpty()
                        ? ""
                        : " (" + String.join(", ", fk.referencedColumns()) + ")");
    }

    private static String quoted(List<String> names) {
        return names.stream().map(PgNames::quote).collect(Collectors.joining(", "));
    }
}
