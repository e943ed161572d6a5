package dev.migrate.core;

/**
 * Where a problem is: any of file, table, row (1-based, in the table file or result set) and
 * column may be null when unknown or not applicable.
 */
public record Location(String file, String table, Long row, String column) {

    /** No location at all. */
    public static final Location NONE = new Location(null, null, null, null);

    public static Location file(String file) {
        return new Location(file, null, null, null);
    }

    public static Location table(String table) {
        return new Location(null, table, null, null);
    }

    public static Location column(String table, String column) {
        return new Location(null, table, null, column);
    }

    public Location withRow(long row) {
        return new Location(file, table, row, column);
    }

    public Location withColumn(String newColumn) {
        return new Location(file, table, row, newColumn);
    }

    public Location withTable(String newTable) {
        return new Location(file, newTable, row, column);
    }

    /** Renders as {@code file x.json, table "t", row 3, column "c"}; empty when nothing is known. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append("file ").append(file);
        }
        if (table != null) {
            append(b, "table \"" + table + "\"");
        }
        if (row != null) {
            append(b, "row " + row);
        }
        if (column != null) {
            append(b, "column \"" + column + "\"");
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String part) {
        if (b.length() > 0) {
            b.append(", ");
        }
        b.append(part);
    }
}
