package dev.migrate.importsqlite;

import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.sql.SqlText;
import dev.migrate.core.sql.SqliteDialect;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.StagingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the {@code CREATE INDEX} for a secondary index, or says why it cannot be reproduced.
 *
 * <p>Plain-column indexes are always reproduced. An expression or partial index from PostgreSQL is
 * reproduced only when every part of it means the same in SQLite, given how values are stored
 * (see {@link ValueBinder}); anything else is reported, never guessed. What is understood:
 *
 * <ul>
 *   <li>key columns, {@code ASC}/{@code DESC}, {@code lower(col)}/{@code upper(col)} on a text
 *       column of a non-unique index (SQLite folds only ASCII, which does not matter for a
 *       non-unique index but would weaken a unique one), {@code COLLATE "C"}, operator classes
 *       (they only choose operators), and {@code NULLS FIRST/LAST} (order within the index only);
 *   <li>predicates made of {@code AND}, {@code OR}, {@code NOT}, parentheses, a boolean column,
 *       {@code IS [NOT] NULL}, {@code IS [NOT] TRUE/FALSE}, equality of a column with a literal or
 *       another column of the same kind (integers, booleans, text, varchar, enums, uuids), and
 *       ordering comparisons of integer columns with integer literals. Casts to text, varchar,
 *       integer and boolean types, or to an enum of the snapshot, are removed.
 * </ul>
 *
 * <p>Not reproduced: other methods than btree/hash (gin, gist, brin...), {@code NULLS NOT
 * DISTINCT}, other functions and operators, comparisons on decimals, floats, dates or times (SQLite
 * compares their stored text, not their values) and on char(n) (blank padding).
 */
final class IndexTranslator {

    /** Either the statement or the reason it is not possible. */
    record Result(String sql, String reason) {}

    private static final Set<String> SAFE_CASTS = Set.of(
            "text",
            "character varying",
            "varchar",
            "integer",
            "int",
            "int4",
            "bigint",
            "int8",
            "smallint",
            "int2",
            "boolean",
            "bool",
            "uuid");

    private final TablePlan table;
    private final Set<String> enumNames;
    private final SqliteDialect sql = SqliteDialect.INSTANCE;

    IndexTranslator(TablePlan table, Set<String> enumNames) {
        this.table = table;
        this.enumNames = enumNames;
    }

    /** Thrown inside the parser when a construct is not understood; the message is the reason. */
    private static final class NotPortable extends RuntimeException {
        NotPortable(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @param idx the index, plain columns already under their target names
     * @param name the target index name
     * @param sqliteSource true when the definition is SQLite's own SQL
     */
    Result translate(IndexSchema idx, String name, boolean sqliteSource) {
        String head = "CREATE " + (idx.unique() ? "UNIQUE " : "") + "INDEX " + sql.quote(name) + " ON "
                + sql.quote(table.name()) + " ";
        try {
            if (!idx.columns().isEmpty() && idx.where() == null && (idx.portable() || idx.unique())) {
                return new Result(head + columnList(idx.columns()), null);
            }
            if (sqliteSource) {
                return sqliteIndex(idx, head);
            }
            if (idx.definition() == null) {
                throw new NotPortable("its definition was not recorded");
            }
            Definition d = Definition.parse(idx.definition());
            String method = d.method.toLowerCase(Locale.ROOT);
            if (!method.equals("btree") && !method.equals("hash")) {
                throw new NotPortable("SQLite has no " + d.method + " indexes");
            }
            if (d.nullsNotDistinct) {
                throw new NotPortable("SQLite has no NULLS NOT DISTINCT");
            }
            List<String> keys = new ArrayList<>();
            for (List<Token> key : splitTopLevel(Token.lex(d.keys))) {
                keys.add(new Parser(key).key(idx.unique()));
            }
            String where = idx.where() != null ? idx.where() : d.where;
            StringBuilder b = new StringBuilder(head)
                    .append('(')
                    .append(String.join(", ", keys))
                    .append(')');
            if (where != null) {
                b.append(" WHERE ").append(new Parser(Token.lex(where)).predicate());
            }
            return new Result(b.toString(), null);
        } catch (NotPortable e) {
            return new Result(null, e.getMessage());
        }
    }

    private Result sqliteIndex(IndexSchema idx, String head) {
        // SQLite's own SQL: usable as written when the names it uses are unchanged.
        if (!idx.columns().isEmpty()) {
            return new Result(
                    head + columnList(idx.columns()) + (idx.where() == null ? "" : " WHERE " + idx.where()), null);
        }
        if (idx.definition() != null && table.name().equals(table.source().name())) {
            return new Result(idx.definition(), null);
        }
        throw new NotPortable("its definition was not recorded");
    }

    private String columnList(List<String> columns) {
        List<String> quoted = new ArrayList<>();
        for (String c : columns) {
            quoted.add(sql.quote(c));
        }
        return "(" + String.join(", ", quoted) + ")";
    }

    private ColumnPlan columnBySourceName(String sourceName) {
        for (ColumnPlan c : table.columns()) {
            if (c.source() != null && c.source().name().equals(sourceName)) {
                return c;
            }
        }
        throw new NotPortable("it uses column \"" + sourceName + "\", which is not in the SQLite table");
    }

    // ---- the definition text: CREATE [UNIQUE] INDEX n ON t USING method (keys) [INCLUDE (...)] ... [WHERE p]

    private record Definition(String method, String keys, boolean nullsNotDistinct, String where) {
        static Definition parse(String text) {
            String upper = text.toUpperCase(Locale.ROOT);
            int using = upper.indexOf(" USING ");
            if (using < 0) {
                throw new NotPortable("its definition could not be read");
            }
            int i = using + 7;
            int open = text.indexOf('(', i);
            if (open < 0) {
                throw new NotPortable("its definition could not be read");
            }
            String method = text.substring(i, open).strip();
            int close = matching(text, open);
            String keys = text.substring(open + 1, close);
            String rest = text.substring(close + 1).strip();
            String restUpper = rest.toUpperCase(Locale.ROOT);
            boolean nullsNotDistinct = restUpper.contains("NULLS NOT DISTINCT");
            String where = null;
            int w = restUpper.indexOf("WHERE ");
            if (w >= 0) {
                where = rest.substring(w + 6).strip();
            }
            return new Definition(method, keys, nullsNotDistinct, where);
        }

        private static int matching(String text, int open) {
            int close = SqlText.closingParenthesis(text, open);
            if (close < 0) {
                throw new NotPortable("its definition could not be read");
            }
            return close;
        }
    }

    // ---- tokens ----

    private enum Kind {
        IDENT,
        QUOTED_IDENT,
        STRING,
        NUMBER,
        SYMBOL
    }

    private record Token(Kind kind, String text) {

        boolean is(String word) {
            return (kind == Kind.IDENT || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
        }

        static List<Token> lex(String s) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (Character.isLetter(c) || c == '_') {
                    int j = i;
                    while (j < s.length()
                            && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$')) {
                        j++;
                    }
                    if (j < s.length()
                            && s.charAt(j) == '\''
                            && s.substring(i, j).equalsIgnoreCase("E")) {
                        throw new NotPortable("escape-string literals are not translated");
                    }
                    out.add(new Token(Kind.IDENT, s.substring(i, j)));
                    i = j;
                } else if (Character.isDigit(c)) {
                    int j = i;
                    while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                        j++;
                    }
                    out.add(new Token(Kind.NUMBER, s.substring(i, j)));
                    i = j;
                } else if (c == '\'' || c == '"') {
                    StringBuilder b = new StringBuilder();
                    int j = i + 1;
                    while (true) {
                        if (j >= s.length()) {
                            throw new NotPortable("its definition could not be read");
                        }
                        char d = s.charAt(j);
                        if (d == c) {
                            if (j + 1 < s.length() && s.charAt(j + 1) == c) {
                                b.append(c);
                                j += 2;
                                continue;
                            }
                            break;
                        }
                        b.append(d);
                        j++;
                    }
                    out.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED_IDENT, b.toString()));
                    i = j + 1;
                } else {
                    String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                    if (two.equals("::")
                            || two.equals("<>")
                            || two.equals("!=")
                            || two.equals("<=")
                            || two.equals(">=")) {
                        out.add(new Token(Kind.SYMBOL, two));
                        i += 2;
                    } else if ("()=<>,-[]".indexOf(c) >= 0) {
                        out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                        i++;
                    } else {
                        throw new NotPortable("the operator " + c + " is not translated");
                    }
                }
            }
            return out;
        }
    }

    private static List<List<Token>> splitTopLevel(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token t : tokens) {
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            }
            if (depth == 0 && t.is(",")) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        parts.add(current);
        return parts;
    }

    // ---- parser: index keys and predicates ----

    /** A parsed operand: a column, a literal (its canonical text or number), or a boolean expression. */
    private record Operand(ColumnPlan column, Token literal, String booleanSql) {}

    private final class Parser {
        private final List<Token> tokens;
        private int pos;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        private Token peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        private boolean accept(String word) {
            Token t = peek();
            if (t != null && t.is(word)) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(String word) {
            if (!accept(word)) {
                throw new NotPortable("its definition could not be read");
            }
        }

        private void end() {
            if (pos != tokens.size()) {
                throw new NotPortable("it uses \"" + tokens.get(pos).text() + "\", which is not translated");
            }
        }

        // key := expr [COLLATE x] [opclass] [ASC|DESC] [NULLS FIRST|LAST]
        String key(boolean unique) {
            String expr = keyExpression(unique);
            if (accept("COLLATE")) {
                Token collation = next();
                if (!collation.text().equals("C") && !collation.text().equalsIgnoreCase("POSIX")) {
                    throw new NotPortable("collation " + collation.text() + " has no SQLite equivalent");
                }
            }
            Token t = peek();
            if (t != null && t.kind() == Kind.IDENT && !t.is("ASC") && !t.is("DESC") && !t.is("NULLS")) {
                pos++; // an operator class: chooses operators, not the index's content
            }
            String order = accept("DESC") ? " DESC" : accept("ASC") ? "" : "";
            if (accept("NULLS")) {
                next(); // FIRST or LAST: the order inside the index, not which rows it covers
            }
            end();
            return expr + order;
        }

        private String keyExpression(boolean unique) {
            if (accept("(")) {
                String inner = keyExpression(unique);
                expect(")");
                return inner;
            }
            Token t = next();
            if ((t.is("lower") || t.is("upper")) && accept("(")) {
                if (unique) {
                    throw new NotPortable("SQLite's " + t.text().toLowerCase(Locale.ROOT)
                            + "() folds only ASCII letters, which would weaken a unique index");
                }
                ColumnPlan c = columnArgument();
                expect(")");
                if (!isText(c)) {
                    throw new NotPortable(t.text() + "() of a " + c.type() + " column is not translated");
                }
                return t.text().toLowerCase(Locale.ROOT) + "(" + sql.quote(c.name()) + ")";
            }
            return sql.quote(column(t).name());
        }

        /** A column, possibly parenthesised and cast: {@code (status)::text}. */
        private ColumnPlan columnArgument() {
            ColumnPlan c;
            if (accept("(")) {
                c = columnArgument();
                expect(")");
            } else {
                c = column(next());
            }
            casts();
            return c;
        }

        private Token next() {
            Token t = peek();
            if (t == null) {
                throw new NotPortable("its definition could not be read");
            }
            pos++;
            return t;
        }

        private ColumnPlan column(Token t) {
            if (t.kind() == Kind.QUOTED_IDENT) {
                return columnBySourceName(t.text());
            }
            if (t.kind() == Kind.IDENT && !isKeyword(t)) {
                // PostgreSQL prints lower-case names bare; they mean exactly that spelling.
                return columnBySourceName(t.text());
            }
            throw new NotPortable("it uses \"" + t.text() + "\", which is not translated");
        }

        String predicate() {
            String out = or();
            end();
            return out;
        }

        private String or() {
            String left = and();
            while (accept("OR")) {
                left = left + " OR " + and();
            }
            return left;
        }

        private String and() {
            String left = not();
            while (accept("AND")) {
                left = left + " AND " + not();
            }
            return left;
        }

        private String not() {
            if (accept("NOT")) {
                return "NOT " + not();
            }
            return comparison();
        }

        private String comparison() {
            Operand left = operand();
            Token op = peek();
            if (op != null && op.is("IS")) {
                pos++;
                boolean negated = accept("NOT");
                if (accept("NULL")) {
                    return operandSql(left) + (negated ? " IS NOT NULL" : " IS NULL");
                }
                boolean value;
                if (accept("TRUE")) {
                    value = true;
                } else if (accept("FALSE")) {
                    value = false;
                } else {
                    throw new NotPortable("IS " + (peek() == null ? "" : peek().text()) + " is not translated");
                }
                requireBoolean(left);
                return operandSql(left) + (negated ? " IS NOT " : " IS ") + (value ? "1" : "0");
            }
            if (op != null
                    && op.kind() == Kind.SYMBOL
                    && Set.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(op.text())) {
                pos++;
                Operand right = operand();
                return compare(left, op.text(), right);
            }
            if (left.booleanSql() != null) {
                return left.booleanSql();
            }
            requireBoolean(left);
            return operandSql(left);
        }

        private Operand operand() {
            Operand o;
            if (accept("(")) {
                int mark = pos;
                try {
                    Operand inner = operand();
                    expect(")");
                    casts();
                    if (peek() == null || !peek().is("AND") && !peek().is("OR")) {
                        return inner;
                    }
                } catch (NotPortable e) {
                    // not a parenthesised operand: a parenthesised boolean expression
                }
                pos = mark;
                String inner = or();
                expect(")");
                return new Operand(null, null, "(" + inner + ")");
            }
            Token t = next();
            if (t.is("-") && peek() != null && peek().kind() == Kind.NUMBER) {
                Token n = next();
                o = new Operand(null, new Token(Kind.NUMBER, "-" + n.text()), null);
            } else if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER) {
                o = new Operand(null, t, null);
            } else if (t.is("TRUE") || t.is("FALSE") || t.is("NULL")) {
                o = new Operand(null, t, null);
            } else {
                o = new Operand(column(t), null, null);
            }
            casts();
            return o;
        }

        /** Skips {@code ::type} casts to types that do not change a value's meaning here. */
        private void casts() {
            while (accept("::")) {
                StringBuilder name = new StringBuilder();
                while (peek() != null
                        && (peek().kind() == Kind.IDENT || peek().kind() == Kind.QUOTED_IDENT)
                        && !isKeyword(peek())) {
                    name.append(name.length() == 0 ? "" : " ").append(next().text());
                }
                if (accept("(")) {
                    while (!accept(")")) {
                        next();
                    }
                }
                String type = name.toString().toLowerCase(Locale.ROOT);
                if (!SAFE_CASTS.contains(type) && !enumNames.contains(name.toString())) {
                    throw new NotPortable("the cast to " + name + " is not translated");
                }
            }
        }

        private String compare(Operand left, String op, Operand right) {
            String sqlOp = op.equals("!=") ? "<>" : op;
            boolean ordering = !op.equals("=") && !op.equals("<>") && !op.equals("!=");
            if (left.column() == null && right.column() != null) {
                return compare(right, flip(sqlOp), left);
            }
            if (left.column() == null) {
                throw new NotPortable("a comparison without a column is not translated");
            }
            ColumnPlan c = left.column();
            StagingKind kind = c.type().kind();
            boolean integer = kind == StagingKind.INT16 || kind == StagingKind.INT32 || kind == StagingKind.INT64;
            if (ordering && !integer) {
                throw new NotPortable(
                        "SQLite would compare the stored text of " + c.type() + " values, not" + " their values");
            }
            if (!integer && kind != StagingKind.BOOLEAN && !isText(c) && kind != StagingKind.UUID) {
                throw new NotPortable("comparisons of " + c.type() + " values are not translated");
            }
            if (right.column() != null) {
                if (right.column().type().kind() != kind) {
                    throw new NotPortable("comparisons of columns of different types are not translated");
                }
                return sql.quote(c.name()) + " " + sqlOp + " "
                        + sql.quote(right.column().name());
            }
            if (right.literal() == null) {
                throw new NotPortable("this comparison is not translated");
            }
            return sql.quote(c.name()) + " " + sqlOp + " " + literal(c, right.literal());
        }

        private String literal(ColumnPlan c, Token t) {
            StagingKind kind = c.type().kind();
            if (t.is("NULL")) {
                throw new NotPortable("comparison with NULL is not translated");
            }
            try {
                switch (kind) {
                    case INT16, INT32, INT64:
                        return Long.toString(Long.parseLong(t.text()));
                    case BOOLEAN:
                        if (t.is("TRUE") || t.kind() == Kind.STRING && t.text().matches("(?i)t|true")) {
                            return "1";
                        }
                        if (t.is("FALSE") || t.kind() == Kind.STRING && t.text().matches("(?i)f|false")) {
                            return "0";
                        }
                        throw new NotPortable("not a boolean: " + t.text());
                    case UUID:
                        return sql.quoteLiteral(
                                (String) Codecs.forType(c.type()).canonical(t.text()));
                    default:
                        if (t.kind() != Kind.STRING) {
                            throw new NotPortable("a non-text literal compared with a text column");
                        }
                        return sql.quoteLiteral(t.text());
                }
            } catch (IllegalArgumentException e) {
                throw new NotPortable("the literal " + t.text() + " does not fit a " + c.type() + " column");
            }
        }

        private void requireBoolean(Operand o) {
            if (o.column() == null || o.column().type().kind() != StagingKind.BOOLEAN) {
                throw new NotPortable("a non-boolean operand used as a condition");
            }
        }

        private String operandSql(Operand o) {
            if (o.column() != null) {
                return sql.quote(o.column().name());
            }
            throw new NotPortable("this condition is not translated");
        }
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            default -> op;
        };
    }

    private static boolean isText(ColumnPlan c) {
        StagingKind k = c.type().kind();
        return k == StagingKind.TEXT || k == StagingKind.VARCHAR || k == StagingKind.ENUM;
    }

    private static final Set<String> KEYWORDS =
            Set.of("and", "or", "not", "is", "null", "true", "false", "asc", "desc", "nulls", "collate");

    private static boolean isKeyword(Token t) {
        return t.kind() == Kind.IDENT && KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT));
    }
}
