package dev.migrate.core.canonical;

import dev.migrate.core.types.StagingType;

/**
 * How one dialect's values are read into canonical staging values (see {@link
 * dev.migrate.core.types.StagingKind}).
 *
 * <p>Use: for each column, put {@link #selectExpression} in the select list and build one {@link
 * ColumnReader} with {@link #reader}; then, for each row, call {@link ColumnReader#read}. The
 * value returned is already canonical (what {@code Codecs.forType(t).canonical(v)} would accept
 * unchanged) or null for SQL NULL. A value that has no canonical form for the staging type makes
 * {@code read} throw {@link IllegalArgumentException} with a one-line message ("expected a date in
 * canonical form, found 2024-13-45"); the caller adds table, row and column.
 */
public interface CanonicalReader {

    /** The select-list expression for a column of the given staging type (the name is quoted here). */
    String selectExpression(String columnName, StagingType type);

    /** A reader for one column of the given staging type; build it once per query, not per row. */
    ColumnReader reader(StagingType type);
}
