package dev.migrate.core.mapping;

import java.util.Locale;

/** SQLite's column affinity rules (section 3.1 of https://sqlite.org/datatype3.html), for tests. */
final class SqliteAffinity {

    private SqliteAffinity() {}

    static String of(String declared) {
        String t = declared.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return "INTEGER";
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return "TEXT";
        }
        if (t.contains("BLOB") || t.isEmpty()) {
            return "BLOB";
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return "REAL";
        }
        return "NUMERIC";
    }
}
