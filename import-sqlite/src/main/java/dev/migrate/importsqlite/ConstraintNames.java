package dev.migrate.importsqlite;

import java.util.List;

/**
 * Keeps constraint and index names meaningful when tenant collapse changes a table's name or a
 * constraint's columns. A name PostgreSQL generated ({@code <table>_<columns>_<suffix>}, e.g.
 * {@code clients_user_id_email_key}) is regenerated for the new table and columns
 * ({@code clients_email_key}); a name the schema's author chose is kept as it is.
 */
final class ConstraintNames {

    static final String UNIQUE = "key";
    static final String FOREIGN_KEY = "fkey";
    static final String INDEX = "idx";

    private ConstraintNames() {}

    /**
     * The name to use in the target.
     *
     * @param name the source name, or null
     * @param oldTable the source table
     * @param oldColumns the constraint's source columns
     * @param newTable the target table
     * @param newColumns the constraint's target columns
     * @param suffix PostgreSQL's suffix for the kind: {@link #UNIQUE}, {@link #FOREIGN_KEY}, {@link #INDEX}
     */
    static String rename(
            String name,
            String oldTable,
            List<String> oldColumns,
            String newTable,
            List<String> newColumns,
            String suffix) {
        if (name == null) {
            return null;
        }
        if (name.equals(generated(oldTable, oldColumns, suffix))) {
            return generated(newTable, newColumns, suffix);
        }
        return name;
    }

    private static String generated(String table, List<String> columns, String suffix) {
        return table + "_" + String.join("_", columns) + "_" + suffix;
    }
}
