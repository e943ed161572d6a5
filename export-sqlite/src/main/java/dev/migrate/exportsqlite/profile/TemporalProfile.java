package dev.migrate.exportsqlite.profile;

import dev.migrate.core.canonical.SqliteCell;
import dev.migrate.core.canonical.SqliteConversion;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.TemporalText;
import java.util.function.Supplier;

/**
 * Profiles a column declared DATE, DATETIME, TIMESTAMP or TIMESTAMPTZ and decides how its values
 * are read. Never guesses value by value: epoch numbers are converted only when every value is an
 * integer in the same magnitude band (seconds or milliseconds); texts are read only when every
 * value is ISO-8601 text; offsets are never invented except for TIMESTAMPTZ, the type whose
 * {@code CURRENT_TIMESTAMP} default writes UTC without an offset.
 */
final class TemporalProfile {

    /** Epoch seconds band: 1e8 s is 1973-03-03, 1e11 s is the year 5138. */
    static final long SECONDS_MIN = 100_000_000L;

    static final long SECONDS_MAX = 100_000_000_000L;
    /** Epoch milliseconds band: the same dates in milliseconds. */
    static final long MILLIS_MIN = SECONDS_MAX;

    static final long MILLIS_MAX = 100_000_000_000_000L;

    private final StagingKind declared;
    private final Integer precision;

    long nonNull;
    long seconds;
    long millis;
    long otherIntegers;
    long others; // reals, blobs, invalid or non-ISO text
    long dates;
    long naive;
    long withOffset;
    /** PostgreSQL's 'infinity' / '-infinity', which import-sqlite writes as text: they fit every form. */
    long infinities;

    long tSeparators;
    long reformatted;
    int maxFractionDigits;
    boolean allSecondsMidnight = true;
    boolean allMillisMidnight = true;
    Example firstInteger;
    Example firstOtherInteger;
    Example firstOther;
    Example firstText;
    Example firstNaive;
    Example firstDate;
    Example firstOffset;

    TemporalProfile(StagingKind declared, Integer precision) {
        this.declared = declared;
        this.precision = precision;
    }

    void observe(SqliteCell c, Supplier<String> rowKey) {
        nonNull++;
        switch (c.storageClass()) {
            case INTEGER -> {
                long v = c.integer();
                if (firstInteger == null) {
                    firstInteger = new Example(rowKey.get(), Example.describe(c));
                }
                if (v >= SECONDS_MIN && v < SECONDS_MAX) {
                    seconds++;
                    allSecondsMidnight &= TemporalText.isMidnight(v, false);
                } else if (v >= MILLIS_MIN && v < MILLIS_MAX) {
                    millis++;
                    allMillisMidnight &= TemporalText.isMidnight(v, true);
                } else {
                    otherIntegers++;
                    if (firstOtherInteger == null) {
                        firstOtherInteger = new Example(rowKey.get(), Example.describe(c));
                    }
                }
            }
            case TEXT -> {
                if (c.validText() && (c.text().equals("infinity") || c.text().equals("-infinity"))) {
                    infinities++;
                    return;
                }
                TemporalText.Parsed p = c.validText() ? TemporalText.parse(c.text()) : null;
                if (p == null) {
                    other(c, rowKey);
                    return;
                }
                if (firstText == null) {
                    firstText = new Example(rowKey.get(), Example.describe(c));
                }
                if (p.tSeparator()) {
                    tSeparators++;
                }
                if (p.reformatted()) {
                    reformatted++;
                }
                if (p.time() != null) {
                    int dot = p.time().indexOf('.');
                    maxFractionDigits =
                            Math.max(maxFractionDigits, dot < 0 ? 0 : p.time().length() - dot - 1);
                }
                switch (p.form()) {
                    case DATE -> {
                        dates++;
                        if (firstDate == null) {
                            firstDate = new Example(rowKey.get(), Example.describe(c));
                        }
                    }
                    case TIMESTAMP -> {
                        naive++;
                        if (firstNaive == null) {
                            firstNaive = new Example(rowKey.get(), Example.describe(c));
                        }
                    }
                    case TIMESTAMP_OFFSET -> {
                        withOffset++;
                        if (firstOffset == null) {
                            firstOffset = new Example(rowKey.get(), Example.describe(c));
                        }
                    }
                }
            }
            default -> other(c, rowKey);
        }
    }

    private void other(SqliteCell c, Supplier<String> rowKey) {
        others++;
        if (firstOther == null) {
            firstOther = new Example(rowKey.get(), Example.describe(c));
        }
    }

    /**
     * How the values are read, or a reason why no temporal reading fits (then the column falls
     * back to the narrowest type that holds every value).
     */
    Outcome decide() {
        String declaredName = declared.jsonName();
        long integers = seconds + millis + otherIntegers;
        long texts = dates + naive + withOffset + infinities;
        if (nonNull == infinities) {
            return Outcome.read(new TemporalReading(declaredType()), null, false);
        }
        if (others > 0) {
            return Outcome.fallback(others + " of " + plural(nonNull) + (others == 1 ? " is" : " are")
                    + " not ISO-8601 dates or timestamps (first: "
                    + firstOther + ")");
        }
        if (integers > 0 && texts > 0) {
            return Outcome.fallback("mixes " + count(integers, "integer") + " (first: " + firstInteger + ") and "
                    + count(texts, "ISO-8601 text") + " (first: " + firstText
                    + "); epoch numbers are only converted when the whole"
                    + " column is epoch of one unit");
        }
        if (integers == nonNull) {
            return epoch();
        }
        return text(declaredName, nonNull - infinities);
    }

    private Outcome epoch() {
        boolean inSeconds = seconds == nonNull;
        boolean inMillis = millis == nonNull;
        if (!inSeconds && !inMillis) {
            Example first = firstOtherInteger != null ? firstOtherInteger : firstInteger;
            return Outcome.fallback("holds integers that are not consistently epoch seconds (1e8 to 1e11) or"
                    + " milliseconds (1e11 to 1e14): " + seconds + " in the seconds range, " + millis
                    + " in the milliseconds range, " + otherIntegers + " in neither (first: " + first + ")");
        }
        String unit = inSeconds ? "seconds" : "milliseconds";
        SqliteConversion conversion = inSeconds ? SqliteConversion.EPOCH_SECONDS : SqliteConversion.EPOCH_MILLISECONDS;
        boolean midnight = inSeconds ? allSecondsMidnight : allMillisMidnight;
        if (declared == StagingKind.DATE && midnight) {
            return Outcome.read(
                    new TemporalReading(StagingType.of(StagingKind.DATE), conversion),
                    "every value is an integer epoch in " + unit + " at midnight UTC (first: " + firstInteger
                            + "); converted to dates",
                    true);
        }
        return Outcome.read(
                new TemporalReading(StagingType.of(StagingKind.TIMESTAMPTZ), conversion),
                "every value is an integer epoch in " + unit + " (first: " + firstInteger
                        + "); converted to UTC timestamptz (+00:00), unit " + unit,
                true);
    }

    /** {@code finite}: the values other than infinity, which fit whatever the others decide. */
    private Outcome text(String declaredName, long finite) {
        StringBuilder notes = new StringBuilder();
        if (tSeparators > 0) {
            append(notes, plural(tSeparators) + " with a 'T' separator written with a space");
        }
        if (reformatted > 0) {
            append(notes, plural(reformatted) + " completed to the canonical form (seconds added, offset as +HH:MM)");
        }
        if (declared == StagingKind.TIMESTAMPTZ) {
            long without = naive + dates;
            if (without > 0) {
                append(
                        notes,
                        plural(without) + " without an offset read as UTC, as SQLite's CURRENT_TIMESTAMP writes them"
                                + " (first: " + (firstNaive != null ? firstNaive : firstDate) + ")");
            }
            return Outcome.read(
                    new TemporalReading(withPrecision(StagingKind.TIMESTAMPTZ, notes)), emptyToNull(notes), false);
        }
        if (withOffset > 0 && withOffset < finite) {
            return Outcome.fallback(withOffset + " values carry a UTC offset (first: " + firstOffset + ") and "
                    + (finite - withOffset) + " do not (first: " + (firstNaive != null ? firstNaive : firstDate)
                    + "); an offset is never invented for a " + declaredName + " column");
        }
        if (withOffset == finite) {
            append(notes, "every value carries a UTC offset: timestamptz, each offset kept as written");
            return Outcome.read(
                    new TemporalReading(withPrecision(StagingKind.TIMESTAMPTZ, notes)),
                    notes.toString(),
                    declared == StagingKind.DATE);
        }
        if (dates == finite) {
            if (declared != StagingKind.DATE) {
                append(notes, "every value is a date without a time of day: date");
            }
            return Outcome.read(new TemporalReading(StagingType.of(StagingKind.DATE)), emptyToNull(notes), false);
        }
        if (dates > 0) {
            append(notes, plural(dates) + " holding only a date read as midnight (first: " + firstDate + ")");
        }
        if (declared == StagingKind.DATE) {
            append(notes, plural(naive) + " carry a time of day (first: " + firstNaive + "): timestamp");
        }
        return Outcome.read(
                new TemporalReading(withPrecision(StagingKind.TIMESTAMP, notes)),
                emptyToNull(notes),
                declared == StagingKind.DATE);
    }

    /** The reading when every value is ISO text of the declared kind (the common case). */
    Reading speculation() {
        return new TemporalReading(declaredType());
    }

    private StagingType declaredType() {
        return declared == StagingKind.DATE
                ? StagingType.of(StagingKind.DATE)
                : StagingType.temporal(declared, precision);
    }

    /** Keeps the declared fractional precision only when no value has more digits. */
    private StagingType withPrecision(StagingKind kind, StringBuilder notes) {
        if (precision != null && maxFractionDigits > precision) {
            append(
                    notes,
                    "values have " + maxFractionDigits + " fractional digits, more than the declared precision "
                            + precision + ": precision dropped");
            return StagingType.of(kind);
        }
        return StagingType.temporal(kind, declared == StagingKind.DATE ? null : precision);
    }

    private static void append(StringBuilder b, String s) {
        if (b.length() > 0) {
            b.append("; ");
        }
        b.append(s);
    }

    private static String emptyToNull(StringBuilder b) {
        return b.length() == 0 ? null : b.toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String plural(long n) {
        return n + (n == 1 ? " value" : " values");
    }

    /**
     * The decision: a reading (with a note and whether it deserves a warning), or a reason why no
     * temporal reading fits.
     */
    record Outcome(Reading reading, String note, boolean warning, String fallbackReason) {
        static Outcome read(Reading r, String note, boolean warning) {
            return new Outcome(r, note, warning, null);
        }

        static Outcome fallback(String reason) {
            return new Outcome(null, null, true, reason);
        }
    }

    /**
     * Reads the values of a decided temporal column: as the staging type says, or, for epoch
     * columns, with the column's epoch conversion.
     */
    static final class TemporalReading extends Reading {
        private final SqliteConversion conversion;

        TemporalReading(StagingType type, SqliteConversion conversion) {
            super(type);
            this.conversion = conversion;
        }

        TemporalReading(StagingType type) {
            this(type, SqliteConversion.NONE);
        }

        @Override
        protected boolean accepts(SqliteCell c) {
            return true; // decided from the profile; never used to profile
        }

        @Override
        public SqliteConversion conversion() {
            return conversion;
        }
    }
}
