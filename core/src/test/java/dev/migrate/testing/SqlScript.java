package dev.migrate.testing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Runs psql-style SQL scripts over JDBC, enough for the shared datasets (pg_dump output,
 * Chinook, Northwind) and our reference schema: statements split on semicolons outside quotes,
 * comments and dollar quotes; {@code COPY ... FROM stdin;} blocks fed through CopyManager;
 * psql meta-commands ({@code \connect}, {@code \set}...) and database-level statements
 * ({@code CREATE/DROP DATABASE}) skipped, because the caller already chose the database.
 */
public final class SqlScript {

    private SqlScript() {}

    public static void run(Connection c, Path script) throws IOException, SQLException {
        run(c, Files.readString(script, StandardCharsets.UTF_8));
    }

    public static void run(Connection c, String sql) throws SQLException, IOException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            int i = 0;
            int n = sql.length();
            while (i < n) {
                int end = statementEnd(sql, i);
                String stmt = sql.substring(i, end).strip();
                i = Math.min(n, end + 1);
                stmt = stripLeadingComments(stmt);
                if (stmt.isEmpty()) {
                    continue;
                }
                if (stmt.startsWith("\\")) {
                    continue; // psql meta-command (statementEnd stopped at its line's end)
                }
                String upper = stmt.toUpperCase(java.util.Locale.ROOT);
                if (upper.matches("(?s)(CREATE|DROP) DATABASE.*")) {
                    continue;
                }
                if (upper.matches("(?s)COPY .* FROM STDIN.*")) {
                    int dataStart = sql.indexOf('\n', end) + 1;
                    int dataEnd = sql.indexOf("\n\\.", dataStart - 1);
                    String data = dataEnd < dataStart ? "" : sql.substring(dataStart, dataEnd + 1);
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn(stmt, new StringReader(data));
                    i = sql.indexOf('\n', dataEnd + 1) + 1;
                    if (i <= 0) {
                        i = n;
                    }
                    continue;
                }
                s.execute(stmt);
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static String stripLeadingComments(String stmt) {
        String s = stmt;
        while (true) {
            s = s.strip();
            if (s.startsWith("--")) {
                int nl = s.indexOf('\n');
                s = nl < 0 ? "" : s.substring(nl + 1);
            } else if (s.startsWith("/*")) {
                int close = s.indexOf("*/");
                s = close < 0 ? "" : s.substring(close + 2);
            } else {
                return s;
            }
        }
    }

    /** Index of the semicolon ending the statement starting at {@code from} (or the text's end). */
    static int statementEnd(String sql, int from) {
        int i = from;
        int n = sql.length();
        boolean lineStart = true;
        while (i < n) {
            char ch = sql.charAt(i);
            if (lineStart && ch == '\\') {
                // psql meta-command: ends at the end of the line
                int nl = sql.indexOf('\n', i);
                return nl < 0 ? n : nl;
            }
            lineStart = ch == '\n' || (lineStart && (ch == ' ' || ch == '\t' || ch == '\r'));
            if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl;
                continue;
            }
            if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            }
            if (ch == '\'' || ch == '"') {
                i = closeQuote(sql, i, ch);
                continue;
            }
            if (ch == '$') {
                int tagEnd = sql.indexOf('$', i + 1);
                if (tagEnd > 0
                        && sql.substring(i + 1, tagEnd).matches("[A-Za-z_0-9]*")
                        && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                    String tag = sql.substring(i, tagEnd + 1);
                    int close = sql.indexOf(tag, tagEnd + 1);
                    i = close < 0 ? n : close + tag.length();
                    continue;
                }
            }
            if (ch == ';') {
                return i;
            }
            i++;
        }
        return n;
    }

    private static int closeQuote(String sql, int open, char q) {
        int i = open + 1;
        int n = sql.length();
        while (i < n) {
            if (sql.charAt(i) == q) {
                if (i + 1 < n && sql.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n;
    }

    /** Splits a script into statements (no COPY data), for callers that want to run them one by one. */
    public static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            int end = statementEnd(sql, i);
            String s = stripLeadingComments(sql.substring(i, end));
            if (!s.isEmpty()) {
                out.add(s);
            }
            i = end + 1;
        }
        return out;
    }
}
