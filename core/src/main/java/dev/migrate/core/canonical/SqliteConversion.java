package dev.migrate.core.canonical;

import dev.migrate.core.schema.ColumnSchema;

/**
 * How the values of one SQLite column were converted beyond what their staging type says, as
 * export-sqlite decided it for the whole column and recorded it in the manifest. Today that is
 * only epoch numbers: a DATETIME/TIMESTAMP/DATE column whose every value is an integer of one
 * magnitude band is exported as the UTC instants (timestamptz) or dates those numbers mean.
 * Whoever reads the SQLite file again to compare it with the export (validate) must apply the
 * same conversion; the staging type alone cannot tell that {@code 1627303906} is a timestamp.
 *
 * <p>Recorded as the first word of the column's {@code note}: {@code epoch_seconds: ...} or
 * {@code epoch_milliseconds: ...} (see docs/staging-format.md §2). A prefix of the existing note,
 * rather than a new manifest field, keeps the manifest readable by every version-1 reader.
 */
public enum SqliteConversion {
    /** Values are read as their staging type says. */
    NONE(null),
    /** Integers are Unix epoch seconds, read as UTC timestamptz (or the date, for a date column). */
    EPOCH_SECONDS("epoch_seconds"),
    /** Integers are Unix epoch milliseconds, read as UTC timestamptz (or the date, for a date column). */
    EPOCH_MILLISECONDS("epoch_milliseconds");

    private final String tag;

    SqliteConversion(String tag) {
        this.tag = tag;
    }

    /** The word that starts the column note ({@code epoch_seconds}); null for {@link #NONE}. */
    public String tag() {
        return tag;
    }

    /** The column note recording this conversion: {@code "<tag>: <note>"}; the note itself for {@link #NONE}. */
    public String note(String note) {
        if (tag == null) {
            return note;
        }
        return note == null || note.isEmpty() ? tag : tag + ": " + note;
    }

    /** The conversion a manifest column records (from the start of its note); {@link #NONE} when none. */
    public static SqliteConversion of(ColumnSchema column) {
        return ofNote(column.note());
    }

    /** The conversion a column note records; {@link #NONE} when none. */
    public static SqliteConversion ofNote(String note) {
        if (note != null) {
            for (SqliteConversion c : values()) {
                if (c.tag != null && (note.equals(c.tag) || note.startsWith(c.tag + ":"))) {
                    return c;
                }
            }
        }
        return NONE;
    }

    /** True for the epoch conversions. */
    public boolean isEpoch() {
        return this != NONE;
    }

    /** True when the epoch numbers count milliseconds. */
    boolean milliseconds() {
        return this == EPOCH_MILLISECONDS;
    }
}
