package dev.migrate.validate;

import dev.migrate.core.canonical.SqliteCell;
import dev.migrate.core.canonical.SqliteCell.StorageClass;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.UuidText;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

/**
 * Whether a stored SQLite value is in its type's storage form, decided in Java on the cell the
 * comparison has just read: the same answer as {@link SqliteChecks#badFormat}'s SQL condition
 * (JSON that {@code json_valid} takes, an array for arrays, a lower-case 8-4-4-4-12 uuid, 0/1
 * booleans, {@code uuuu-MM-dd} dates that {@code date()} gives back unchanged, timestamps and
 * times starting with the ISO clock, the infinities).
 *
 * <p>Why here: the SQL condition made SQLite scan every checked table a second time on the
 * background checks' thread (the tenant workload's uuid {@code GLOB}s, {@code json_valid} and
 * date checks were ~1.5-2 CPU s of its validate, on a machine whose two cores the comparison
 * already keeps busy), while the comparison reads every one of those values anyway. {@code
 * StoredFormTest} holds this class and the SQL condition to the same answer on a catalogue of
 * values; the SQL stays the definition, and finds the first offending row when a count is not 0.
 */
final class StoredForm {

    private final StagingKind kind;

    /** The type's check, chosen once per column ({@link #checkOf}). */
    private final CellCheck check;

    /** For JSON and arrays; one StoredForm per column read. */
    private final JsonSyntax json = new JsonSyntax();

    private StoredForm(StagingKind kind) {
        this.kind = kind;
        this.check = checkOf(kind);
    }

    /** The check of a column of the type, or null when the type has no storage form to check. */
    static StoredForm of(StagingType type) {
        return isChecked(type) ? new StoredForm(type.kind()) : null;
    }

    /** Whether values of the type have a storage form to check ({@link SqliteChecks#badFormat} is not null). */
    static boolean isChecked(StagingType type) {
        return switch (type.kind()) {
            case JSON, JSONB, ARRAY, UUID, BOOLEAN, DATE, TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ -> true;
            default -> false;
        };
    }

    /** Whether a non-null cell is in the type's storage form. */
    boolean conforms(SqliteCell cell) {
        return check.conforms(this, cell);
    }

    /** One type's storage-form check of a non-null cell. */
    @FunctionalInterface
    private interface CellCheck {
        boolean conforms(StoredForm form, SqliteCell cell);
    }

    /**
     * A small check per type, chosen once per column: one switch per value made this a large
     * method that the JIT compiled whole into the comparison's reading loop (as {@link
     * ComparableEncoder#encoding}).
     */
    private static CellCheck checkOf(StagingKind kind) {
        return switch (kind) {
            case BOOLEAN ->
                (form, cell) ->
                        cell.storageClass() == StorageClass.INTEGER && (cell.integer() == 0 || cell.integer() == 1);
            // JSON is checked on the stored bytes.
            case JSON, JSONB, ARRAY ->
                (form, cell) -> cell.storageClass() == StorageClass.TEXT
                        && form.conformsAsJson(
                                cell.validText() ? cell.text().getBytes(StandardCharsets.UTF_8) : cell.bytes());
            case UUID -> text((s, g) -> UuidText.isCanonical(g));
            // date(x) is x compares the whole text: a real day only without a NUL; the BC form is a GLOB alone.
            case DATE -> text((s, g) -> isRealDate(s) || isBcDate(g) || isInfinity(s));
            case TIMESTAMP, TIMESTAMPTZ -> text((s, g) -> isTimestamp(g) || isInfinity(s));
            case TIME, TIMETZ -> text((s, g) -> g.length() >= 8 && isClock(g, 0));
            default -> throw new IllegalArgumentException("no storage form to check for " + kind);
        };
    }

    /**
     * A check of a TEXT value, given the text whole and up to its first NUL char: GLOB and {@code
     * date()} read a text only up to a NUL, {@code = 'infinity'} compares all of it. Lossy for text
     * that is not UTF-8: a replacement char matches none of the patterns, as the invalid bytes
     * match none of the GLOB's classes.
     */
    private static CellCheck text(TextCheck check) {
        return (form, cell) -> {
            if (cell.storageClass() != StorageClass.TEXT) {
                return false;
            }
            String s = cell.text();
            int nul = s.indexOf('\0');
            return check.conforms(s, nul < 0 ? s : s.substring(0, nul));
        };
    }

    /** A check of a text, whole and up to its first NUL char. */
    @FunctionalInterface
    private interface TextCheck {
        boolean conforms(String whole, String uptoNul);
    }

    /**
     * Whether the stored bytes of a TEXT value of a JSON, jsonb or array column are in its storage
     * form (the bytes SQLite's {@code json_valid} reads; the validator reads jsonb as them).
     */
    boolean conformsAsJson(byte[] utf8) {
        return kind == StagingKind.ARRAY ? json.isJsonArray(utf8, 0, utf8.length) : json.isJson(utf8, 0, utf8.length);
    }

    /** {@code glob DAY and date(s) is s}. */
    private static boolean isRealDate(String s) {
        return s.length() == 10 && isDay(s, 0) && isRealDay(s, 0);
    }

    /** {@code glob '-' DAY}: a BC date, not checked further. */
    private static boolean isBcDate(String s) {
        return s.length() == 11 && s.charAt(0) == '-' && isDay(s, 1);
    }

    /** {@code DAY[ T]CLOCK*} with a date {@code date()} gives back, or {@code '-' DAY[ T]CLOCK*}. */
    private static boolean isTimestamp(String s) {
        if (s.length() >= 19 && isDay(s, 0) && isSeparator(s.charAt(10)) && isClock(s, 11)) {
            return isRealDay(s, 0);
        }
        return s.length() >= 20 && s.charAt(0) == '-' && isDay(s, 1) && isSeparator(s.charAt(11)) && isClock(s, 12);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == 'T';
    }

    /** {@code [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]} at {@code at}. */
    private static boolean isDay(String s, int at) {
        return isDigits(s, at, 4)
                && s.charAt(at + 4) == '-'
                && isDigits(s, at + 5, 2)
                && s.charAt(at + 7) == '-'
                && isDigits(s, at + 8, 2);
    }

    /** {@code [0-2][0-9]:[0-5][0-9]:[0-5][0-9]} at {@code at}. */
    private static boolean isClock(String s, int at) {
        return in(s.charAt(at), '0', '2')
                && in(s.charAt(at + 1), '0', '9')
                && s.charAt(at + 2) == ':'
                && in(s.charAt(at + 3), '0', '5')
                && in(s.charAt(at + 4), '0', '9')
                && s.charAt(at + 5) == ':'
                && in(s.charAt(at + 6), '0', '5')
                && in(s.charAt(at + 7), '0', '9');
    }

    /**
     * Whether SQLite's {@code date()} gives the {@code uuuu-MM-dd} at {@code at} back unchanged:
     * it reads months 1-12 and days 1-31 and normalises the rest ({@code 2023-02-30} becomes
     * {@code 2023-03-02}), on the proleptic Gregorian calendar for years 0000-9999, as {@code
     * java.time} counts them.
     */
    private static boolean isRealDay(String s, int at) {
        int year = number(s, at, 4);
        int month = number(s, at + 5, 2);
        int day = number(s, at + 8, 2);
        return month >= 1
                && month <= 12
                && day >= 1
                && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    private static boolean isDigits(String s, int at, int n) {
        for (int i = at; i < at + n; i++) {
            if (!in(s.charAt(i), '0', '9')) {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private static boolean in(char c, char low, char high) {
        return c >= low && c <= high;
    }

    private static boolean isInfinity(String s) {
        return s.equals("infinity") || s.equals("-infinity");
    }
}
