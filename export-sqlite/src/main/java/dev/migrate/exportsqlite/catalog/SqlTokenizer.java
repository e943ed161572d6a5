package dev.migrate.exportsqlite.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQLite schema SQL (the {@code sql} column of {@code sqlite_master}) into tokens. It
 * knows the four ways SQLite quotes identifiers ({@code "x"}, {@code [x]}, {@code `x`} and bare
 * words), string and blob literals, and both comment styles, so that a keyword inside a string,
 * a quoted name or a comment is never mistaken for structure. Only what schema parsing needs;
 * it never has to accept arbitrary SQL.
 */
final class SqlTokenizer {

    /** What a token is. */
    enum Kind {
        /** A bare word: keyword or unquoted identifier. */
        WORD,
        /** A quoted identifier; {@link Token#text} is the name without quotes. */
        QUOTED,
        /** A string literal; {@link Token#text} is its value. */
        STRING,
        /** A number or blob literal, as written. */
        LITERAL,
        /** Punctuation or an operator, as written. */
        SYMBOL
    }

    /**
     * One token.
     *
     * @param kind what it is
     * @param text the value (dequoted for names and strings)
     * @param start offset of its first character in the SQL
     * @param end offset just past its last character
     */
    record Token(Kind kind, String text, int start, int end) {

        /** True for a bare word equal (ignoring case) to the keyword. */
        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        /** True for the symbol. */
        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        /** True for something that names an object: a bare word or a quoted identifier. */
        boolean isName() {
            // SQLite also accepts a string literal where a name is expected ('x' as a column name).
            return kind == Kind.WORD || kind == Kind.QUOTED || kind == Kind.STRING;
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private SqlTokenizer() {}

    static List<Token> tokenize(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'') {
                i = quoted(sql, i, '\'', Kind.STRING, out);
            } else if (c == '"') {
                i = quoted(sql, i, '"', Kind.QUOTED, out);
            } else if (c == '`') {
                i = quoted(sql, i, '`', Kind.QUOTED, out);
            } else if (c == '[') {
                int close = sql.indexOf(']', i + 1);
                int end = close < 0 ? n : close + 1;
                out.add(new Token(Kind.QUOTED, sql.substring(i + 1, close < 0 ? n : close), i, end));
                i = end;
            } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                int close = sql.indexOf('\'', i + 2);
                int end = close < 0 ? n : close + 1;
                out.add(new Token(Kind.LITERAL, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(Kind.LITERAL, sql.substring(i, j), i, j));
                i = j;
            } else if (isWordStart(c)) {
                int j = i + 1;
                while (j < n && isWordPart(sql.charAt(j))) {
                    j++;
                }
                out.add(new Token(Kind.WORD, sql.substring(i, j), i, j));
                i = j;
            } else {
                int len = i + 1 < n && isTwoCharOperator(sql.substring(i, i + 2)) ? 2 : 1;
                out.add(new Token(Kind.SYMBOL, sql.substring(i, i + len), i, i + len));
                i += len;
            }
        }
        return out;
    }

    /** A quoted run where the quote character is escaped by doubling it. */
    private static int quoted(String sql, int start, char quote, Kind kind, List<Token> out) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                    continue;
                }
                out.add(new Token(kind, value.toString(), start, i + 1));
                return i + 1;
            }
            value.append(c);
            i++;
        }
        out.add(new Token(kind, value.toString(), start, sql.length()));
        return sql.length();
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    private static boolean isTwoCharOperator(String s) {
        return switch (s) {
            case "<=", ">=", "<>", "!=", "==", "||", "<<", ">>", "->" -> true;
            default -> false;
        };
    }

    /** Index of the parenthesis closing the one at {@code open}, or the last index when unbalanced. */
    static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return tokens.size() - 1;
    }
}
