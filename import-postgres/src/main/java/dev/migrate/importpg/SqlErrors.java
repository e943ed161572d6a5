package dev.migrate.importpg;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.config.PostgresConnectError;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns SQLExceptions into one-line {@link MigrateException}s that say what failed in words.
 * Messages come from the server (never include a password); the URL shown is host, port and
 * database only.
 */
final class SqlErrors {

    private static final Pattern COPY_WHERE = Pattern.compile("COPY [^,]+, line (\\d+)(?:, column ([^:]+))?");

    private SqlErrors() {}

    /** {@code host:port/db} of a JDBC URL, without parameters. */
    static String describeUrl(String jdbcUrl) {
        String s = jdbcUrl.replaceFirst("^jdbc:postgresql:(//)?", "");
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        int at = s.lastIndexOf('@');
        return at >= 0 ? s.substring(at + 1) : s;
    }

    /**
     * A failure to connect: the translation every command shares (core), so a wrong password, an
     * unknown database or a missing privilege is a runtime failure (exit 4) here as in
     * export-postgres and validate, without the driver's {@code FATAL: } prefix.
     */
    static MigrateException connect(String jdbcUrl, Properties properties, SQLException e) {
        return PostgresConnectError.of(
                e, describeUrl(jdbcUrl), properties.getProperty("user"), properties.getProperty("password"));
    }

    /** A failure of a statement; {@code doing} says what the import was doing ("creating table"). */
    static MigrateException statement(Location where, String doing, SQLException e) {
        if (isConnectionLoss(e)) {
            return MigrateException.runtime(
                    where,
                    "connection to PostgreSQL lost while " + doing + " (" + firstLine(e.getMessage())
                            + "); the transaction was not committed, the target is unchanged",
                    e);
        }
        return new MigrateException(kindOf(e), where, doing + " failed: " + serverText(e), e);
    }

    /** A failure during COPY: the row and column come from the server's context line. */
    static MigrateException copy(Location where, SQLException e) {
        Location at = where;
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            String context = p.getServerErrorMessage().getWhere();
            if (context != null) {
                Matcher m = COPY_WHERE.matcher(context);
                if (m.find()) {
                    at = at.withRow(Long.parseLong(m.group(1)));
                    if (m.group(2) != null) {
                        at = at.withColumn(m.group(2));
                    }
                }
            }
        }
        if (isConnectionLoss(e)) {
            return statement(at, "loading rows", e);
        }
        return new MigrateException(kindOf(e), at, serverText(e), e);
    }

    static boolean isConnectionLoss(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02"));
    }

    private static MigrateException.Kind kindOf(SQLException e) {
        String state = e.getSQLState();
        // Class 22 (data exception) and 23 (integrity violation) come from the staged data;
        // 42 (syntax, undefined object) from the staged schema, except 42501 (insufficient
        // privilege): the role lacks a grant, an environment problem as in every other command.
        if (state != null
                && !state.equals("42501")
                && (state.startsWith("22") || state.startsWith("23") || state.startsWith("42"))) {
            return MigrateException.Kind.INPUT;
        }
        return MigrateException.Kind.RUNTIME;
    }

    /** The server's message plus its detail, one line. */
    static String serverText(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            String text = m.getMessage();
            if (m.getDetail() != null) {
                text += " (" + m.getDetail() + ")";
            }
            return oneLine(text);
        }
        return firstLine(e.getMessage());
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
