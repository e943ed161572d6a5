package dev.migrate.validate;

import dev.migrate.core.canonical.SqliteConversion;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Integrity checks of a SQLite file: {@code PRAGMA integrity_check}, {@code PRAGMA
 * foreign_key_check}, stored formats of the compared columns (JSON parses, uuid, ISO dates and
 * timestamps, booleans 0/1; one scan per table for all its columns), and {@code sqlite_sequence}
 * at or past {@code max(rowid)} for AUTOINCREMENT tables.
 */
final class SqliteChecks {

    private static final String HEX = "[0-9a-f]";
    private static final String UUID_GLOB =
            HEX.repeat(8) + "-" + HEX.repeat(4) + "-" + HEX.repeat(4) + "-" + HEX.repeat(4) + "-" + HEX.repeat(12);
    private static final String DAY = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]";
    private static final String CLOCK = "[0-2][0-9]:[0-5][0-9]:[0-5][0-9]";

    private final SqliteSide side;
    private final boolean isTarget;
    private final Findings findings;

    SqliteChecks(SqliteSide side, boolean isTarget, Findings findings) {
        this.side = side;
        this.isTarget = isTarget;
        this.findings = findings;
    }

    void integrity() {
        List<String> problems = new ArrayList<>();
        side.query("pragma integrity_check", null, rs -> problems.add(rs.getString(1)));
        if (!(problems.size() == 1 && problems.get(0).equals("ok"))) {
            findings.problem(
                    isTarget,
                    "PRAGMA integrity_check: " + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
        }
    }

    /**
     * Orphans by child and parent table. References the export itself reported as dangling (a
     * user's row pointing at another user's row, kept as is) are warnings, not errors.
     */
    void foreignKeys(List<String> danglingReferences) {
        Map<String, long[]> orphans = new LinkedHashMap<>();
        Map<String, Long> firstRowid = new LinkedHashMap<>();
        side.query("pragma foreign_key_check", null, rs -> {
            String key = rs.getString(1) + "\u0000" + rs.getString(3);
            orphans.computeIfAbsent(key, k -> new long[1])[0]++;
            firstRowid.putIfAbsent(key, rs.getObject(2) == null ? null : rs.getLong(2));
        });
        orphans.forEach((key, n) -> {
            String[] parts = key.split("\u0000");
            String message = "foreign-key orphans: " + n[0] + " row(s) of table \"" + parts[0]
                    + "\" reference missing rows of \"" + parts[1] + "\""
                    + (firstRowid.get(key) == null ? "" : " (first rowid " + firstRowid.get(key) + ")");
            boolean reported = danglingReferences.stream().anyMatch(d -> d.contains(parts[0]));
            if (reported) {
                findings.warning("target: " + message + "; the export reported these references as dangling");
            } else {
                findings.problem(isTarget, message);
            }
        });
    }

    /**
     * Stored formats of one table's compared columns, all in one SQL scan: for a side whose rows
     * the comparison does not check as it reads them ({@link SqliteSide#checksStoredForms}).
     * Columns whose values export-sqlite converted (epoch numbers) are not checked: their storage
     * form is the number.
     */
    void formats(String table, List<String> columns, List<ColumnSchema> compared, List<String> keyColumns) {
        List<Integer> checked = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < columns.size(); i++) {
            String bad = condition(columns.get(i), compared.get(i));
            if (bad != null) {
                sql.append(checked.isEmpty() ? "" : ", ")
                        .append("coalesce(sum(")
                        .append(bad)
                        .append("), 0)");
                checked.add(i);
            }
        }
        if (checked.isEmpty()) {
            return;
        }
        sql.append(" from ").append(SqliteSide.quote(table));
        long[] counts = new long[columns.size()];
        side.query(sql.toString(), table, rs -> {
            for (int k = 0; k < checked.size(); k++) {
                counts[checked.get(k)] = rs.getLong(k + 1);
            }
        });
        reportFormats(table, columns, compared, keyColumns, counts);
    }

    /**
     * Reports the columns of one table with values not in their storage form: {@code counts[i]}
     * for compared column {@code i}, counted by SQL ({@link #formats}) or by the comparison's read
     * ({@link StoredForm}). The first offending row is looked up by the column's SQL condition.
     */
    void reportFormats(
            String table, List<String> columns, List<ColumnSchema> compared, List<String> keyColumns, long[] counts) {
        for (int i = 0; i < columns.size(); i++) {
            if (counts[i] == 0) {
                continue;
            }
            String first = firstKey(table, condition(columns.get(i), compared.get(i)), keyColumns);
            findings.problem(
                    isTarget,
                    "table \"" + table + "\", column \"" + columns.get(i) + "\": " + counts[i]
                            + " value(s) not in the "
                            + compared.get(i).type().kind().jsonName() + " storage form"
                            + first);
        }
    }

    /** The SQL condition of a bad stored value of the column, or null when it is not checked. */
    static String condition(String column, ColumnSchema compared) {
        return SqliteConversion.of(compared).isEpoch() ? null : badFormat(SqliteSide.quote(column), compared.type());
    }

    private String firstKey(String table, String condition, List<String> keyColumns) {
        List<String> cols = keyColumns.isEmpty() ? List.of("rowid") : keyColumns;
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append(
                            cols.get(i).equals("rowid") && keyColumns.isEmpty()
                                    ? "rowid"
                                    : SqliteSide.quote(cols.get(i)));
        }
        sql.append(" from ")
                .append(SqliteSide.quote(table))
                .append(" where ")
                .append(condition)
                .append(" limit 1");
        StringBuilder out = new StringBuilder();
        side.query(sql.toString(), table, rs -> {
            out.append(" (first at ");
            for (int i = 0; i < cols.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(cols.get(i)).append('=').append(rs.getString(i + 1));
            }
            out.append(')');
        });
        return out.toString();
    }

    /**
     * A SQL condition true for a stored value that is not in the type's storage form, or null for
     * no check. {@code date(x) is x}, not {@code =}: {@code date()} is NULL for a day it cannot
     * read ({@code 2024-13-45}), and NULL would have let the value pass.
     */
    static String badFormat(String c, StagingType type) {
        StagingKind k = type.kind();
        String valid = switch (k) {
            case JSON, JSONB -> "typeof(" + c + ") = 'text' and json_valid(" + c + ")";
            // json_type() raises an error on malformed JSON, and AND does not promise to skip it: CASE does.
            case ARRAY ->
                "typeof(" + c + ") = 'text' and case when json_valid(" + c + ") then json_type(" + c
                        + ") = 'array' else 0 end";
            case UUID -> "typeof(" + c + ") = 'text' and " + c + " glob '" + UUID_GLOB + "'";
            case BOOLEAN -> "typeof(" + c + ") = 'integer' and " + c + " in (0, 1)";
            case DATE ->
                "typeof(" + c + ") = 'text' and ((" + c + " glob '" + DAY + "' and date(" + c + ") is " + c + ") or "
                        + c + " glob '-" + DAY + "' or " + c + " in ('infinity', '-infinity'))";
            case TIMESTAMP, TIMESTAMPTZ ->
                "typeof(" + c + ") = 'text' and ((" + c + " glob '" + DAY + "[ T]" + CLOCK
                        + "*' and date(substr(" + c + ", 1, 10)) is substr(" + c + ", 1, 10)) or " + c + " glob '-"
                        + DAY
                        + "[ T]" + CLOCK + "*' or " + c + " in ('infinity', '-infinity'))";
            case TIME, TIMETZ -> "typeof(" + c + ") = 'text' and " + c + " glob '" + CLOCK + "*'";
            default -> null;
        };
        return valid == null ? null : "(" + c + " is not null and not (" + valid + "))";
    }

    /** {@code sqlite_sequence.seq} must be at or past {@code max(rowid)}, or ids would be reused. */
    void sequences(List<String> tables) {
        boolean hasSequenceTable;
        try (Statement s = side.connection().createStatement();
                ResultSet rs = s.executeQuery("select count(*) from sqlite_schema where name = 'sqlite_sequence'")) {
            rs.next();
            hasSequenceTable = rs.getLong(1) > 0;
        } catch (java.sql.SQLException e) {
            throw Databases.failure(side.endpoint(), null, "cannot read sqlite_schema", e);
        }
        for (String table : tables) {
            boolean[] autoincrement = new boolean[1];
            side.query(
                    "select sql from sqlite_schema where type = 'table' and name = ?",
                    table,
                    rs -> {
                        String sql = rs.getString(1);
                        autoincrement[0] = sql != null
                                && sql.toUpperCase(java.util.Locale.ROOT).contains("AUTOINCREMENT");
                    },
                    table);
            if (!autoincrement[0]) {
                continue;
            }
            Long[] max = new Long[1];
            side.query(
                    "select max(rowid) from " + SqliteSide.quote(table),
                    table,
                    rs -> max[0] = rs.getObject(1) == null ? null : rs.getLong(1));
            if (max[0] == null) {
                continue;
            }
            Long[] seq = new Long[1];
            if (hasSequenceTable) {
                side.query(
                        "select seq from sqlite_sequence where name = ?", table, rs -> seq[0] = rs.getLong(1), table);
            }
            if (seq[0] == null || seq[0] < max[0]) {
                findings.problem(
                        isTarget,
                        "table \"" + table + "\": sqlite_sequence is " + (seq[0] == null ? "missing" : seq[0])
                                + " but max(rowid) is " + max[0] + ": AUTOINCREMENT would reuse ids");
            }
        }
    }
}
