package dev.migrate.exportsqlite.profile;

import dev.migrate.core.canonical.SqliteCell;
import dev.migrate.core.canonical.SqliteConversion;
import dev.migrate.core.canonical.SqliteValues;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.ValueCodec;
import java.util.function.Supplier;

/**
 * One way of reading every value of a column as one staging type. While the profile pass runs it
 * counts the values it cannot read and remembers the first; after it, if it read them all, it
 * converts each value of the export pass to its staging value. The conversion itself is core's
 * {@link SqliteValues#convert} for the reading's type and {@link #conversion()}, the same code the
 * validator reads the source with: a reading only decides which values it {@link #accepts}.
 */
public abstract class Reading {

    private final StagingType type;
    private long rejected;
    private Example firstRejected;
    private ValueCodec codec;
    private SqliteValues.CellConverter converter;
    private StagingType converterType;

    protected Reading(StagingType type) {
        this.type = type;
    }

    /** The staging type this reading produces. */
    public StagingType type() {
        return type;
    }

    /**
     * Observes one non-null value of the profile pass. A value counts as read only when the staging
     * codec also accepts its converted form (length, precision and range limits included), so the
     * export pass can never meet a value its file cannot take.
     */
    public final void observe(SqliteCell c, Supplier<String> rowKey) {
        if (!accepts(c) || (checkedByCodec() && !codecAccepts(c))) {
            rejected++;
            if (firstRejected == null) {
                firstRejected = new Example(rowKey.get(), Example.describe(c));
            }
        }
    }

    private boolean codecAccepts(SqliteCell c) {
        try {
            codec().canonical(convert(c));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ValueCodec codec() {
        if (codec == null) {
            codec = Codecs.forType(type());
        }
        return codec;
    }

    /** What {@link #observeAndConvert} returns for a value this reading does not take. */
    public static final Object REJECTED = new Object();

    /**
     * Observes one non-null value exactly as {@link #observe} does (the same counts, the same
     * first rejected value) and returns its canonical staging value, the value the staging
     * writer's codec makes of {@link #convert}; {@link #REJECTED} when this reading does not take
     * it, or when the codec refuses a value this reading's own check accepts (which {@link
     * #observe} does not count: the export pass then meets it and reports it). One conversion
     * and one codec check serve both the profile and the value written.
     */
    public final Object observeAndConvert(SqliteCell c, Supplier<String> rowKey) {
        Object value = REJECTED;
        boolean accepted = accepts(c);
        if (accepted) {
            if (checkedByCodec()) {
                try {
                    value = codec().canonical(convert(c));
                } catch (IllegalArgumentException e) {
                    accepted = false;
                }
            } else {
                try {
                    value = codec().canonical(convert(c));
                } catch (RuntimeException e) {
                    value = REJECTED;
                }
            }
        }
        if (!accepted) {
            rejected++;
            if (firstRejected == null) {
                firstRejected = new Example(rowKey.get(), Example.describe(c));
            }
        }
        return value;
    }

    /** The canonical staging value of a non-null cell, or {@link #REJECTED}; observes nothing. */
    public final Object canonical(SqliteCell c) {
        try {
            return codec().canonical(convert(c));
        } catch (RuntimeException e) {
            return REJECTED;
        }
    }

    /**
     * Whether the profile pass also runs the staging codec over each converted value. Readings
     * whose own check is already the codec's whole check (integer ranges, booleans, bytes, doubles)
     * skip it: the profile pass reads every value of the table, so this is its hottest path.
     */
    protected boolean checkedByCodec() {
        return true;
    }

    /** Whether this reading can represent the value exactly (never called with NULL). */
    protected abstract boolean accepts(SqliteCell c);

    /**
     * The staging value of a non-null cell this reading accepts (the staging writer makes it
     * canonical, see {@code StagingKind} for each kind's Java value).
     */
    public final Object convert(SqliteCell c) {
        StagingType current = type();
        if (converter == null || !current.equals(converterType)) {
            // Chosen once per type: an array reading's type deepens while it profiles.
            converter = SqliteValues.converter(current, conversion());
            converterType = current;
        }
        return converter.convert(c);
    }

    /** The column-wide conversion this reading applies (recorded in the manifest's column note). */
    public SqliteConversion conversion() {
        return SqliteConversion.NONE;
    }

    /** True when every observed value was accepted. */
    public boolean fitsAll() {
        return rejected == 0;
    }

    /** How many observed values were not accepted. */
    public long rejected() {
        return rejected;
    }

    /** The first value not accepted, or null. */
    public Example firstRejected() {
        return firstRejected;
    }

    /**
     * What this reading did to the values beyond reading them (normalised spellings, REAL values
     * written as decimals...), for the column's note; null when nothing.
     */
    public String findings() {
        return null;
    }

    /** Whether {@link #findings()} deserves a warning rather than only a note. */
    public boolean findingsAreWarnings() {
        return false;
    }
}
