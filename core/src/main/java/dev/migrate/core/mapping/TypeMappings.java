package dev.migrate.core.mapping;

import static dev.migrate.core.types.StagingKind.*;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The type mapping tables, in one place. Two directions:
 *
 * <ul>
 *   <li>PostgreSQL {@code format_type()} text → staging type → SQLite declared type;
 *   <li>SQLite declared type → staging type (its meaning when every value fits; export-sqlite
 *       profiles the values and narrows or widens, naming the column) → PostgreSQL type.
 * </ul>
 *
 * <p>SQLite declared types are chosen so that type affinity can never change a stored value: a
 * type whose values might look like numbers (decimal, json, jsonb, text, enum, the fallback) gets
 * a name containing {@code TEXT} and no {@code INT}, hence TEXT affinity; other text-stored types
 * (uuid, dates, times, intervals, arrays as JSON) never look like numbers, so they keep their
 * PostgreSQL names and export-sqlite recognises them on the way back.
 *
 * <p>Names carried inside a declared type (an enum's name, a fallback's source type) must be bare
 * SQLite words without {@code INT} and must survive upper-casing; any other name (mixed case,
 * punctuation, typmods such as {@code bit(8)}, or {@code INT} inside, as in {@code point}) is
 * written as {@code X_} followed by the hexadecimal UTF-8 bytes of the name ({@code
 * X_706F696E74 TEXT} for {@code point}): hex digits can never spell {@code INT}, so the affinity
 * stays TEXT and the name comes back exactly. Arrays append one {@code ARRAY} per dimension and
 * move the element's type arguments to the end, where SQLite's grammar allows them ({@code
 * VARCHAR ARRAY(10)} for {@code varchar(10)[]}).
 */
public final class TypeMappings {

    private TypeMappings() {}

    private static StagingType t(StagingKind k) {
        return StagingType.of(k);
    }

    private static Integer group(Matcher m, int g) {
        String s = m.groupCount() >= g ? m.group(g) : null;
        return s == null ? null : Integer.valueOf(s.strip());
    }

    /** PostgreSQL base type (arrays, enums and domains are resolved first, see {@link #fromPostgres}). */
    public static final List<MappingRule> POSTGRES_TO_STAGING = List.of(
            MappingRule.of("smallint", "int16", "SMALLINT", "", "smallint|int2", m -> t(INT16)),
            MappingRule.of(
                    "integer",
                    "int32",
                    "INTEGER",
                    "serial/identity primary key: INTEGER PRIMARY KEY",
                    "integer|int4|int",
                    m -> t(INT32)),
            MappingRule.of(
                    "bigint",
                    "int64",
                    "BIGINT",
                    "serial/identity primary key: INTEGER PRIMARY KEY",
                    "bigint|int8",
                    m -> t(INT64)),
            MappingRule.of(
                    "numeric(p,s)",
                    "decimal(p,s)",
                    "DECIMAL TEXT(p,s)",
                    "exact text, TEXT affinity: no digit lost",
                    "(?:numeric|decimal)(?:\\((\\d+)(?:,\\s*(-?\\d+))?\\))?",
                    m -> StagingType.decimal(
                            group(m, 1), group(m, 1) == null ? null : group(m, 2) == null ? 0 : group(m, 2))),
            MappingRule.of(
                    "money",
                    "decimal",
                    "DECIMAL TEXT",
                    "exported as ::numeric (no currency symbol)",
                    "money",
                    m -> StagingType.decimal(null, null)),
            MappingRule.of("real", "float32", "FLOAT4", "NaN kept as the text 'NaN'", "real|float4", m -> t(FLOAT32)),
            MappingRule.of(
                    "double precision",
                    "float64",
                    "FLOAT8",
                    "NaN kept as the text 'NaN'",
                    "double precision|float8",
                    m -> t(FLOAT64)),
            MappingRule.of("boolean", "boolean", "BOOLEAN", "stored 0/1", "boolean|bool", m -> t(BOOLEAN)),
            MappingRule.of(
                    "text, citext, name",
                    "text",
                    "TEXT",
                    "citext and name arrive back as text",
                    "text|citext|name",
                    m -> t(TEXT)),
            MappingRule.of(
                    "character varying(n)",
                    "varchar(n)",
                    "VARCHAR(n)",
                    "",
                    "(?:character varying|varchar)(?:\\((\\d+)\\))?",
                    m -> StagingType.varchar(group(m, 1))),
            MappingRule.of(
                    "character(n)",
                    "char(n)",
                    "CHAR(n)",
                    "blank padding kept",
                    "(?:character|char|bpchar)(?:\\((\\d+)\\))?",
                    m -> StagingType.character(group(m, 1))),
            MappingRule.of("uuid", "uuid", "UUID", "lowercase text", "uuid", m -> t(UUID)),
            MappingRule.of(
                    "json",
                    "json",
                    "JSON TEXT",
                    "exact text: duplicate keys and whitespace kept",
                    "json",
                    m -> t(JSON)),
            MappingRule.of("jsonb", "jsonb", "JSONB TEXT", "compact JSON text", "jsonb", m -> t(JSONB)),
            MappingRule.of("bytea", "bytes", "BLOB", "", "bytea", m -> t(BYTES)),
            MappingRule.of(
                    "date", "date", "DATE", "ISO text; BC as astronomical year (-0043-03-15)", "date", m -> t(DATE)),
            MappingRule.of(
                    "time(p) without time zone",
                    "time(p)",
                    "TIME",
                    "HH:MM:SS[.ffffff]; 24:00:00 kept",
                    "time(?:\\((\\d+)\\))?(?: without time zone)?",
                    m -> StagingType.temporal(TIME, group(m, 1))),
            MappingRule.of(
                    "time(p) with time zone",
                    "timetz(p)",
                    "TIMETZ",
                    "offset kept",
                    "time(?:\\((\\d+)\\))? with time zone|timetz",
                    m -> StagingType.temporal(TIMETZ, group(m, 1))),
            MappingRule.of(
                    "timestamp(p) without time zone",
                    "timestamp(p)",
                    "TIMESTAMP",
                    "YYYY-MM-DD HH:MM:SS[.ffffff]",
                    "timestamp(?:\\((\\d+)\\))?(?: without time zone)?",
                    m -> StagingType.temporal(TIMESTAMP, group(m, 1))),
            MappingRule.of(
                    "timestamp(p) with time zone",
                    "timestamptz(p)",
                    "TIMESTAMPTZ",
                    "UTC with explicit offset (+00:00)",
                    "timestamp(?:\\((\\d+)\\))? with time zone|timestamptz",
                    m -> StagingType.temporal(TIMESTAMPTZ, group(m, 1))),
            MappingRule.of(
                    "interval",
                    "interval",
                    "INTERVAL",
                    "ISO-8601 duration (P1Y2M3DT4H5M6S)",
                    "interval(?:.*)?",
                    m -> t(INTERVAL)),
            MappingRule.of(
                    "any other type (inet, cidr, macaddr, xml, tsvector, point, bit, ranges, ...)",
                    "source_text(type)",
                    "<TYPE> TEXT",
                    "explicit fallback: PostgreSQL's text form kept; the column is named in the manifest and the output",
                    ".+",
                    m -> StagingType.sourceText(m.group())));

    /** SQLite declared type (uppercased, whitespace collapsed) to the staging type it means. */
    public static final List<MappingRule> SQLITE_TO_STAGING = List.of(
            MappingRule.of(
                    "DECIMAL TEXT(p,s)",
                    "decimal(p,s)",
                    "numeric(p,s)",
                    "written by import-sqlite",
                    "DECIMAL TEXT(?:\\((\\d+)(?:,\\s*(-?\\d+))?\\))?",
                    m -> StagingType.decimal(
                            group(m, 1), group(m, 1) == null ? null : group(m, 2) == null ? 0 : group(m, 2))),
            MappingRule.of("JSON TEXT", "json", "json", "written by import-sqlite", "JSON TEXT", m -> t(JSON)),
            MappingRule.of("JSONB TEXT", "jsonb", "jsonb", "written by import-sqlite", "JSONB TEXT", m -> t(JSONB)),
            MappingRule.of(
                    "[NAME] ENUM TEXT",
                    "enum(name)",
                    "the enum type",
                    "labels from the column's CHECK (col IN (...))",
                    "(?:(\\S+) )?ENUM TEXT",
                    m -> StagingType.enumOf(m.group(1) == null ? null : decodeName(m.group(1)))),
            MappingRule.of(
                    "<element> ARRAY[ ARRAY...][(args)]",
                    "array<element>",
                    "element[]",
                    "JSON array text; one ARRAY per dimension; (args) are the element's",
                    "(.+?)((?: ARRAY)+)(\\([^)]*\\))?",
                    m -> StagingType.array(
                            declaredSqlite(m.group(1) + (m.group(3) == null ? "" : m.group(3))),
                            m.group(2).length() / " ARRAY".length())),
            MappingRule.of(
                    "SMALLINT, INT2, TINYINT",
                    "int16",
                    "smallint",
                    "",
                    "SMALLINT|INT2|TINYINT(?:\\(\\d+\\))?",
                    m -> t(INT16)),
            MappingRule.of(
                    "INTEGER, INT, MEDIUMINT, INT4",
                    "int32",
                    "integer",
                    "int64 when a value needs 64 bits; INTEGER PRIMARY KEY is int64 identity",
                    "INTEGER|INT|INT4|MEDIUMINT|INT\\(\\d+\\)|INTEGER\\(\\d+\\)",
                    m -> t(INT32)),
            MappingRule.of(
                    "BIGINT, INT8, UNSIGNED BIG INT",
                    "int64",
                    "bigint",
                    "",
                    "BIGINT(?:\\(\\d+\\))?|INT8|UNSIGNED BIG INT",
                    m -> t(INT64)),
            MappingRule.of(
                    "NUMERIC(p,s), DECIMAL(p,s)",
                    "decimal(p,s)",
                    "numeric(p,s)",
                    "values that do not fit: decimal without typmod, else text, named",
                    "(?:NUMERIC|DECIMAL)(?:\\s*\\((\\d+)(?:,\\s*(-?\\d+))?\\))?",
                    m -> StagingType.decimal(
                            group(m, 1), group(m, 1) == null ? null : group(m, 2) == null ? 0 : group(m, 2))),
            MappingRule.of("FLOAT4", "float32", "real", "", "FLOAT4", m -> t(FLOAT32)),
            MappingRule.of(
                    "REAL, FLOAT, FLOAT8, DOUBLE, DOUBLE PRECISION",
                    "float64",
                    "double precision",
                    "",
                    "REAL|FLOAT|FLOAT8|DOUBLE|DOUBLE PRECISION",
                    m -> t(FLOAT64)),
            MappingRule.of(
                    "BOOLEAN, BOOL",
                    "boolean",
                    "boolean",
                    "values 0/1, 't'/'f', 'true'/'false'",
                    "BOOLEAN|BOOL",
                    m -> t(BOOLEAN)),
            MappingRule.of(
                    "VARCHAR[(n)], NVARCHAR[(n)], CHARACTER VARYING[(n)]",
                    "varchar(n)",
                    "varchar(n)",
                    "text when a value is longer",
                    "(?:VARCHAR|NVARCHAR|VARYING CHARACTER|CHARACTER VARYING|NATIVE CHARACTER)\\s*(?:\\((\\d+)\\))?",
                    m -> StagingType.varchar(group(m, 1))),
            MappingRule.of("BPCHAR", "char", "bpchar", "written by import-sqlite", "BPCHAR", m -> t(CHAR)),
            MappingRule.of(
                    "CHAR(n), CHARACTER(n), NCHAR(n)",
                    "char(n)",
                    "char(n)",
                    "text when a value is longer",
                    "(?:CHAR|CHARACTER|NCHAR)\\s*(?:\\((\\d+)\\))?",
                    m -> group(m, 1) == null ? t(TEXT) : StagingType.character(group(m, 1))),
            MappingRule.of("TEXT, CLOB", "text", "text", "", "TEXT|CLOB", m -> t(TEXT)),
            MappingRule.of("UUID, GUID", "uuid", "uuid", "", "UUID|GUID|UNIQUEIDENTIFIER", m -> t(UUID)),
            MappingRule.of("JSON", "json", "json", "", "JSON", m -> t(JSON)),
            MappingRule.of("JSONB", "jsonb", "jsonb", "", "JSONB", m -> t(JSONB)),
            MappingRule.of(
                    "BLOB, BYTEA, no declared type",
                    "bytes",
                    "bytea",
                    "text/number values in it: profiled",
                    "BLOB|BYTEA|BYTE\\[\\]|BINARY|VARBINARY|",
                    m -> t(BYTES)),
            MappingRule.of("DATE", "date", "date", "", "DATE", m -> t(DATE)),
            MappingRule.of(
                    "TIME",
                    "time",
                    "time",
                    "",
                    "TIME(?:\\((\\d+)\\))?(?: WITHOUT TIME ZONE)?",
                    m -> StagingType.temporal(TIME, group(m, 1))),
            MappingRule.of(
                    "TIMETZ",
                    "timetz",
                    "timetz",
                    "",
                    "TIMETZ(?:\\((\\d+)\\))?|TIME(?:\\((\\d+)\\))? WITH TIME ZONE",
                    m -> StagingType.temporal(TIMETZ, group(m, 1) != null ? group(m, 1) : group(m, 2))),
            MappingRule.of(
                    "DATETIME, TIMESTAMP",
                    "timestamp",
                    "timestamp",
                    "timestamptz when values carry offsets; epoch numbers only when the whole column is one unit",
                    "DATETIME|TIMESTAMP(?:\\((\\d+)\\))?(?: WITHOUT TIME ZONE)?",
                    m -> StagingType.temporal(TIMESTAMP, group(m, 1))),
            MappingRule.of(
                    "TIMESTAMPTZ",
                    "timestamptz",
                    "timestamptz",
                    "",
                    "TIMESTAMPTZ(?:\\((\\d+)\\))?|TIMESTAMP(?:\\((\\d+)\\))? WITH TIME ZONE",
                    m -> StagingType.temporal(TIMESTAMPTZ, group(m, 1) != null ? group(m, 1) : group(m, 2))),
            MappingRule.of("INTERVAL", "interval", "interval", "", "INTERVAL", m -> t(INTERVAL)),
            MappingRule.of(
                    "<TYPE> TEXT",
                    "source_text(type)",
                    "type (from PostgreSQL) or text",
                    "fallback column written by import-sqlite",
                    "(\\S+) TEXT",
                    m -> StagingType.sourceText(decodeName(m.group(1)))),
            MappingRule.of(
                    "other, containing INT", "int64", "bigint", "SQLite affinity rule 1", ".*INT.*", m -> t(INT64)),
            MappingRule.of(
                    "other, containing CHAR, CLOB or TEXT",
                    "text",
                    "text",
                    "SQLite affinity rule 2",
                    ".*(?:CHAR|CLOB|TEXT).*",
                    m -> t(TEXT)),
            MappingRule.of(
                    "other, containing BLOB", "bytes", "bytea", "SQLite affinity rule 3", ".*BLOB.*", m -> t(BYTES)),
            MappingRule.of(
                    "other, containing REAL, FLOA or DOUB",
                    "float64",
                    "double precision",
                    "SQLite affinity rule 4",
                    ".*(?:REAL|FLOA|DOUB).*",
                    m -> t(FLOAT64)),
            MappingRule.of(
                    "anything else (NUMERIC affinity)",
                    "decimal",
                    "numeric",
                    "SQLite affinity rule 5; values profiled, the column named",
                    ".*",
                    m -> StagingType.decimal(null, null)));

    /**
     * The staging type of a PostgreSQL column.
     *
     * @param formatType {@code format_type(atttypid, atttypmod)} of the base type (domains resolved)
     * @param enumName the enum's name when the type is an enum, else null
     * @param arrayDimensions 0 for a scalar, else the array's dimensions (at least 1)
     */
    public static StagingType fromPostgres(String formatType, String enumName, int arrayDimensions) {
        StagingType base;
        if (enumName != null) {
            base = StagingType.enumOf(enumName);
        } else {
            String original = formatType.strip().replaceAll("(\\[\\])+$", "");
            String text = original.toLowerCase(Locale.ROOT);
            MappingRule rule = postgresRule(text);
            // The fallback keeps the source's exact spelling: "MyType" and mytype are different types.
            base = rule == POSTGRES_TO_STAGING.get(POSTGRES_TO_STAGING.size() - 1)
                    ? StagingType.sourceText(original)
                    : apply(rule, text);
        }
        return arrayDimensions > 0 ? StagingType.array(base, arrayDimensions) : base;
    }

    /** The meaning of a SQLite declared type, before value profiling. */
    public static StagingType declaredSqlite(String declared) {
        String text = normalizeSqlite(declared);
        return apply(first(SQLITE_TO_STAGING, text), text);
    }

    /**
     * A SQLite declared type as the rules see it: upper case, single spaces, no double quotes, no
     * spaces around parentheses and commas; {@code ""} for none.
     */
    public static String normalizeSqlite(String declared) {
        String text = declared == null
                ? ""
                : declared.strip()
                        .toUpperCase(Locale.ROOT)
                        .replaceAll("\\s+", " ")
                        .replace("\"", "");
        return text.replaceAll("\\s*\\(\\s*", "(").replaceAll("\\s*\\)", ")").replaceAll("\\s*,\\s*", ",");
    }

    /** The rule of {@link #SQLITE_TO_STAGING} a declared type matches (the first one). */
    public static MappingRule sqliteRule(String declared) {
        return first(SQLITE_TO_STAGING, normalizeSqlite(declared));
    }

    /** The rule of {@link #POSTGRES_TO_STAGING} a {@code format_type()} text matches (the first one). */
    public static MappingRule postgresRule(String formatType) {
        return first(
                POSTGRES_TO_STAGING, formatType.strip().toLowerCase(Locale.ROOT).replaceAll("(\\[\\])+$", ""));
    }

    private static MappingRule first(List<MappingRule> rules, String text) {
        for (MappingRule r : rules) {
            if (r.pattern().matcher(text).matches()) {
                return r;
            }
        }
        throw new IllegalStateException("no mapping rule for " + text); // the tables end with a match-all rule
    }

    private static StagingType apply(MappingRule rule, String text) {
        Matcher m = rule.pattern().matcher(text);
        if (!m.matches()) {
            throw new IllegalStateException("rule " + rule.source() + " does not match " + text);
        }
        return rule.mapper().apply(m);
    }

    /** The SQLite declared type for a staging type (see the class comment for why these names). */
    public static String toSqlite(StagingType type) {
        return switch (type.kind()) {
            case INT16 -> "SMALLINT";
            case INT32 -> "INTEGER";
            case INT64 -> "BIGINT";
            case DECIMAL ->
                type.precision() == null
                        ? "DECIMAL TEXT"
                        : "DECIMAL TEXT(" + type.precision() + "," + (type.scale() == null ? 0 : type.scale()) + ")";
            case FLOAT32 -> "FLOAT4";
            case FLOAT64 -> "FLOAT8";
            case BOOLEAN -> "BOOLEAN";
            case TEXT -> "TEXT";
            case VARCHAR -> type.length() == null ? "VARCHAR" : "VARCHAR(" + type.length() + ")";
            // CHAR alone means text to SQLite users; an unbounded blank-padded type is PostgreSQL's bpchar.
            case CHAR -> type.length() == null ? "BPCHAR" : "CHAR(" + type.length() + ")";
            case UUID -> "UUID";
            case JSON -> "JSON TEXT";
            case JSONB -> "JSONB TEXT";
            case BYTES -> "BLOB";
            case DATE -> "DATE";
            case TIME -> withPrecision("TIME", type);
            case TIMETZ -> withPrecision("TIMETZ", type);
            case TIMESTAMP -> withPrecision("TIMESTAMP", type);
            case TIMESTAMPTZ -> withPrecision("TIMESTAMPTZ", type);
            case INTERVAL -> "INTERVAL";
            case ARRAY -> arrayToSqlite(type);
            case ENUM -> type.name() == null ? "ENUM TEXT" : encodeName(type.name()) + " ENUM TEXT";
            case SOURCE_TEXT -> type.sourceType() == null ? "TEXT" : encodeName(type.sourceType()) + " TEXT";
        };
    }

    /**
     * {@code <element words> ARRAY[ ARRAY...](args)}: arguments cannot precede ARRAY in SQLite's
     * grammar, so the element's {@code (args)} move to the end; one ARRAY per dimension.
     */
    private static String arrayToSqlite(StagingType type) {
        String element = toSqlite(type.element());
        int open = element.indexOf('(');
        String words = open < 0 ? element : element.substring(0, open);
        String args = open < 0 ? "" : element.substring(open);
        int dimensions = type.dimensions() == null ? 1 : Math.max(1, type.dimensions());
        return words + " ARRAY".repeat(dimensions) + args;
    }

    /** Prefix of a name written as hex (see the class comment). */
    private static final String HEX_PREFIX = "X_";

    /**
     * The name as one SQLite word: itself upper-cased when that is reversible and cannot change
     * the affinity, else {@code X_} and its UTF-8 bytes in hex.
     */
    static String encodeName(String name) {
        boolean bare = name.matches("[a-z_][a-z0-9_]*")
                && !name.contains("int")
                && !name.startsWith("x_")
                && !List.of("text", "enum", "array").contains(name);
        if (bare) {
            return name.toUpperCase(Locale.ROOT);
        }
        StringBuilder b = new StringBuilder(HEX_PREFIX);
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            b.append(String.format("%02X", x & 0xff));
        }
        return b.toString();
    }

    /** Inverse of {@link #encodeName} for an upper-cased word. */
    static String decodeName(String word) {
        if (word.matches("X_(?:[0-9A-F]{2})+")) {
            byte[] bytes = new byte[(word.length() - HEX_PREFIX.length()) / 2];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(word.substring(2 + 2 * i, 4 + 2 * i), 16);
            }
            try {
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                // not ours: fall through and read it as a plain word
            }
        }
        return word.toLowerCase(Locale.ROOT);
    }

    private static String withPrecision(String name, StagingType type) {
        return type.precision() == null ? name : name + "(" + type.precision() + ")";
    }

    /**
     * The PostgreSQL type for a staging type.
     *
     * @param fallbackAsSource for {@code source_text}: true to use the source type name (when the
     *     source was PostgreSQL), false to use {@code text}
     */
    public static String toPostgres(StagingType type, boolean fallbackAsSource) {
        return switch (type.kind()) {
            case INT16 -> "smallint";
            case INT32 -> "integer";
            case INT64 -> "bigint";
            case DECIMAL ->
                type.precision() == null
                        ? "numeric"
                        : "numeric(" + type.precision() + "," + (type.scale() == null ? 0 : type.scale()) + ")";
            case FLOAT32 -> "real";
            case FLOAT64 -> "double precision";
            case BOOLEAN -> "boolean";
            case TEXT -> "text";
            case VARCHAR -> type.length() == null ? "varchar" : "varchar(" + type.length() + ")";
            // char without a length would be char(1) in PostgreSQL; unbounded is bpchar.
            case CHAR -> type.length() == null ? "bpchar" : "char(" + type.length() + ")";
            case UUID -> "uuid";
            case JSON -> "json";
            case JSONB -> "jsonb";
            case BYTES -> "bytea";
            case DATE -> "date";
            case TIME -> pgTemporal("time", "", type);
            case TIMETZ -> pgTemporal("time", " with time zone", type);
            case TIMESTAMP -> pgTemporal("timestamp", "", type);
            case TIMESTAMPTZ -> pgTemporal("timestamp", " with time zone", type);
            case INTERVAL -> "interval";
            case ARRAY -> toPostgres(type.element(), fallbackAsSource) + "[]";
            case ENUM -> type.name(); // the caller quotes it and creates it from the manifest's enums
            case SOURCE_TEXT -> fallbackAsSource && type.sourceType() != null ? type.sourceType() : "text";
        };
    }

    private static String pgTemporal(String name, String suffix, StagingType type) {
        return type.precision() == null ? name + suffix : name + "(" + type.precision() + ")" + suffix;
    }

    /** The staging → PostgreSQL direction as document rows. */
    public static final Map<String, String> STAGING_TO_POSTGRES_NOTES = Map.of(
            "source_text(type)", "the source type when the source was PostgreSQL, else text",
            "enum(name)", "CREATE TYPE name AS ENUM from the manifest's labels",
            "int64 (INTEGER PRIMARY KEY)",
                    "bigint GENERATED BY DEFAULT AS IDENTITY, restarted past max(id) and sqlite_sequence");

    /** Helper for callers that must refuse a type: one line naming table.column. */
    public static MigrateException unsupported(String table, String column, String type) {
        return MigrateException.input(Location.column(table, column), "no mapping for type " + type);
    }
}
