package dev.migrate.exportpg;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A SQL condition over one table's columns, with its parameters. In a tenant export every
 * parameter is the user's key as text, so only their count is kept. TRUE and FALSE simplify away,
 * which keeps the composed filters readable ({@code user_id = CAST(? AS uuid) OR user_id IS NULL}).
 */
final class Cond {

    static final Cond TRUE = new Cond("TRUE", 0);
    static final Cond FALSE = new Cond("FALSE", 0);

    private final String sql;
    private final int params;

    private Cond(String sql, int params) {
        this.sql = sql;
        this.params = params;
    }

    static Cond sql(String sql, int params) {
        return new Cond(sql, params);
    }

    String sql() {
        return sql;
    }

    int params() {
        return params;
    }

    boolean isTrue() {
        return this == TRUE;
    }

    boolean isFalse() {
        return this == FALSE;
    }

    static Cond or(List<Cond> parts) {
        List<Cond> kept = new ArrayList<>();
        for (Cond c : parts) {
            if (c.isTrue()) {
                return TRUE;
            }
            if (!c.isFalse()) {
                kept.add(c);
            }
        }
        return combine(kept, " OR ", FALSE);
    }

    static Cond and(List<Cond> parts) {
        List<Cond> kept = new ArrayList<>();
        for (Cond c : parts) {
            if (c.isFalse()) {
                return FALSE;
            }
            if (!c.isTrue()) {
                kept.add(c);
            }
        }
        return combine(kept, " AND ", TRUE);
    }

    private static Cond combine(List<Cond> kept, String op, Cond empty) {
        if (kept.isEmpty()) {
            return empty;
        }
        if (kept.size() == 1) {
            return kept.get(0);
        }
        String text = kept.stream().map(c -> "(" + c.sql + ")").collect(Collectors.joining(op));
        return new Cond(text, kept.stream().mapToInt(c -> c.params).sum());
    }

    /** {@code sql} for a WHERE clause, or null when every row qualifies. */
    String whereOrNull() {
        return isTrue() ? null : sql;
    }

    @Override
    public String toString() {
        return sql;
    }
}
