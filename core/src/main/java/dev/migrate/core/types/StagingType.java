package dev.migrate.core.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One staging type: a {@link StagingKind} plus the parameters that kind takes.
 *
 * @param kind the logical type
 * @param precision decimal precision, fractional-second precision of time types, or null
 * @param scale decimal scale, or null
 * @param length the limit of {@code varchar}/{@code char}, or null
 * @param element the element type of an array, or null
 * @param dimensions the number of array dimensions seen or declared (1 when unknown), or null
 * @param name the enum type name for {@code enum}, or null
 * @param sourceType the source's type name for {@code source_text} (the fallback), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StagingType(
        StagingKind kind,
        Integer precision,
        Integer scale,
        Integer length,
        StagingType element,
        Integer dimensions,
        String name,
        String sourceType) {

    public StagingType {
        Objects.requireNonNull(kind, "kind");
        if (kind == StagingKind.ARRAY && element == null) {
            throw new IllegalArgumentException("array type needs an element type");
        }
    }

    public static StagingType of(StagingKind kind) {
        return new StagingType(kind, null, null, null, null, null, null, null);
    }

    public static StagingType decimal(Integer precision, Integer scale) {
        return new StagingType(StagingKind.DECIMAL, precision, scale, null, null, null, null, null);
    }

    public static StagingType varchar(Integer length) {
        return new StagingType(StagingKind.VARCHAR, null, null, length, null, null, null, null);
    }

    public static StagingType character(Integer length) {
        return new StagingType(StagingKind.CHAR, null, null, length, null, null, null, null);
    }

    /** A time, timetz, timestamp or timestamptz with a declared fractional-second precision. */
    public static StagingType temporal(StagingKind kind, Integer precision) {
        return new StagingType(kind, precision, null, null, null, null, null, null);
    }

    public static StagingType array(StagingType element, int dimensions) {
        return new StagingType(StagingKind.ARRAY, null, null, null, element, dimensions, null, null);
    }

    public static StagingType enumOf(String enumName) {
        return new StagingType(StagingKind.ENUM, null, null, null, null, null, enumName, null);
    }

    public static StagingType sourceText(String sourceType) {
        return new StagingType(StagingKind.SOURCE_TEXT, null, null, null, null, null, null, sourceType);
    }

    /** The innermost element type of an array, or this type. */
    public StagingType leaf() {
        StagingType t = this;
        while (t.kind == StagingKind.ARRAY) {
            t = t.element;
        }
        return t;
    }

    /** Human form used in documents and output: {@code decimal(10,2)}, {@code array<text>}, {@code enum(mood)}. */
    @Override
    public String toString() {
        String base = kind.jsonName();
        return switch (kind) {
            case DECIMAL -> precision == null ? base : base + "(" + precision + "," + (scale == null ? 0 : scale) + ")";
            case VARCHAR, CHAR -> length == null ? base : base + "(" + length + ")";
            case TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ -> precision == null ? base : base + "(" + precision + ")";
            case ARRAY ->
                "array<" + element + ">" + (dimensions != null && dimensions > 1 ? "[" + dimensions + "]" : "");
            case ENUM -> base + "(" + name + ")";
            case SOURCE_TEXT -> base + "(" + sourceType + ")";
            default -> base;
        };
    }
}
