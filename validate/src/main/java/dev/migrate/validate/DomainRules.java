package dev.migrate.validate;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Domain rules: assertions about the migrated data, one per line, checked on the target.
 *
 * <pre>
 * # comment; blank lines are ignored
 * TABLE.COLUMN not null
 * TABLE.COLUMN between NUMBER and NUMBER      (inclusive; numeric comparison)
 * TABLE.COLUMN matches REGEX                  (Java regex, searched: anchor it with ^...$)
 * TABLE.COLUMN in (LITERAL, LITERAL, ...)
 * TABLE.COLUMN OP LITERAL                     (OP: = != &lt;&gt; &lt; &lt;= &gt; &gt;=)
 * </pre>
 *
 * A name is a bare word ({@code [A-Za-z_][A-Za-z0-9_$]*}) or double-quoted ({@code "my col"},
 * {@code ""} for a quote); the table is named as in the manifest (a rule on {@code users} is
 * checked on {@code app_config} in a single-user target). A LITERAL is a number or a
 * single-quoted string ({@code ''} for a quote). Values are compared in Java on their canonical
 * form — numbers as exact decimals even where SQLite stores them as text — so no rule text ever
 * reaches SQL. NULL satisfies every rule except {@code not null}, as in SQL.
 */
final class DomainRules {

    enum Op {
        NOT_NULL,
        BETWEEN,
        MATCHES,
        IN,
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE
    }

    /** One parsed rule. */
    record Rule(String text, String table, String column, Op op, List<Object> operands, Pattern pattern) {

        /** True when the value satisfies the rule. */
        boolean test(Object value) {
            if (value == null) {
                return op != Op.NOT_NULL;
            }
            if (value instanceof Unreadable) {
                return false;
            }
            return holds(value instanceof Utf8Json json ? json.toString() : value);
        }

        /** A jsonb value read as bytes is tested as its text, as it was before it was read so. */
        private boolean holds(Object value) {
            return switch (op) {
                case NOT_NULL -> true;
                case BETWEEN -> {
                    BigDecimal v = number(value);
                    yield v != null
                            && v.compareTo((BigDecimal) operands.get(0)) >= 0
                            && v.compareTo((BigDecimal) operands.get(1)) <= 0;
                }
                case MATCHES -> pattern.matcher(DiffFinder.show(value)).find();
                case IN -> operands.stream().anyMatch(o -> compare(value, o) == 0);
                case EQ -> compare(value, operands.get(0)) == 0;
                case NE -> compare(value, operands.get(0)) != 0;
                case LT -> compare(value, operands.get(0)) < 0;
                case LE -> compare(value, operands.get(0)) <= 0;
                case GT -> compare(value, operands.get(0)) > 0;
                case GE -> compare(value, operands.get(0)) >= 0;
            };
        }

        /** Numbers compare as numbers, anything else as text; an incomparable pair never satisfies. */
        private static int compare(Object value, Object literal) {
            if (literal instanceof BigDecimal n) {
                BigDecimal v = number(value);
                return v == null ? Integer.MIN_VALUE : v.compareTo(n);
            }
            String s = value instanceof Boolean b ? (b ? "true" : "false") : DiffFinder.show(value);
            int c = s.compareTo((String) literal);
            return Integer.signum(c);
        }

        private static BigDecimal number(Object v) {
            try {
                if (v instanceof Long l) {
                    return BigDecimal.valueOf(l);
                }
                if (v instanceof Double d) {
                    return d.isNaN() || d.isInfinite() ? null : new BigDecimal(Double.toString(d));
                }
                if (v instanceof String s) {
                    return new BigDecimal(s);
                }
            } catch (NumberFormatException e) {
                return null;
            }
            return null;
        }
    }

    private DomainRules() {}

    static List<Rule> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw MigrateException.input(Location.file(file.toString()), "cannot read rules file: " + e.getMessage());
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                rules.add(parse(line));
            } catch (IllegalArgumentException e) {
                throw MigrateException.input(
                        new Location(file.toString(), null, (long) (i + 1), null), "bad rule: " + e.getMessage());
            }
        }
        return rules;
    }

    static Rule parse(String line) {
        Cursor c = new Cursor(line);
        String table = c.name();
        c.expect('.');
        String column = c.name();
        c.skipBlanks();
        String rest = c.rest();
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.equals("not null") || lower.equals("is not null")) {
            return new Rule(line, table, column, Op.NOT_NULL, List.of(), null);
        }
        if (lower.startsWith("matches ")) {
            String regex = rest.substring("matches ".length()).strip();
            try {
                return new Rule(line, table, column, Op.MATCHES, List.of(regex), Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regular expression: " + e.getDescription());
            }
        }
        Matcher between =
                Pattern.compile("(?i)between\\s+(\\S+)\\s+and\\s+(\\S+)").matcher(rest);
        if (between.matches()) {
            return new Rule(
                    line, table, column, Op.BETWEEN, List.of(number(between.group(1)), number(between.group(2))), null);
        }
        if (lower.startsWith("in")) {
            Cursor list = new Cursor(rest.substring(2));
            list.skipBlanks();
            list.expect('(');
            List<Object> values = new ArrayList<>();
            do {
                list.skipBlanks();
                values.add(list.literal());
                list.skipBlanks();
            } while (list.accept(','));
            list.expect(')');
            list.end();
            return new Rule(line, table, column, Op.IN, values, null);
        }
        Matcher cmp = Pattern.compile("(<=|>=|<>|!=|=|<|>)\\s*(.+)").matcher(rest);
        if (cmp.matches()) {
            Op op = switch (cmp.group(1)) {
                case "=" -> Op.EQ;
                case "!=", "<>" -> Op.NE;
                case "<" -> Op.LT;
                case "<=" -> Op.LE;
                case ">" -> Op.GT;
                default -> Op.GE;
            };
            Cursor lit = new Cursor(cmp.group(2));
            Object value = lit.literal();
            lit.skipBlanks();
            lit.end();
            return new Rule(line, table, column, op, List.of(value), null);
        }
        throw new IllegalArgumentException(
                "expected not null, between, matches, in or a comparison after " + table + "." + column + ": " + rest);
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + s);
        }
    }

    /** A tiny scanner over one rule line. */
    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        void skipBlanks() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        String rest() {
            return s.substring(pos).strip();
        }

        boolean accept(char c) {
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!accept(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at position " + (pos + 1));
            }
        }

        void end() {
            if (pos != s.length()) {
                throw new IllegalArgumentException("unexpected text: " + s.substring(pos));
            }
        }

        String name() {
            skipBlanks();
            if (accept('"')) {
                StringBuilder b = new StringBuilder();
                while (true) {
                    if (pos >= s.length()) {
                        throw new IllegalArgumentException("unterminated quoted name");
                    }
                    char c = s.charAt(pos++);
                    if (c == '"') {
                        if (!accept('"')) {
                            return b.toString();
                        }
                    }
                    b.append(c);
                }
            }
            int start = pos;
            while (pos < s.length()
                    && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '$')) {
                pos++;
            }
            if (start == pos || Character.isDigit(s.charAt(start))) {
                throw new IllegalArgumentException("expected a table or column name at position " + (start + 1));
            }
            return s.substring(start, pos);
        }

        Object literal() {
            if (accept('\'')) {
                StringBuilder b = new StringBuilder();
                while (true) {
                    if (pos >= s.length()) {
                        throw new IllegalArgumentException("unterminated string literal");
                    }
                    char c = s.charAt(pos++);
                    if (c == '\'') {
                        if (!accept('\'')) {
                            return b.toString();
                        }
                    }
                    b.append(c);
                }
            }
            int start = pos;
            while (pos < s.length() && "+-.0123456789eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            return number(s.substring(start, pos));
        }
    }
}
