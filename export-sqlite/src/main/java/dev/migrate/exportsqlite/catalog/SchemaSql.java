package dev.migrate.exportsqlite.catalog;

import dev.migrate.exportsqlite.catalog.SqlTokenizer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Facts about a table that SQLite's PRAGMAs do not report and that only its {@code CREATE TABLE}
 * text holds: AUTOINCREMENT, WITHOUT ROWID and STRICT, CHECK constraints (and the enum labels
 * import-sqlite writes as {@code CHECK (col IN ('a','b'))}), generated-column expressions,
 * constraint names and DEFERRABLE clauses. Column names are keyed in lower case because SQLite
 * compares names case-insensitively.
 *
 * @param autoincrement whether the table has an AUTOINCREMENT column
 * @param withoutRowid whether the table is WITHOUT ROWID
 * @param strict whether the table is STRICT
 * @param checks each CHECK constraint as written ({@code CHECK (x > 0)})
 * @param enumLabels column (lower case) to the labels of its {@code CHECK (col IN (...))}
 * @param generated column (lower case) to its generation expression
 * @param uniqueNames named UNIQUE constraints
 * @param foreignKeys named or deferrable foreign-key clauses
 */
public record SchemaSql(
        boolean autoincrement,
        boolean withoutRowid,
        boolean strict,
        List<String> checks,
        Map<String, List<String>> enumLabels,
        Map<String, String> generated,
        List<Clause> uniqueNames,
        List<Clause> foreignKeys) {

    /**
     * A constraint clause over some columns.
     *
     * @param columns the columns as written
     * @param name the constraint name, or null
     * @param deferrable {@code DEFERRABLE INITIALLY IMMEDIATE}, {@code DEFERRABLE INITIALLY
     *     DEFERRED}, or null
     */
    public record Clause(List<String> columns, String name, String deferrable) {

        /** True when this clause is over the same columns (ignoring case, in order). */
        public boolean covers(List<String> other) {
            if (other.size() != columns.size()) {
                return false;
            }
            for (int i = 0; i < other.size(); i++) {
                if (!other.get(i).equalsIgnoreCase(columns.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Set<String> TABLE_CONSTRAINT_STARTS =
            Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    /** Words that start a new column constraint, ending a REFERENCES clause. */
    private static final Set<String> CONSTRAINT_WORDS = Set.of(
            "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS", "NULL");

    /** Reads the facts from a {@code CREATE TABLE} statement; an unparsable text yields no facts. */
    public static SchemaSql parseCreateTable(String sql) {
        Builder b = new Builder(sql == null ? "" : sql);
        b.parse();
        return new SchemaSql(
                b.autoincrement,
                b.withoutRowid,
                b.strict,
                List.copyOf(b.checks),
                Map.copyOf(b.enumLabels),
                Map.copyOf(b.generated),
                List.copyOf(b.unique),
                List.copyOf(b.foreignKeys));
    }

    /**
     * The predicate of a partial index ({@code CREATE INDEX i ON t (c) WHERE x > 0} gives
     * {@code x > 0}), or null when the index has none.
     */
    public static String partialIndexPredicate(String createIndexSql) {
        if (createIndexSql == null) {
            return null;
        }
        List<Token> tokens = SqlTokenizer.tokenize(createIndexSql);
        int on = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is("ON")) {
                on = i;
                break;
            }
        }
        for (int i = on + 1; on >= 0 && i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                int close = SqlTokenizer.closing(tokens, i);
                if (close + 1 < tokens.size() && tokens.get(close + 1).is("WHERE") && close + 2 < tokens.size()) {
                    return createIndexSql
                            .substring(tokens.get(close + 2).start())
                            .strip();
                }
                return null;
            }
        }
        return null;
    }

    private static final class Builder {
        final String sql;
        boolean autoincrement;
        boolean withoutRowid;
        boolean strict;
        final List<String> checks = new ArrayList<>();
        final Map<String, List<String>> enumLabels = new LinkedHashMap<>();
        final Map<String, String> generated = new LinkedHashMap<>();
        final List<Clause> unique = new ArrayList<>();
        final List<Clause> foreignKeys = new ArrayList<>();

        Builder(String sql) {
            this.sql = sql;
        }

        void parse() {
            List<Token> tokens = SqlTokenizer.tokenize(sql);
            autoincrement = tokens.stream().anyMatch(t -> t.is("AUTOINCREMENT"));
            int open = -1;
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).isSymbol("(")) {
                    open = i;
                    break;
                }
                if (tokens.get(i).is("AS")) {
                    return; // CREATE TABLE ... AS SELECT: no definitions to read
                }
            }
            if (open < 0) {
                return;
            }
            int close = SqlTokenizer.closing(tokens, open);
            readOptions(tokens.subList(Math.min(close + 1, tokens.size()), tokens.size()));
            int depth = 0;
            int start = open + 1;
            for (int i = open + 1; i < close; i++) {
                Token t = tokens.get(i);
                if (t.isSymbol("(")) {
                    depth++;
                } else if (t.isSymbol(")")) {
                    depth--;
                } else if (depth == 0 && t.isSymbol(",")) {
                    definition(tokens.subList(start, i));
                    start = i + 1;
                }
            }
            definition(tokens.subList(start, close));
        }

        private void readOptions(List<Token> tail) {
            for (int i = 0; i < tail.size(); i++) {
                if (tail.get(i).is("WITHOUT")
                        && i + 1 < tail.size()
                        && tail.get(i + 1).is("ROWID")) {
                    withoutRowid = true;
                } else if (tail.get(i).is("STRICT")) {
                    strict = true;
                }
            }
        }

        /** One column definition or table constraint. */
        private void definition(List<Token> def) {
            if (def.isEmpty()) {
                return;
            }
            Token first = def.get(0);
            boolean tableConstraint =
                    first.kind() == SqlTokenizer.Kind.WORD && TABLE_CONSTRAINT_STARTS.contains(first.upper());
            String column = tableConstraint ? null : first.text();
            String pendingName = null;
            int i = tableConstraint ? 0 : 1;
            while (i < def.size()) {
                Token t = def.get(i);
                if (t.is("CONSTRAINT") && i + 1 < def.size()) {
                    pendingName = def.get(i + 1).text();
                    i += 2;
                } else if (t.is("CHECK") && isOpen(def, i + 1)) {
                    int close = SqlTokenizer.closing(def, i + 1);
                    checks.add(sql.substring(t.start(), def.get(close).end()));
                    enumCheck(def.subList(i + 2, close));
                    pendingName = null;
                    i = close + 1;
                } else if (t.is("AS") && column != null && isOpen(def, i + 1)) {
                    int close = SqlTokenizer.closing(def, i + 1);
                    generated.put(
                            key(column),
                            sql.substring(def.get(i + 1).end(), def.get(close).start())
                                    .strip());
                    i = close + 1;
                } else if (t.is("UNIQUE")) {
                    if (column == null && isOpen(def, i + 1)) {
                        int close = SqlTokenizer.closing(def, i + 1);
                        unique.add(new Clause(names(def.subList(i + 2, close)), pendingName, null));
                        i = close + 1;
                    } else {
                        unique.add(new Clause(column == null ? List.of() : List.of(column), pendingName, null));
                        i++;
                    }
                    pendingName = null;
                } else if (t.is("FOREIGN") && column == null) {
                    int open = i + 1;
                    while (open < def.size() && !def.get(open).isSymbol("(")) {
                        open++;
                    }
                    if (open >= def.size()) {
                        return;
                    }
                    int close = SqlTokenizer.closing(def, open);
                    List<String> columns = names(def.subList(open + 1, close));
                    i = references(def, close + 1, columns, pendingName);
                    pendingName = null;
                } else if (t.is("REFERENCES") && column != null) {
                    i = references(def, i, List.of(column), pendingName);
                    pendingName = null;
                } else if (t.isSymbol("(")) {
                    i = SqlTokenizer.closing(def, i) + 1;
                } else {
                    if (t.is("PRIMARY")) {
                        pendingName = null;
                    }
                    i++;
                }
            }
        }

        /** Reads a REFERENCES clause starting at {@code at}; returns the index after it. */
        private int references(List<Token> def, int at, List<String> columns, String name) {
            String deferrable = null;
            int i = at + 1;
            while (i < def.size()) {
                Token t = def.get(i);
                if (t.isSymbol("(")) {
                    i = SqlTokenizer.closing(def, i) + 1;
                    continue;
                }
                // ON DELETE SET NULL / SET DEFAULT belong to the clause; any other constraint word ends it.
                if (t.kind() == SqlTokenizer.Kind.WORD
                        && CONSTRAINT_WORDS.contains(t.upper())
                        && !def.get(i - 1).is("SET")) {
                    break;
                }
                if (t.is("DEFERRABLE")) {
                    boolean negated = i > 0 && def.get(i - 1).is("NOT");
                    boolean deferred = i + 2 < def.size()
                            && def.get(i + 1).is("INITIALLY")
                            && def.get(i + 2).is("DEFERRED");
                    deferrable = negated
                            ? null
                            : deferred ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE INITIALLY IMMEDIATE";
                }
                i++;
            }
            if (name != null || deferrable != null) {
                foreignKeys.add(new Clause(columns, name, deferrable));
            }
            return i;
        }

        /** {@code name IN ('a', 'b', ...)}: the enum convention written by import-sqlite. */
        private void enumCheck(List<Token> inner) {
            if (inner.size() < 5
                    || !inner.get(0).isName()
                    || inner.get(0).kind() == SqlTokenizer.Kind.STRING
                    || !inner.get(1).is("IN")
                    || !inner.get(2).isSymbol("(")
                    || !inner.get(inner.size() - 1).isSymbol(")")) {
                return;
            }
            List<String> labels = new ArrayList<>();
            for (int i = 3; i < inner.size() - 1; i++) {
                Token t = inner.get(i);
                boolean expectLabel = (i - 3) % 2 == 0;
                if (expectLabel && t.kind() == SqlTokenizer.Kind.STRING) {
                    labels.add(t.text());
                } else if (expectLabel || !t.isSymbol(",")) {
                    return;
                }
            }
            if (!labels.isEmpty()) {
                enumLabels.put(key(inner.get(0).text()), List.copyOf(labels));
            }
        }

        private static boolean isOpen(List<Token> def, int i) {
            return i < def.size() && def.get(i).isSymbol("(");
        }

        /** The names in a column list, ignoring COLLATE/ASC/DESC decorations. */
        private static List<String> names(List<Token> list) {
            List<String> out = new ArrayList<>();
            boolean expectName = true;
            for (Token t : list) {
                if (t.isSymbol(",")) {
                    expectName = true;
                } else if (expectName && t.isName()) {
                    out.add(t.text());
                    expectName = false;
                }
            }
            return out;
        }
    }

    /** The lookup key of a column name: SQLite names compare case-insensitively (ASCII). */
    public static String key(String column) {
        return column.toLowerCase(Locale.ROOT);
    }
}
