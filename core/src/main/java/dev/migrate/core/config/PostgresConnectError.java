package dev.migrate.core.config;

import dev.migrate.core.MigrateException;
import dev.migrate.core.OneLine;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * The one translation of a failed PostgreSQL connection attempt into a one-line {@link
 * MigrateException}, shared by every command that connects (export-postgres, import-postgres,
 * validate) so the same bad connection reads the same and has the same exit code everywhere.
 *
 * <p>Every such failure is {@link MigrateException.Kind#RUNTIME}: a wrong password, an unknown
 * database or a missing privilege is about the environment the command runs in, not about the
 * staged data. The message never holds the password (masked even if the driver echoed it) and
 * never the driver's severity prefix ({@code FATAL: }).
 *
 * <p>Works from the SQLSTATE and the message only, so core needs no compile-time dependency on
 * the JDBC driver.
 */
public final class PostgresConnectError {

    /** The severity pgjdbc puts before a server message ("FATAL: database ... does not exist"). */
    private static final Pattern SEVERITY = Pattern.compile("^(?:FATAL|ERROR|PANIC):\\s+");

    private PostgresConnectError() {}

    /**
     * The error for a failed connection attempt.
     *
     * @param e what the driver threw
     * @param target where, for the message: {@code host:port/db}, never a URL with a password
     * @param user the role connected as, or null when unknown
     * @param password the password tried, or null; masked wherever it appears in the message
     */
    public static MigrateException of(SQLException e, String target, String user, String password) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String why = switch (state) {
            case "28P01" ->
                user == null || user.isBlank()
                        ? serverText(e)
                        : "password authentication failed for user " + OneLine.identifier(user);
            case "3D000", "28000" -> serverText(e); // no such database / role, no pg_hba.conf entry
            case "42501" -> "permission denied: " + serverText(e);
            default -> networkReason(e);
        };
        return MigrateException.runtime(scrub("cannot connect to PostgreSQL at " + target + ": " + why, password), e);
    }

    /** Refused, unknown host... in words when a cause says so; the driver's message otherwise. */
    private static String networkReason(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof SocketTimeoutException) {
                return "connection timed out";
            }
        }
        return serverText(e);
    }

    /** The first line of the driver's message, without its severity prefix. */
    static String serverText(SQLException e) {
        String text = e.getMessage();
        if (text == null || text.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = text.indexOf('\n');
        String first = (nl < 0 ? text : text.substring(0, nl)).strip();
        return SEVERITY.matcher(first).replaceFirst("");
    }

    /** Belt and braces: the password tried and every registered secret are masked. */
    private static String scrub(String message, String password) {
        return Redactor.redact(message, password);
    }
}
