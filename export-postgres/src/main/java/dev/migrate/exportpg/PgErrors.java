package dev.migrate.exportpg;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.config.PostgresConnectError;
import dev.migrate.core.config.Redactor;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Translates driver exceptions into one-line {@link MigrateException}s that say what failed in
 * words and where ({@code host:port/db}), never with the password or a stack trace.
 */
final class PgErrors {

    private PgErrors() {}

    /** A failure to open the connection: the translation every command shares (core). */
    static MigrateException connect(SQLException e, String target, String user, String password) {
        return PostgresConnectError.of(e, target, user, password);
    }

    /** A failure while reading, with the table when there is one. */
    static MigrateException query(SQLException e, String target, String table, String password) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Location where = table == null ? Location.NONE : Location.table(table);
        String text = serverText(e);
        String message;
        if (state.equals("42501") && text.contains("row-level security")) {
            message = "the table has row-level security and this role is subject to it, so rows would be missing:"
                    + " export as the table owner or a role with BYPASSRLS (" + text + ")";
        } else if (state.equals("42501")) {
            message = "missing privilege on PostgreSQL at " + target + ": " + text;
        } else if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            message = "connection to PostgreSQL at " + target + " was lost: " + text;
        } else if (state.equals("55P03")) {
            message = "a table is locked by another session at " + target + ": " + text;
        } else {
            message = "PostgreSQL at " + target + " failed: " + text;
        }
        return MigrateException.runtime(where, scrub(message, password), e);
    }

    /** The server's own message when there is one, else the driver's, first line only. */
    static String serverText(SQLException e) {
        String text = null;
        if (e instanceof PSQLException p) {
            ServerErrorMessage server = p.getServerErrorMessage();
            if (server != null) {
                text = server.getMessage();
            }
        }
        if (text == null) {
            text = e.getMessage();
        }
        if (text == null) {
            return e.getClass().getSimpleName();
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    /** Belt and braces: no message ever carries the password, whatever the driver put in it. */
    static String scrub(String message, String password) {
        return Redactor.redact(message, password);
    }
}
