package dev.migrate.exportsqlite.profile;

import dev.migrate.core.canonical.SqliteCell;
import dev.migrate.core.canonical.SqliteCell.StorageClass;
import dev.migrate.core.canonical.SqliteConversion;
import dev.migrate.core.canonical.SqliteValues;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.JsonText;
import dev.migrate.core.types.ShortestDecimal;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.TemporalText;
import dev.migrate.core.types.ValueCodec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The readings, one small class per staging type family. */
public final class Readings {

    private Readings() {}

    /** Integers within the kind's range (int16, int32, int64). */
    public static Reading integer(StagingKind kind) {
        return new IntegerReading(kind);
    }

    /** Exact decimals, fitting {@code numeric(precision, scale)} when precision is given. */
    public static Reading decimal(Integer precision, Integer scale) {
        return new DecimalReading(precision, scale);
    }

    /** Doubles (or singles for float32), with the texts NaN/Infinity/-Infinity. */
    public static Reading floating(StagingKind kind) {
        return new FloatReading(kind);
    }

    /** 0/1, 't'/'f', 'true'/'false' (any case). */
    public static Reading bool() {
        return new BooleanReading();
    }

    /**
     * Text (or varchar/char when {@code type} has a length; {@code exactLength} for char(n), whose
     * values must all be n characters so no blank padding is ever added).
     */
    public static Reading text(StagingType type, boolean exactLength) {
        return new TextReading(type, exactLength);
    }

    /** Bytes: only BLOB values when {@code blobsOnly}, else every value (text as its UTF-8 bytes). */
    public static Reading bytes(boolean blobsOnly) {
        return new BytesReading(blobsOnly);
    }

    /** UUID text, any case, with or without hyphens; written lowercase with hyphens. */
    public static Reading uuid() {
        return new UuidReading();
    }

    /** Valid JSON text (json keeps the text, jsonb is compacted by the codec). */
    public static Reading json(StagingKind kind) {
        return new JsonReading(kind);
    }

    /** One of the enum's labels. */
    public static Reading enumLabel(String name, List<String> labels) {
        return new EnumReading(name, labels);
    }

    /** A JSON array text read through the staging array codec. */
    public static Reading array(StagingType arrayType) {
        return new ArrayReading(arrayType);
    }

    /** Text whose canonical form {@code canonical} returns (null when the text is not of the form). */
    public static Reading pattern(StagingType type, UnaryOperator<String> canonical) {
        return new PatternReading(type, canonical);
    }

    /** Time of day without offset. */
    public static Reading time(StagingType type) {
        return pattern(type, TemporalText::time);
    }

    /** Time of day with offset. */
    public static Reading timeWithOffset(StagingType type) {
        return pattern(type, TemporalText::timeWithOffset);
    }

    /** ISO-8601 interval text as PostgreSQL's iso_8601 style prints it. */
    public static Reading interval() {
        ValueCodec codec = Codecs.forType(StagingType.of(StagingKind.INTERVAL));
        return pattern(StagingType.of(StagingKind.INTERVAL), s -> {
            try {
                return (String) codec.canonical(s);
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
    }

    /** Text kept as the source's text form of a type the suite has no rule for. */
    public static Reading sourceText(StagingType type) {
        return new PatternReading(type, UnaryOperator.identity());
    }

    /** True when a BLOB can be read as text: valid UTF-8 and no NUL (binary data rarely is both). */
    static boolean blobIsText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        return SqliteCell.decodeStrictly(bytes, StandardCharsets.UTF_8) != null;
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    // ---------------------------------------------------------------------------------------

    private static final class IntegerReading extends Reading {
        private final long min;
        private final long max;

        IntegerReading(StagingKind kind) {
            super(StagingType.of(kind));
            switch (kind) {
                case INT16 -> {
                    min = Short.MIN_VALUE;
                    max = Short.MAX_VALUE;
                }
                case INT32 -> {
                    min = Integer.MIN_VALUE;
                    max = Integer.MAX_VALUE;
                }
                default -> {
                    min = Long.MIN_VALUE;
                    max = Long.MAX_VALUE;
                }
            }
        }

        @Override
        protected boolean checkedByCodec() {
            return false;
        }

        @Override
        protected boolean accepts(SqliteCell c) {
            return c.storageClass() == StorageClass.INTEGER && c.integer() >= min && c.integer() <= max;
        }
    }

    private static final class DecimalReading extends Reading {
        private final Integer precision;
        private final int scale;
        private long reals;

        DecimalReading(Integer precision, Integer scale) {
            super(StagingType.decimal(precision, precision == null ? null : scale == null ? 0 : scale));
            this.precision = precision;
            this.scale = scale == null ? 0 : scale;
        }

        @Override
        protected boolean accepts(SqliteCell c) {
            switch (c.storageClass()) {
                case INTEGER:
                    return precision == null || Numbers.fits(BigDecimal.valueOf(c.integer()), precision, scale);
                case REAL:
                    if (Double.isInfinite(c.real())) {
                        return precision == null; // numeric(p,s) cannot hold infinity
                    }
                    reals++;
                    return precision == null || Numbers.fits(ShortestDecimal.of(c.real()), precision, scale);
                case TEXT:
                    if (!c.validText()) {
                        return false;
                    }
                    if (c.text().equals("NaN")) {
                        return true;
                    }
                    if (c.text().equals("Infinity") || c.text().equals("-Infinity")) {
                        return precision == null;
                    }
                    BigDecimal b = Numbers.parseDecimal(c.text());
                    return b != null && (precision == null || Numbers.fits(b, precision, scale));
                default:
                    return false;
            }
        }

        @Override
        public String findings() {
            return reals == 0
                    ? null
                    : plural(reals, "REAL value", "REAL values")
                            + " written as the shortest decimal that reads back as the same double (0.1 stays 0.1)";
        }
    }

    private static final class FloatReading extends Reading {
        private final boolean single;

        FloatReading(StagingKind kind) {
            super(StagingType.of(kind));
            this.single = kind == StagingKind.FLOAT32;
        }

        @Override
        protected boolean checkedByCodec() {
            return single; // float32's canonical form is checked by the codec too
        }

        @Override
        protected boolean accepts(SqliteCell c) {
            return switch (c.storageClass()) {
                case REAL -> !single || Numbers.fitsFloat32(c.real());
                case INTEGER -> Math.abs(c.integer()) <= (single ? 1L << 24 : Numbers.EXACT_DOUBLE_LIMIT);
                // The texts import-sqlite writes for the values a REAL column cannot hold.
                case TEXT -> c.validText() && isSpecial(c.text());
                default -> false;
            };
        }

        private static boolean isSpecial(String s) {
            return switch (s) {
                case SqliteValues.NAN, SqliteValues.NEGATIVE_ZERO, "Infinity", "-Infinity" -> true;
                default -> false;
            };
        }
    }

    private static final class BooleanReading extends Reading {
        private long numbers;
        private long letters;
        private long words;
        private Example firstText;

        BooleanReading() {
            super(StagingType.of(StagingKind.BOOLEAN));
        }

        @Override
        protected boolean checkedByCodec() {
            return false;
        }

        @Override
        protected boolean accepts(SqliteCell c) {
            if (c.storageClass() == StorageClass.INTEGER) {
                if (c.integer() == 0 || c.integer() == 1) {
                    numbers++;
                    return true;
                }
                return false;
            }
            if (c.storageClass() != StorageClass.TEXT || !c.validText() || parse(c.text()) == null) {
                return false;
            }
            if (c.text().length() == 1) {
                letters++;
            } else {
                words++;
            }
            return true;
        }

        private static Boolean parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "t", "true" -> Boolean.TRUE;
                case "f", "false" -> Boolean.FALSE;
                default -> null;
            };
        }

        @Override
        public String findings() {
            if (letters + words == 0) {
                return null;
            }
            List<String> kinds = new ArrayList<>();
            if (numbers > 0) {
                kinds.add(numbers + " as 0/1");
            }
            if (letters > 0) {
                kinds.add(letters + " as 't'/'f'");
            }
            if (words > 0) {
                kinds.add(words + " as 'true'/'false'");
            }
            return "booleans spelled " + String.join(", ", kinds) + "; all written as true/false";
        }

        @Override
        public boolean findingsAreWarnings() {
            // Several spellings in one column usually mean several writers: worth a look.
            return Long.signum(numbers) + Long.signum(letters) + Long.signum(words) > 1;
        }
    }

    private static final class TextReading extends Reading {
        private final Integer length;
        private final boolean exactLength;
        private long blobsAsText;
        private long numbersAsText;

        TextReading(StagingType type, boolean exactLength) {
            super(type);
            this.length = type.length();
            this.exactLength = exactLength;
        }

        @Override
        protected boolean accepts(SqliteCell c) {
            String s;
            switch (c.storageClass()) {
                case TEXT -> {
                    if (!c.validText()) {
                        return false;
                    }
                    s = c.text();
                }
                case BLOB -> {
                    if (!blobIsText(c.bytes())) {
                        return false;
                    }
                    blobsAsText++;
                    s = new String(c.bytes(), StandardCharsets.UTF_8);
                }
                case INTEGER, REAL -> {
                    numbersAsText++;
                    s = (String) convert(c);
                }
                default -> {
                    return false;
                }
            }
            if (length == null) {
                return true;
            }
            int chars = s.codePointCount(0, s.length());
            return exactLength ? chars == length : chars <= length;
        }

        @Override
        public String findings() {
            List<String> parts = new ArrayList<>();
            if (blobsAsText > 0) {
                parts.add(plural(blobsAsText, "BLOB value holds", "BLOB values hold")
                        + " valid UTF-8 text, written as text");
            }
            if (numbersAsText > 0) {
                parts.add(plural(numbersAsText, "number", "numbers") + " written as text");
            }
            return parts.isEmpty() ? null : String.join("; ", parts);
        }

        @Override
        public boolean findingsAreWarnings() {
            return blobsAsText > 0 || numbersAsText > 0;
        }
    }

    private static final class BytesReading extends Reading {
        private final boolean blobsOnly;
        private long texts;
        private long numbers;

        BytesReading(boolean blobsOnly) {
            super(StagingType.of(StagingKind.BYTES));
            this.blobsOnly = blobsOnly;
        }

        @Override
        protected boolean checkedByCodec() {
            return false;
        }

        @Override
        protected boolean accepts(SqliteCell c) {
            if (c.storageClass() == StorageClass.BLOB) {
                return true;
            }
            if (blobsOnly) {
                return false;
            }
            if (c.storageClass() == StorageClass.TEXT) {
                texts++;
            } else {
                numbers++;
            }
            return true;
        }

        @Override
        public String findings() {
            List<String> parts = new ArrayList<>();
            if (texts > 0) {
                parts.add(plural(texts, "TEXT value", "TEXT values")
                        + " written as their bytes (UTF-8, or exactly as stored when not valid UTF-8)");
            }
            if (numbers > 0) {
                parts.add(plural(numbers, "number", "numbers") + " written as the UTF-8 bytes of their text");
            }
            return parts.isEmpty() ? null : String.join("; ", parts);
        }
    }

    private static final class UuidReading extends Reading {
        private long uppercase;
        private long withoutHyphens;
        private long blobs;

        UuidReading() {
            super(StagingType.of(StagingKind.UUID));
        }

        @Override
        protected boolean accepts(SqliteCell c) {
            if (c.storageClass() == StorageClass.BLOB && c.bytes().length == 16) {
                blobs++;
                return true;
            }
            if (c.storageClass() != StorageClass.TEXT || !c.validText()) {
                return false;
            }
            String s = c.text();
            boolean hyphenated = SqliteValues.UUID_HYPHENATED.matcher(s).matches();
            if (!hyphenated && !SqliteValues.UUID_PLAIN.matcher(s).matches()) {
                return false;
            }
            if (!hyphenated) {
                withoutHyphens++;
            }
            if (!s.equals(s.toLowerCase(Locale.ROOT))) {
                uppercase++;
            }
            return true;
        }

        @Override
        public String findings() {
            List<String> parts = new ArrayList<>();
            if (uppercase > 0) {
                parts.add(plural(uppercase, "uppercase UUID", "uppercase UUIDs") + " written in lowercase");
            }
            if (withoutHyphens > 0) {
                parts.add(plural(withoutHyphens, "UUID", "UUIDs") + " without hyphens written in the 8-4-4-4-12 form");
            }
            if (blobs > 0) {
                parts.add(plural(blobs, "16-byte BLOB", "16-byte BLOBs") + " read as UUIDs (big-endian, as written by"
                        + " uuid.bytes / UUID.toByteArray)");
            }
            return parts.isEmpty() ? null : String.join("; ", parts);
        }
    }

    private static final class JsonReading extends Reading {
        private long numbers;

        JsonReading(StagingKind kind) {
            super(StagingType.of(kind));
        }

        @Override
        protected boolean accepts(SqliteCell c) {
            return switch (c.storageClass()) {
                case TEXT -> c.validText() && JsonText.isValid(c.text());
                case INTEGER -> {
                    numbers++;
                    yield true;
                }
                case REAL -> {
                    numbers++;
                    yield !Double.isInfinite(c.real());
                }
                case BLOB -> blobIsText(c.bytes()) && JsonText.isValid(new String(c.bytes(), StandardCharsets.UTF_8));
                default -> false;
            };
        }

        @Override
        public String findings() {
            return numbers == 0
                    ? null
                    : plural(numbers, "number", "numbers") + " stored as SQLite numbers written as JSON numbers";
        }
    }

    private static final class EnumReading extends Reading {
        private final Set<String> labels;

        EnumReading(String name, List<String> labels) {
            super(StagingType.enumOf(name));
            this.labels = new HashSet<>(labels);
        }

        @Override
        protected boolean accepts(SqliteCell c) {
            return c.storageClass() == StorageClass.TEXT && c.validText() && labels.contains(c.text());
        }
    }

    private static final class ArrayReading extends Reading {
        private final StagingType declared;
        /** The declared type's conversion, chosen once for every cell profiled. */
        private final SqliteValues.CellConverter asDeclared;

        private int maxDepth = 1;

        ArrayReading(StagingType arrayType) {
            super(arrayType);
            this.declared = arrayType;
            this.asDeclared = SqliteValues.converter(arrayType, SqliteConversion.NONE);
        }

        @Override
        public StagingType type() {
            int declaredDimensions = declared.dimensions() == null ? 1 : declared.dimensions();
            return maxDepth > declaredDimensions ? StagingType.array(declared.element(), maxDepth) : declared;
        }

        @Override
        protected boolean accepts(SqliteCell c) {
            if (c.storageClass() != StorageClass.TEXT || !c.validText()) {
                return false;
            }
            try {
                List<?> list = (List<?>) asDeclared.convert(c);
                maxDepth = Math.max(maxDepth, depth(list));
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static int depth(List<?> list) {
            int deepest = 0;
            for (Object o : list) {
                if (o instanceof List<?> inner) {
                    deepest = Math.max(deepest, depth(inner));
                }
            }
            return deepest + 1;
        }
    }

    private static final class PatternReading extends Reading {
        private final UnaryOperator<String> canonical;
        private long reformatted;

        PatternReading(StagingType type, UnaryOperator<String> canonical) {
            super(type);
            this.canonical = canonical;
        }

        @Override
        protected boolean accepts(SqliteCell c) {
            if (c.storageClass() != StorageClass.TEXT || !c.validText()) {
                return false;
            }
            String out = canonical.apply(c.text());
            if (out != null && !out.equals(c.text())) {
                reformatted++;
            }
            return out != null;
        }

        @Override
        public String findings() {
            return reformatted == 0
                    ? null
                    : plural(reformatted, "value", "values") + " written in the canonical "
                            + type().kind().jsonName() + " form (seconds or offset minutes added)";
        }
    }
}
