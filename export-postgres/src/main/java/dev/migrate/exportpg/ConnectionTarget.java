package dev.migrate.exportpg;

import java.util.Locale;

/**
 * Turns a JDBC URL into the {@code host:port/db} text that messages show. Whatever else the URL
 * holds (user info, parameters such as {@code password=}) never reaches the output.
 */
final class ConnectionTarget {

    private static final String PREFIX = "jdbc:postgresql:";

    private ConnectionTarget() {}

    /** {@code host:port/db}; {@code localhost:5432} and the URL's path fill in what is missing. */
    static String describe(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return "(not a PostgreSQL JDBC URL)";
        }
        String rest = jdbcUrl.substring(PREFIX.length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (!rest.startsWith("//")) {
            return "localhost:5432/" + rest;
        }
        rest = rest.substring(2);
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        int at = hosts.lastIndexOf('@');
        if (at >= 0) {
            hosts = hosts.substring(at + 1); // user info never shown
        }
        StringBuilder out = new StringBuilder();
        for (String host : hosts.isEmpty() ? new String[] {"localhost"} : hosts.split(",")) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(host);
            boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
            if (!hasPort) {
                out.append(":5432");
            }
        }
        return out + "/" + database;
    }

    /** The database name of the URL, or empty when it has none. */
    static String database(String jdbcUrl) {
        String d = describe(jdbcUrl);
        int slash = d.indexOf('/');
        return slash < 0 ? "" : d.substring(slash + 1);
    }
}
