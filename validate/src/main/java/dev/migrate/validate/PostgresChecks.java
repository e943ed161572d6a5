package dev.migrate.validate;

import dev.migrate.core.OneLine;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Integrity checks of a PostgreSQL schema: foreign-key orphans by anti-join (for every foreign
 * key of the compared tables, from the catalog), and identity/serial sequences that would hand out
 * an id at or below {@code max(id)}.
 */
final class PostgresChecks {

    private final PostgresSide side;
    private final boolean isTarget;
    private final Findings findings;

    PostgresChecks(PostgresSide side, boolean isTarget, Findings findings) {
        this.side = side;
        this.isTarget = isTarget;
        this.findings = findings;
    }

    private record ForeignKey(
            String name,
            String child,
            String parent,
            String parentSchema,
            boolean validated,
            List<String> childColumns,
            List<String> parentColumns) {}

    /**
     * Orphans per foreign key. A NOT VALID constraint is how import-postgres keeps a source's
     * orphans (listed at import): those are warnings; orphans under a validated constraint can
     * only come from disabled triggers and are errors.
     */
    void foreignKeys(Set<String> tables) {
        Map<String, ForeignKey> keys = new LinkedHashMap<>();
        side.query(
                SqlResources.load("pg_foreign_keys.sql"),
                null,
                rs -> {
                    String id = rs.getString(2) + "\u0000" + rs.getString(1);
                    ForeignKey fk = keys.computeIfAbsent(id, k -> {
                        try {
                            return new ForeignKey(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getBoolean(5),
                                    new ArrayList<>(),
                                    new ArrayList<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    fk.childColumns().add(rs.getString(6));
                    fk.parentColumns().add(rs.getString(7));
                },
                side.schema());
        for (ForeignKey fk : keys.values()) {
            if (!tables.contains(fk.child())) {
                continue;
            }
            long orphans = countOrphans(fk);
            if (orphans == 0) {
                continue;
            }
            String message = "foreign-key orphans: " + orphans + " row(s) of table \"" + fk.child() + "\" ("
                    + String.join(", ", fk.childColumns()) + ") reference missing rows of \"" + fk.parent()
                    + "\" (constraint " + fk.name() + ")";
            if (!fk.validated()) {
                findings.warning((isTarget ? "target: " : "source: ") + message
                        + "; the constraint is NOT VALID, as import keeps a source's orphans");
            } else {
                findings.problem(isTarget, message);
            }
        }
    }

    private long countOrphans(ForeignKey fk) {
        StringBuilder sql = new StringBuilder("select count(*) from ")
                .append(side.qualified(fk.child()))
                .append(" c where ");
        StringBuilder match = new StringBuilder();
        for (int i = 0; i < fk.childColumns().size(); i++) {
            String cc = "c." + PostgresSide.quote(fk.childColumns().get(i));
            sql.append(cc).append(" is not null and ");
            match.append(i == 0 ? "" : " and ")
                    .append("p.")
                    .append(PostgresSide.quote(fk.parentColumns().get(i)))
                    .append(" = ")
                    .append(cc);
        }
        sql.append("not exists (select 1 from ")
                .append(dev.migrate.core.sql.PostgresDialect.INSTANCE.quoteQualified(fk.parentSchema(), fk.parent()))
                .append(" p where ")
                .append(match)
                .append(')');
        long[] n = new long[1];
        side.query(sql.toString(), fk.child(), rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    /**
     * Every identity or serial sequence must hand out a value above {@code max(column)}. A
     * sequence this role may not read (no SELECT or USAGE on it, while it may read the table) is
     * not checked, with a warning naming it and the grant that would include it: the data
     * comparison does not need it, and export-postgres does not either.
     */
    void sequences(Set<String> tables) {
        record Seq(String table, String column, long next, long increment, boolean readable, String sequence) {}
        List<Seq> seqs = new ArrayList<>();
        side.query(
                SqlResources.load("pg_sequences.sql"),
                null,
                rs -> seqs.add(new Seq(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getBoolean(5),
                        rs.getString(6))),
                side.schema());
        for (Seq s : seqs) {
            if (!tables.contains(s.table())) {
                continue;
            }
            if (!s.readable()) {
                findings.warning((isTarget ? "target" : "source") + ": table " + OneLine.identifier(s.table())
                        + ": sequence " + OneLine.identifier(s.sequence()) + " of column "
                        + OneLine.identifier(s.column()) + " not checked: this role lacks SELECT (or USAGE) on it;"
                        + " grant SELECT on the sequence to check that new ids will not collide");
                continue;
            }
            String sql = "select max(" + PostgresSide.quote(s.column()) + ")::text from " + side.qualified(s.table());
            String max = null;
            try (PreparedStatement ps = side.connection().prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                max = rs.getString(1);
            } catch (SQLException e) {
                throw Databases.failure(side.endpoint(), s.table(), "cannot read max(" + s.column() + ")", e);
            }
            if (max == null || s.increment() < 0) {
                continue;
            }
            if (s.next() <= Long.parseLong(max)) {
                findings.problem(
                        isTarget,
                        "table \"" + s.table() + "\": the sequence of column \"" + s.column()
                                + "\" would hand out " + s.next() + " but max(" + s.column() + ") is " + max
                                + ": inserts without an id would collide");
            }
        }
    }
}
