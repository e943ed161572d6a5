package dev.migrate.exportpg;

import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.core.sql.PostgresDialect;
import dev.migrate.exportpg.SourceTable.SourceForeignKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds exported rows whose foreign key points at a row this export leaves out (in practice:
 * another user's row). Those references are reported, one line each, and not followed; the row
 * itself is exported with the value unchanged.
 *
 * <p>Line format: {@code chart_interpretations id=5010...: interpretation_id -> interpretations
 * id=6020... (not in this export)}; composite keys read {@code (a, b)=(1, 2)}.
 */
final class DanglingReferences {

    /** At most this many lines are listed; a last line counts the rest. */
    static final int MAX_LINES = 1000;

    private static final PostgresDialect SQL = PostgresDialect.INSTANCE;

    private DanglingReferences() {}

    /** The dangling references of the exported tables, plus per-table counts in {@code perTable}. */
    static List<String> find(
            PgSession session, TenantPlan plan, List<SourceTable> exported, Map<String, Long> perTable) {
        Map<TableKey, SourceTable> byKey = new LinkedHashMap<>();
        exported.forEach(t -> byKey.put(TableKey.of(t), t));
        List<String> lines = new ArrayList<>();
        long total = 0;
        for (SourceTable t : exported) {
            for (SourceForeignKey fk : t.foreignKeys()) {
                SourceTable parent =
                        byKey.get(new TableKey(fk.referencedSchema(), fk.key().referencedTable()));
                if (parent == null || plan.scope(TableKey.of(parent)) == TenantScope.SHARED) {
                    continue; // not exported (reported as a schema warning) or exported whole
                }
                long found = query(session, plan, t, fk.key(), parent, lines);
                if (found > 0) {
                    perTable.merge(t.name(), found, Long::sum);
                }
                total += found;
            }
        }
        if (lines.size() > MAX_LINES) {
            lines.subList(MAX_LINES, lines.size()).clear();
        }
        if (total > lines.size()) {
            lines.add("... and " + (total - lines.size()) + " more dangling references");
        }
        return lines;
    }

    /**
     * Rows left out because their owning foreign keys lead to the user and to another user at
     * once (a row two users own goes to neither), one line each, counted per table in {@code
     * perTable}.
     */
    static List<String> ambiguous(
            PgSession session, TenantPlan plan, List<SourceTable> exported, Map<String, Long> perTable) {
        List<String> lines = new ArrayList<>();
        long total = 0;
        for (SourceTable t : exported) {
            Cond cond = plan.ambiguous(TableKey.of(t));
            if (cond == null) {
                continue;
            }
            List<String> key = displayKey(t.schema());
            List<String> select = new ArrayList<>();
            for (String k : key) {
                select.add(k.equals("ctid") ? "CAST(ctid AS pg_catalog.text)" : text(SQL.quote(k)));
            }
            select.add("count(*) OVER ()");
            String sql = "SELECT " + String.join(", ", select) + " FROM " + t.fromItem() + " WHERE " + cond.sql()
                    + " LIMIT " + (MAX_LINES + 1);
            try (PreparedStatement s = session.connection().prepareStatement(sql)) {
                for (int i = 1; i <= cond.params(); i++) {
                    s.setString(i, plan.userId());
                }
                long found = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        List<String> values = new ArrayList<>();
                        for (int i = 0; i < key.size(); i++) {
                            values.add(rs.getString(i + 1));
                        }
                        found = rs.getLong(key.size() + 1);
                        lines.add(t.name() + " " + pairs(key, values)
                                + ": its owning foreign keys lead to this user and to another user (not exported)");
                    }
                }
                if (found > 0) {
                    perTable.merge(t.name(), found, Long::sum);
                }
                total += found;
            } catch (SQLException e) {
                throw session.error(e, t.name());
            }
        }
        if (lines.size() > MAX_LINES) {
            lines.subList(MAX_LINES, lines.size()).clear();
        }
        if (total > lines.size()) {
            lines.add("... and " + (total - lines.size()) + " more rows of ambiguous owner");
        }
        return lines;
    }

    private static long query(
            PgSession session, TenantPlan plan, SourceTable t, ForeignKey fk, SourceTable parent, List<String> out) {
        List<String> key = displayKey(t.schema());
        Cond own = plan.filter(TableKey.of(t));
        Cond theirs = plan.filter(TableKey.of(parent));
        String notNull = fk.columns().stream()
                .map(c -> "src." + SQL.quote(c) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        List<String> join = new ArrayList<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            join.add("ref." + SQL.quote(fk.referencedColumns().get(i)) + " = src."
                    + SQL.quote(fk.columns().get(i)));
        }
        if (!theirs.isTrue()) {
            join.add("(" + theirs.sql() + ")");
        }
        List<String> select = new ArrayList<>();
        for (String k : key) {
            select.add(k.equals("ctid") ? "CAST(src.ctid AS pg_catalog.text)" : text("src." + SQL.quote(k)));
        }
        fk.columns().forEach(c -> select.add(text("src." + SQL.quote(c))));
        select.add("count(*) OVER ()");
        String sql = "SELECT " + String.join(", ", select) + " FROM " + t.fromItem() + " src WHERE " + notNull
                + (own.isTrue() ? "" : " AND (" + own.sql() + ")") + " AND NOT EXISTS (SELECT 1 FROM "
                + parent.fromItem() + " ref WHERE " + String.join(" AND ", join) + ") LIMIT " + (MAX_LINES + 1);
        try (PreparedStatement s = session.connection().prepareStatement(sql)) {
            int n = own.params() + theirs.params();
            // Parameters in text order: the parent's filter (inside NOT EXISTS) comes after our own.
            for (int i = 1; i <= n; i++) {
                s.setString(i, plan.userId());
            }
            long total = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<String> keyValues = new ArrayList<>();
                    for (int i = 0; i < key.size(); i++) {
                        keyValues.add(rs.getString(i + 1));
                    }
                    List<String> fkValues = new ArrayList<>();
                    for (int i = 0; i < fk.columns().size(); i++) {
                        fkValues.add(rs.getString(key.size() + i + 1));
                    }
                    total = rs.getLong(key.size() + fk.columns().size() + 1);
                    out.add(t.name() + " " + pairs(key, keyValues) + ": " + names(fk.columns()) + " -> " + parent.name()
                            + " " + pairs(fk.referencedColumns(), fkValues) + " (not in this export)");
                }
            }
            return total;
        } catch (SQLException e) {
            throw session.error(e, t.name());
        }
    }

    private static String text(String expr) {
        return "CAST(" + expr + " AS pg_catalog.text)";
    }

    /** The columns that identify a row in the report: primary key, else a unique key, else ctid. */
    private static List<String> displayKey(TableSchema t) {
        if (!t.primaryKey().isEmpty()) {
            return t.primaryKey();
        }
        return t.uniqueConstraints().stream()
                .map(UniqueConstraint::columns)
                .findFirst()
                .orElse(List.of("ctid"));
    }

    private static String names(List<String> columns) {
        return columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
    }

    private static String pairs(List<String> columns, List<String> values) {
        if (columns.size() == 1) {
            return columns.get(0) + "=" + values.get(0);
        }
        return "(" + String.join(", ", columns) + ")=(" + String.join(", ", values) + ")";
    }
}
