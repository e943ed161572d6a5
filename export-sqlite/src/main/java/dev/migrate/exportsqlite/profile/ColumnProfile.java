package dev.migrate.exportsqlite.profile;

import dev.migrate.core.canonical.SqliteCell;
import dev.migrate.core.mapping.MappingRule;
import dev.migrate.core.mapping.TypeMappings;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.exportsqlite.catalog.SourceColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * The values of one column as the profile pass saw them, and the rule that turns that into a
 * staging type. The rule: a column's staging type is the meaning of its declared type (from
 * {@link TypeMappings#declaredSqlite}) when every value fits it; otherwise the next, wider
 * reading the declared type allows (int32 → int64, numeric(p,s) → numeric, varchar(n) → text...);
 * otherwise the narrowest type that holds every value exactly, down to text or bytes. Memory is
 * bounded: counters and the first example of each kind, never the values.
 */
public final class ColumnProfile {

    private final SourceColumn column;
    private final StagingType declared;
    private final MappingRule declaredRule;
    private final boolean rowidAlias;
    private final List<Step> chain;
    private final TemporalProfile temporal;

    private long nonNull;
    private long nulls;
    private long integers;
    private long reals;
    private long texts;
    private long blobs;
    private long invalidTexts;
    private long binaryBlobs;
    private long nulTexts;
    private long minInteger = Long.MAX_VALUE;
    private long maxInteger = Long.MIN_VALUE;
    private Example firstNull;
    private Example firstInvalidText;
    private Example firstBinaryBlob;
    private Example firstNul;

    /** One reading of the declared type's chain, and whether choosing it deserves a warning. */
    private record Step(Reading reading, boolean warning, String explanation) {
        Step(Reading reading, boolean warning) {
            this(reading, warning, null);
        }
    }

    private ColumnProfile(SourceColumn column, boolean rowidAlias) {
        this.column = column;
        this.rowidAlias = rowidAlias;
        this.declared = TypeMappings.declaredSqlite(column.declaredType());
        this.declaredRule = ruleFor(column.declaredType(), declared);
        StagingKind k = declared.kind();
        boolean temporalKind = k == StagingKind.DATE || k == StagingKind.TIMESTAMP || k == StagingKind.TIMESTAMPTZ;
        this.temporal = !rowidAlias && temporalKind ? new TemporalProfile(k, declared.precision()) : null;
        this.chain = temporal != null ? List.of() : chain(declared, rowidAlias, column);
    }

    /** A profile for the column; {@code rowidAlias} for its table's INTEGER PRIMARY KEY. */
    public static ColumnProfile of(SourceColumn column, boolean rowidAlias) {
        return new ColumnProfile(column, rowidAlias);
    }

    /** The staging type the declared type means before looking at values. */
    public StagingType declared() {
        return declared;
    }

    public long nulls() {
        return nulls;
    }

    public Example firstNull() {
        return firstNull;
    }

    /** The largest integer seen, or null when there was none. */
    public Long maxInteger() {
        return integers == 0 ? null : maxInteger;
    }

    /** Observes one value of the profile pass; {@code rowKey} describes the row, computed only when needed. */
    public void observe(SqliteCell c, Supplier<String> rowKey) {
        if (!count(c, rowKey)) {
            return;
        }
        if (temporal != null) {
            temporal.observe(c, rowKey);
        }
        for (Step s : chain) {
            s.reading().observe(c, rowKey);
        }
    }

    /**
     * Observes one value for a profile that is kept only if every value fits {@code guess}, this
     * column's {@link #speculation()}, and returns the value's canonical staging value under the
     * guess: null for NULL, {@link Reading#REJECTED} when the guess does not take it (the caller
     * then drops this profile and profiles the table again with {@link #observe}). While every
     * value fits the guess, {@link #decide()} only looks at what is observed here (the counts, the
     * temporal profile and the guess, the chain's first reading, which it then chooses without
     * consulting the wider readings), so those are not observed at all: for a CHAR(n) column that
     * saves two conversions and codec checks per value. The guess's own conversion and codec
     * check give the value written.
     */
    public Object observeSpeculatively(SqliteCell c, Supplier<String> rowKey, Reading guess) {
        if (!count(c, rowKey)) {
            return null;
        }
        if (temporal != null) {
            temporal.observe(c, rowKey);
        }
        if (!chain.isEmpty() && chain.get(0).reading() == guess) {
            return guess.observeAndConvert(c, rowKey);
        }
        return guess.canonical(c);
    }

    /** Counts one value by storage class (and its NUL, invalid UTF-8, binary findings); false for NULL. */
    private boolean count(SqliteCell c, Supplier<String> rowKey) {
        if (c.isNull()) {
            nulls++;
            if (firstNull == null) {
                firstNull = new Example(rowKey.get(), "NULL");
            }
            return false;
        }
        nonNull++;
        switch (c.storageClass()) {
            case INTEGER -> {
                integers++;
                minInteger = Math.min(minInteger, c.integer());
                maxInteger = Math.max(maxInteger, c.integer());
            }
            case REAL -> reals++;
            case TEXT -> {
                texts++;
                if (!c.validText()) {
                    invalidTexts++;
                    if (firstInvalidText == null) {
                        firstInvalidText = new Example(rowKey.get(), Example.describe(c));
                    }
                } else if (c.text().indexOf('\0') >= 0) {
                    nulTexts++;
                    if (firstNul == null) {
                        firstNul = new Example(rowKey.get(), Example.describe(c));
                    }
                }
            }
            case BLOB -> {
                blobs++;
                if (!Readings.blobIsText(c.bytes())) {
                    binaryBlobs++;
                    if (firstBinaryBlob == null) {
                        firstBinaryBlob = new Example(rowKey.get(), Example.describe(c));
                    }
                }
            }
            case NULL -> {}
        }
        return true;
    }

    /**
     * The reading {@link #decide()} would choose if every value fit the declared type's meaning:
     * the first reading of the declared type's chain, or for a temporal column its declared type
     * read as ISO text; null when the decision depends on the values themselves (no declared type,
     * an enum without labels). export-sqlite writes a table under these readings while profiling
     * it, and keeps that file only when the real decision turns out to read every value the same
     * way ({@link #sameConversion}).
     */
    public Reading speculation() {
        if (temporal != null) {
            return temporal.speculation();
        }
        return chain.isEmpty() ? null : chain.get(0).reading();
    }

    /**
     * Whether two readings turn every cell into the same staging value: the conversion is core's
     * {@code SqliteValues.convert(type, conversion, cell)}, so equal types and conversions are
     * equal values.
     */
    public static boolean sameConversion(Reading a, Reading b) {
        return a.type().equals(b.type()) && a.conversion() == b.conversion();
    }

    /** Decides the column's staging type after the profile pass. */
    public ColumnDecision decide() {
        List<String> notes = new ArrayList<>();
        boolean warning = false;
        if (column.declaredType().isBlank()) {
            notes.add("no declared type");
        } else if (declaredRule != null && declaredRule.note().startsWith("SQLite affinity rule")) {
            notes.add("declared type " + column.declaredType() + " is not a type name the mapping knows: "
                    + declaredRule.note() + " (" + declaredRule.source() + ")");
        }
        Reading chosen = null;
        String reason = null;
        if (temporal != null) {
            TemporalProfile.Outcome o = temporal.decide();
            if (o.reading() != null) {
                chosen = o.reading();
                if (o.note() != null) {
                    notes.add(o.note());
                }
                warning = o.warning();
            } else {
                reason = o.fallbackReason();
            }
        } else if (!chain.isEmpty()) {
            Step first = chain.get(0);
            for (int i = 0; i < chain.size() && chosen == null; i++) {
                Step s = chain.get(i);
                if (s.reading().fitsAll()) {
                    chosen = s.reading();
                    if (i > 0) {
                        notes.add(misfit(first.reading()) + "; "
                                + (s.explanation() != null
                                        ? s.explanation()
                                        : s.reading().type() + " holds them"));
                        warning |= s.warning();
                    }
                }
            }
            if (chosen == null) {
                reason = misfit(first.reading());
            }
        } else {
            reason = noChainReason();
        }
        if (chosen == null) {
            chosen = narrowest();
            notes.add(reason + "; exported as " + chosen.type() + ", the narrowest type that holds every value exactly"
                    + fallbackFindings(chosen));
            warning = true;
        } else if (chosen.findings() != null) {
            notes.add(chosen.findings());
            warning |= chosen.findingsAreWarnings();
        }
        StagingKind kind = chosen.type().kind();
        boolean textual = kind == StagingKind.TEXT || kind == StagingKind.VARCHAR || kind == StagingKind.CHAR;
        if (nulTexts > 0 && textual) {
            notes.add(count(nulTexts, "text value")
                    + " with NUL characters, which PostgreSQL text cannot store (first: " + firstNul + ")");
            warning = true;
        }
        return new ColumnDecision(chosen.type(), chosen, notes.isEmpty() ? null : String.join("; ", notes), warning);
    }

    private String misfit(Reading r) {
        return r.rejected() + " of " + nonNull + (nonNull == 1 ? " value" : " values")
                + (r.rejected() == 1 ? " does" : " do") + " not fit "
                + r.type() + " (first: " + r.firstRejected() + ")";
    }

    private String noChainReason() {
        if (declared.kind() == StagingKind.ENUM) {
            return declared.name() == null
                    ? "the declared type names no enum type"
                    : "no CHECK (" + column.name() + " IN (...)) lists the labels of enum " + declared.name();
        }
        return "no reading for " + declared;
    }

    /** The narrowest type that holds every observed value exactly. */
    private Reading narrowest() {
        if (invalidTexts > 0 || binaryBlobs > 0) {
            return Readings.bytes(false);
        }
        if (nonNull > 0 && integers == nonNull) {
            boolean fits32 = minInteger >= Integer.MIN_VALUE && maxInteger <= Integer.MAX_VALUE;
            return Readings.integer(fits32 ? StagingKind.INT32 : StagingKind.INT64);
        }
        if (nonNull > 0 && reals == nonNull) {
            return Readings.floating(StagingKind.FLOAT64);
        }
        if (nonNull > 0 && integers + reals == nonNull) {
            return Readings.decimal(null, null);
        }
        if (nonNull > 0 && blobs == nonNull) {
            return Readings.bytes(false);
        }
        return Readings.text(StagingType.of(StagingKind.TEXT), false);
    }

    private String fallbackFindings(Reading r) {
        List<String> parts = new ArrayList<>();
        switch (r.type().kind()) {
            case BYTES -> {
                if (invalidTexts > 0) {
                    parts.add(count(invalidTexts, "TEXT value") + " not valid UTF-8 kept byte for byte (first: "
                            + firstInvalidText + ")");
                }
                if (texts - invalidTexts > 0) {
                    parts.add(count(texts - invalidTexts, "valid TEXT value") + " written as UTF-8 bytes");
                }
                if (integers + reals > 0) {
                    parts.add(count(integers + reals, "number") + " written as the UTF-8 bytes of their text");
                }
            }
            case TEXT -> {
                if (integers + reals > 0) {
                    parts.add(count(integers + reals, "number") + " written as text");
                }
                if (blobs > 0) {
                    parts.add(count(blobs, "BLOB value") + " holding UTF-8 text written as text");
                }
            }
            case DECIMAL -> {
                if (reals > 0) {
                    parts.add(count(reals, "REAL value")
                            + " written as the shortest decimal that reads back as the same" + " double");
                }
            }
            default -> {}
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The declared type's readings, most faithful first. */
    private static List<Step> chain(StagingType declared, boolean rowidAlias, SourceColumn column) {
        if (rowidAlias) {
            return List.of(new Step(Readings.integer(StagingKind.INT64), false));
        }
        return switch (declared.kind()) {
            case INT16 ->
                List.of(
                        new Step(Readings.integer(StagingKind.INT16), false),
                        new Step(Readings.integer(StagingKind.INT32), true),
                        new Step(Readings.integer(StagingKind.INT64), true));
            case INT32 ->
                List.of(
                        new Step(Readings.integer(StagingKind.INT32), false),
                        // INTEGER in SQLite is 64-bit; needing int64 is the mapping's rule, not a misfit.
                        new Step(Readings.integer(StagingKind.INT64), false));
            case INT64 -> List.of(new Step(Readings.integer(StagingKind.INT64), false));
            case DECIMAL ->
                declared.precision() == null
                        ? List.of(new Step(Readings.decimal(null, null), false))
                        : List.of(
                                new Step(Readings.decimal(declared.precision(), declared.scale()), false),
                                new Step(Readings.decimal(null, null), true));
            case FLOAT32 ->
                List.of(
                        new Step(Readings.floating(StagingKind.FLOAT32), false),
                        new Step(Readings.floating(StagingKind.FLOAT64), true));
            case FLOAT64 -> List.of(new Step(Readings.floating(StagingKind.FLOAT64), false));
            case BOOLEAN -> List.of(new Step(Readings.bool(), false));
            case TEXT -> List.of(new Step(Readings.text(declared, false), false));
            case VARCHAR ->
                List.of(
                        new Step(Readings.text(declared, false), false),
                        new Step(Readings.text(StagingType.of(StagingKind.TEXT), false), true));
            case CHAR ->
                List.of(
                        new Step(Readings.text(declared, true), false),
                        // SQLite keeps CHAR(n) values unpadded; char(n) would pad them with blanks.
                        new Step(
                                Readings.text(StagingType.varchar(declared.length()), false),
                                false,
                                "varchar(" + declared.length() + ") keeps them as stored, without the blank padding"
                                        + " char(" + declared.length() + ") would add"),
                        new Step(Readings.text(StagingType.of(StagingKind.TEXT), false), true));
            case UUID -> List.of(new Step(Readings.uuid(), false));
            case JSON -> List.of(new Step(Readings.json(StagingKind.JSON), false));
            case JSONB -> List.of(new Step(Readings.json(StagingKind.JSONB), false));
            case BYTES -> List.of(new Step(Readings.bytes(true), false));
            case TIME -> List.of(new Step(Readings.time(declared), false));
            case TIMETZ -> List.of(new Step(Readings.timeWithOffset(declared), false));
            case INTERVAL -> List.of(new Step(Readings.interval(), false));
            case ENUM ->
                declared.name() == null || column.enumLabels().isEmpty()
                        ? List.of()
                        : List.of(new Step(Readings.enumLabel(declared.name(), column.enumLabels()), false));
            case ARRAY -> arrayChain(declared);
            case SOURCE_TEXT -> List.of(new Step(Readings.sourceText(declared), false));
            default -> List.of(); // temporal kinds are profiled by TemporalProfile
        };
    }

    private static List<Step> arrayChain(StagingType declared) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Readings.array(declared), false));
        StagingKind element = declared.element().kind();
        if (element == StagingKind.INT16 || element == StagingKind.INT32) {
            int dimensions = declared.dimensions() == null ? 1 : declared.dimensions();
            steps.add(new Step(Readings.array(StagingType.array(StagingType.of(StagingKind.INT64), dimensions)), true));
        }
        return steps;
    }

    /**
     * The mapping rule the declared type matched; null if it does not give the meaning used here
     * (then no rule is named).
     */
    static MappingRule ruleFor(String declaredType, StagingType meaning) {
        MappingRule r = TypeMappings.sqliteRule(declaredType);
        Matcher m = r.pattern().matcher(TypeMappings.normalizeSqlite(declaredType));
        return m.matches() && r.mapper().apply(m).equals(meaning) ? r : null;
    }
}
