package dev.migrate.importsqlite;

import dev.migrate.core.types.StagingKind;
import java.util.Locale;

/**
 * SQLite's column affinity, derived from a declared type by the rules of section 3.1 of
 * https://www.sqlite.org/datatype3.html, and whether it could change a staged value. Used to warn
 * about a user-supplied schema file; the generated schema's types are chosen so it never does.
 */
enum Affinity {
    INTEGER,
    TEXT,
    BLOB,
    REAL,
    NUMERIC;

    static Affinity of(String declared) {
        String t = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return TEXT;
        }
        if (t.contains("BLOB") || t.isBlank()) {
            return BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return REAL;
        }
        return NUMERIC;
    }

    /**
     * Why storing values of this staging kind in a column of this affinity could change them, or
     * null when it cannot.
     */
    String risk(StagingKind kind) {
        return switch (kind) {
            case DECIMAL, TEXT, VARCHAR, CHAR, JSON, JSONB, ENUM, SOURCE_TEXT ->
                this == INTEGER || this == REAL || this == NUMERIC
                        ? "text that looks like a number would be converted ('12.50' → 12.5, '007' → 7)"
                        : null;
            case INT16, INT32, INT64, BOOLEAN ->
                this == TEXT ? "integers would be stored as text" : this == REAL ? "integers would become reals" : null;
            case FLOAT32, FLOAT64 ->
                this == TEXT
                        ? "reals would be stored as text"
                        : this == INTEGER || this == NUMERIC ? "integral reals would become integers (2.0 → 2)" : null;
            default -> null; // uuid, temporal, arrays, bytes never look like numbers
        };
    }
}
