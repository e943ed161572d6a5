package dev.migrate.cli.demo;

import dev.migrate.core.MigrateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plain SQL script (no psql meta-commands, no COPY) in one transaction. Statements are
 * split on semicolons outside string literals ({@code '...'}, {@code E'...'} with backslash
 * escapes), quoted identifiers, dollar quotes and comments.
 */
public final class SqlScriptRunner {

    private SqlScriptRunner() {}

    /**
     * Runs every statement of {@code sql} on {@code c} in one transaction.
     *
     * @param name the script's name, for error messages
     */
    public static void run(Connection c, String sql, String name) throws SQLException {
        List<String> statements = statements(sql);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            int i = 0;
            for (String stmt : statements) {
                i++;
                try {
                    s.execute(stmt);
                } catch (SQLException e) {
                    c.rollback();
                    throw MigrateException.input("script " + name + ", statement " + i + ": "
                            + e.getMessage().lines().findFirst().orElse(""));
                }
            }
            c.commit();
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The script's statements, without their terminating semicolons; comments-only pieces dropped. */
    public static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = sql.length();
        boolean code = false; // the current piece holds something other than comments and blanks
        while (i < n) {
            char ch = sql.charAt(i);
            if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (ch == '\'') {
                boolean escapes = i > 0
                        && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !isIdentifierChar(sql.charAt(i - 2)));
                i = closeQuote(sql, i, '\'', escapes);
                code = true;
            } else if (ch == '"') {
                i = closeQuote(sql, i, '"', false);
                code = true;
            } else if (ch == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                i = close < 0 ? n : close + tag.length();
                code = true;
            } else if (ch == '\\' && !code) {
                throw MigrateException.input("psql meta-commands are not supported: "
                        + sql.substring(i, Math.min(n, sql.indexOf('\n', i) < 0 ? n : sql.indexOf('\n', i))));
            } else if (ch == ';') {
                if (code) {
                    out.add(sql.substring(start, i).strip());
                }
                start = i + 1;
                code = false;
                i++;
            } else {
                if (!Character.isWhitespace(ch)) {
                    code = true;
                }
                i++;
            }
        }
        if (code) {
            out.add(sql.substring(start).strip());
        }
        return out;
    }

    /** {@code $tag$} starting at {@code i}, or null when the dollar sign starts no dollar quote. */
    private static String dollarTag(String sql, int i) {
        if (i > 0 && isIdentifierChar(sql.charAt(i - 1))) {
            return null; // part of an identifier such as a$b
        }
        int end = sql.indexOf('$', i + 1);
        if (end < 0) {
            return null;
        }
        String tag = sql.substring(i + 1, end);
        if (!tag.matches("([A-Za-z_][A-Za-z_0-9]*)?")) {
            return null; // $1 and the like
        }
        return sql.substring(i, end + 1);
    }

    private static int closeQuote(String sql, int open, char q, boolean backslashEscapes) {
        int i = open + 1;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (backslashEscapes && ch == '\\') {
                i += 2;
                continue;
            }
            if (ch == q) {
                if (i + 1 < n && sql.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw MigrateException.input(
                "unterminated " + (q == '"' ? "quoted identifier" : "string literal") + " starting at offset " + open);
    }

    private static boolean isIdentifierChar(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_';
    }
}
