package dev.migrate.core.mapping;

import static dev.migrate.core.types.StagingKind.*;

import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders {@code schema_design/type-mapping.md} from the rule tables of {@link TypeMappings}, so
 * the document cannot drift from the code: a test in {@code schema_design} fails when the file
 * differs from {@link #render()}. Everything the document claims about concrete types (storage
 * forms, round trips, the samples from the field) is data here, and tests in core check each
 * claim against a real SQLite file and a real PostgreSQL server.
 */
public final class TypeMappingDocument {

    private TypeMappingDocument() {}

    /**
     * How import-sqlite stores the values of one staging type, and examples that prove SQLite's
     * affinity leaves them alone (each example is stored and read back in a test).
     *
     * @param type the staging type (its declared type is {@link TypeMappings#toSqlite})
     * @param storageClass what {@code typeof()} returns for these values
     * @param form the stored form in words
     * @param examples stored values: {@code Long}, {@code Double}, {@code String} or {@code byte[]}
     */
    public record StorageForm(StagingType type, String storageClass, String form, List<Object> examples) {}

    private static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /** The canonical SQLite storage form of every staging kind. */
    public static final List<StorageForm> STORAGE_FORMS = List.of(
            new StorageForm(StagingType.of(INT16), "integer", "the integer", List.of(-32768L, 0L, 32767L)),
            new StorageForm(StagingType.of(INT32), "integer", "the integer", List.of(-2147483648L, 2147483647L)),
            new StorageForm(
                    StagingType.of(INT64),
                    "integer",
                    "the integer (all 64 bits: no detour through a double)",
                    List.of(Long.MIN_VALUE, 9007199254740993L, Long.MAX_VALUE)),
            new StorageForm(
                    StagingType.decimal(10, 2),
                    "text",
                    "the exact decimal text, scale digits kept",
                    List.of("12.50", "-0.01", "0.00", "99999999.99")),
            new StorageForm(
                    StagingType.decimal(null, null),
                    "text",
                    "the exact decimal text; NaN and ±Infinity as words",
                    List.of("1234567890123456789012345678901234567890.0123456789", "NaN", "Infinity", "-Infinity")),
            new StorageForm(
                    StagingType.of(FLOAT32),
                    "real",
                    "the double of the float's shortest decimal",
                    List.of(1.5, -3.25, 0.1, 3.4028235E38)),
            new StorageForm(
                    StagingType.of(FLOAT64),
                    "real",
                    "the double, ±Infinity included",
                    List.of(0.1, 2.0, -1.0E308, 4.9E-324, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)),
            new StorageForm(
                    StagingType.of(FLOAT64),
                    "text",
                    "NaN as the text 'NaN' (SQLite turns a NaN REAL into NULL); -0.0 as the text"
                            + " '-0.0 (negative zero)' (REAL affinity would store it as the integer 0)",
                    List.of("NaN", "-0.0 (negative zero)")),
            new StorageForm(StagingType.of(BOOLEAN), "integer", "0 or 1", List.of(0L, 1L)),
            new StorageForm(
                    StagingType.of(TEXT),
                    "text",
                    "the text as is (UTF-8)",
                    List.of("007", "1", "1.50", " 42 ", "1e5", "", "NULL", "é 😀")),
            new StorageForm(StagingType.varchar(10), "text", "the text as is", List.of("0042", "x")),
            new StorageForm(
                    StagingType.character(5),
                    "text",
                    "blank-padded to the length, as PostgreSQL returns it",
                    List.of("1    ", "ab   ")),
            new StorageForm(StagingType.character(null), "text", "the text as is", List.of("12 ")),
            new StorageForm(
                    StagingType.of(UUID),
                    "text",
                    "lowercase 8-4-4-4-12",
                    List.of("123e4567-e89b-12d3-a456-426614174000", "00000000-0000-0000-0000-000000000000")),
            new StorageForm(
                    StagingType.of(JSON),
                    "text",
                    "the document's exact text: whitespace and duplicate keys kept",
                    List.of("1.50", "{\"a\": 1, \"a\": 2}", "null", "\"007\"")),
            new StorageForm(
                    StagingType.of(JSONB),
                    "text",
                    "compact JSON text",
                    List.of("1", "1.50", "{\"a\":1}", "[1,\"x\",null]")),
            new StorageForm(
                    StagingType.of(BYTES),
                    "blob",
                    "the bytes (an empty value stays an empty BLOB, not NULL)",
                    List.of(allBytes(), new byte[0], new byte[] {'1'})),
            new StorageForm(
                    StagingType.of(DATE),
                    "text",
                    "YYYY-MM-DD, astronomical year (0000 = 1 BC), or infinity/-infinity",
                    List.of("2024-02-29", "0001-01-01", "0000-12-31", "-0043-03-15", "infinity", "-infinity")),
            new StorageForm(
                    StagingType.temporal(TIME, null),
                    "text",
                    "HH:MM:SS[.ffffff], 24:00:00 allowed",
                    List.of("00:00:00", "13:45:30.123456", "24:00:00")),
            new StorageForm(
                    StagingType.temporal(TIMETZ, null),
                    "text",
                    "HH:MM:SS[.ffffff]±HH:MM",
                    List.of("13:45:30.5+05:30", "00:00:00+00:00", "23:59:59-08:00")),
            new StorageForm(
                    StagingType.temporal(TIMESTAMP, null),
                    "text",
                    "YYYY-MM-DD HH:MM:SS[.ffffff] (space, not T), or infinity/-infinity",
                    List.of("2024-01-31 23:59:59.999999", "1970-01-01 00:00:00", "infinity", "-infinity")),
            new StorageForm(
                    StagingType.temporal(TIMESTAMPTZ, null),
                    "text",
                    "YYYY-MM-DD HH:MM:SS[.ffffff]+00:00 (UTC, offset written), or infinity/-infinity",
                    List.of("2024-01-31 23:59:59.999999+00:00", "0001-01-01 00:00:00+00:00", "infinity")),
            new StorageForm(
                    StagingType.of(INTERVAL),
                    "text",
                    "ISO-8601 as PostgreSQL's iso_8601 IntervalStyle prints it",
                    List.of("P1Y2M3DT4H5M6.5S", "PT0S", "P-1D", "PT-0.000001S")),
            new StorageForm(
                    StagingType.array(StagingType.of(INT32), 1),
                    "text",
                    "the staging JSON array, NULL elements as null, nested for more dimensions",
                    List.of("[1,2,null]", "[]")),
            new StorageForm(
                    StagingType.array(StagingType.of(INT32), 2),
                    "text",
                    "the staging JSON array, nested",
                    List.of("[[1,2],[3,null]]")),
            new StorageForm(
                    StagingType.array(StagingType.of(TEXT), 1),
                    "text",
                    "the staging JSON array",
                    List.of("[\"a\",null,\"b,c\",\"{x}\",\"\\\"q\\\"\"]")),
            new StorageForm(
                    StagingType.array(StagingType.decimal(10, 2), 1),
                    "text",
                    "the staging JSON array (decimals as strings)",
                    List.of("[\"12.50\",null]")),
            new StorageForm(StagingType.enumOf("mood"), "text", "the label", List.of("happy", "1", "007")),
            new StorageForm(
                    StagingType.sourceText("bit(8)"),
                    "text",
                    "PostgreSQL's text form of the value",
                    List.of("00001111", "10101010")),
            new StorageForm(
                    StagingType.sourceText("inet"),
                    "text",
                    "PostgreSQL's text form of the value",
                    List.of("192.168.0.1/24", "::1")),
            new StorageForm(
                    StagingType.sourceText("point"), "text", "PostgreSQL's text form of the value", List.of("(1,2)")));

    /**
     * A PostgreSQL column type taken through PostgreSQL → staging → SQLite → staging → PostgreSQL.
     *
     * @param formatType {@code format_type()} of the column
     * @param enumName the enum's name for an enum type, else null
     * @param dimensions array dimensions, 0 for a scalar
     * @param change null when the round trip creates the same type, else what changes and why
     */
    public record PostgresSample(String formatType, String enumName, int dimensions, String change) {

        /** The staging type the exporter records. */
        public StagingType staging() {
            return TypeMappings.fromPostgres(formatType, enumName, dimensions);
        }

        /** The SQLite declared type import-sqlite writes. */
        public String sqlite() {
            return TypeMappings.toSqlite(staging());
        }

        /** The PostgreSQL type import-postgres creates after export-sqlite read the SQLite file. */
        public String roundTrip() {
            return TypeMappings.toPostgres(TypeMappings.declaredSqlite(sqlite()), true);
        }
    }

    /** Types whose round trip the document shows (and a test replays on a real server). */
    public static final List<PostgresSample> POSTGRES_SAMPLES = List.of(
            new PostgresSample("smallint", null, 0, null),
            new PostgresSample("integer", null, 0, null),
            new PostgresSample("bigint", null, 0, null),
            new PostgresSample("numeric", null, 0, null),
            new PostgresSample("numeric(12,2)", null, 0, null),
            new PostgresSample("money", null, 0, "money's text form depends on lc_monetary, so it travels as a number"),
            new PostgresSample("real", null, 0, null),
            new PostgresSample("double precision", null, 0, null),
            new PostgresSample("boolean", null, 0, null),
            new PostgresSample("text", null, 0, null),
            new PostgresSample("name", null, 0, "same values; name's 63-byte limit is not kept"),
            new PostgresSample("character varying(64)", null, 0, null),
            new PostgresSample("character varying", null, 0, null),
            new PostgresSample("character(2)", null, 0, null),
            new PostgresSample("bpchar", null, 0, null),
            new PostgresSample("uuid", null, 0, null),
            new PostgresSample("json", null, 0, null),
            new PostgresSample("jsonb", null, 0, null),
            new PostgresSample("bytea", null, 0, null),
            new PostgresSample("date", null, 0, null),
            new PostgresSample("time without time zone", null, 0, null),
            new PostgresSample("time(3) without time zone", null, 0, null),
            new PostgresSample("time with time zone", null, 0, null),
            new PostgresSample("timestamp without time zone", null, 0, null),
            new PostgresSample("timestamp(3) with time zone", null, 0, null),
            new PostgresSample("timestamp with time zone", null, 0, null),
            new PostgresSample("interval", null, 0, null),
            new PostgresSample(
                    "interval year to month", null, 0, "the field restriction is not carried (every value still fits)"),
            new PostgresSample("integer[]", null, 1, null),
            new PostgresSample("text[]", null, 1, null),
            new PostgresSample("character varying(10)[]", null, 1, null),
            new PostgresSample("numeric(9,6)[]", null, 2, null),
            new PostgresSample("mood", "mood", 0, null),
            new PostgresSample("\"Mood Ring\"", "Mood Ring", 0, null),
            new PostgresSample("mood[]", "mood", 1, null),
            new PostgresSample("inet", null, 0, null),
            new PostgresSample("macaddr", null, 0, null),
            new PostgresSample("tsvector", null, 0, null),
            new PostgresSample("xml", null, 0, null),
            new PostgresSample("bit(8)", null, 0, null),
            new PostgresSample("bit varying(5)", null, 0, null),
            new PostgresSample("point", null, 0, null),
            new PostgresSample("int4range", null, 0, null),
            new PostgresSample("\"char\"", null, 0, null));

    /** Declared types met in real SQLite files (pgloader's test databases, ORMs), as the document lists them. */
    public static final List<String> SQLITE_SAMPLES = List.of(
            "INTEGER PRIMARY KEY",
            "integer",
            "int(5)",
            "tinyint",
            "smallint unsigned",
            "short integer",
            "integer auto_increment",
            "intege",
            "bigint unsigned",
            "real",
            "double",
            "double precision",
            "float",
            "NUMERIC(10,2)",
            "numeric(20, 6)",
            "decimal(12,4)",
            "numeric",
            "boolean",
            "text",
            "text nocase",
            "varchar(255)",
            "nvarchar(100)",
            "char(70)",
            "character(20)",
            "clob",
            "DATETIME",
            "TIMESTAMP",
            "date",
            "time",
            "json",
            "uuid",
            "BLOB",
            "byte[]",
            "",
            "money",
            "geometry");

    /** The whole document. */
    public static String render() {
        StringBuilder b = new StringBuilder();
        intro(b);
        convention(b);
        storageForms(b);
        postgresToSqlite(b);
        sqliteToPostgres(b);
        stagingToPostgres(b);
        roundTrips(b);
        return b.toString();
    }

    private static void intro(StringBuilder b) {
        b.append("# Type mapping\n\n");
        b.append("<!-- Generated by dev.migrate.core.mapping.TypeMappingDocument from the rule tables in\n");
        b.append("     dev.migrate.core.mapping.TypeMappings. Do not edit: change the code, run\n");
        b.append("     `mvn -B -o -pl schema_design test` and copy schema_design/target/type-mapping.md here. -->\n\n");
        b.append("Every value travels PostgreSQL → staging type → SQLite, or SQLite → staging type → PostgreSQL.\n");
        b.append("The staging types (`dev.migrate.core.types.StagingKind`) are the one vocabulary in between; this\n");
        b.append(
                "document shows the two mapping tables the code uses, rule by rule, in the order they are tried (the\n");
        b.append("first rule that matches wins), and what import-sqlite writes into SQLite so that nothing is\n");
        b.append("lost on the way back.\n\n");
        b.append("There is no silent catch-all. A PostgreSQL type without a rule of its own takes the explicit\n");
        b.append("fallback `source_text(type)`: its PostgreSQL text form is kept, the source type is recorded,\n");
        b.append("and the manifest and the output name every such column. A SQLite declared type without a\n");
        b.append("rule of its own gets SQLite's own affinity meaning, and export-sqlite then profiles the\n");
        b.append("column's values: a column whose values do not all fit its declared meaning is widened to\n");
        b.append("the narrowest type that holds every value exactly, and named with the rule applied.\n\n");
    }

    private static void convention(StringBuilder b) {
        b.append("## The SQLite declared-type convention\n\n");
        b.append("A SQLite column's declared type is only a hint, but the hint has teeth: SQLite derives the\n");
        b.append("column's *affinity* from it (<https://sqlite.org/datatype3.html>, section 3.1: a name containing\n");
        b.append("`INT` → INTEGER; else `CHAR`, `CLOB` or `TEXT` → TEXT; else `BLOB` or none → BLOB; else `REAL`,\n");
        b.append("`FLOA` or `DOUB` → REAL; else NUMERIC), and INTEGER, REAL and NUMERIC affinity **convert**\n");
        b.append("text that looks like a number: `'12.50'` stored in a `NUMERIC` column comes back as the REAL\n");
        b.append("12.5, `'007'` in an `INTEGER` column as 7. import-sqlite therefore declares every column so\n");
        b.append("that affinity can never change a stored value, and so that the declared type alone tells\n");
        b.append("export-sqlite the original staging type:\n\n");
        b.append("- Types whose values may look like numbers get a name that contains `TEXT` and no `INT`,\n");
        b.append("  hence TEXT affinity: `DECIMAL TEXT(p,s)` (an exact decimal: `12.50` keeps its zero, 40\n");
        b.append("  digits keep every digit), `JSON TEXT` (the JSON `1.50` is text, not a number),\n");
        b.append("  `JSONB TEXT`, `<NAME> ENUM TEXT` for enums, `<TYPE> TEXT` for the `source_text` fallback, and\n");
        b.append("  `TEXT`, `VARCHAR(n)`, `CHAR(n)`, `BPCHAR` for text.\n");
        b.append("- Enums: `<NAME> ENUM TEXT` plus a `CHECK (col IN ('label', ...))` listing the labels, from which\n");
        b.append("  export-sqlite rebuilds the enum type.\n");
        b.append("- Types stored as text that never looks like a number keep their PostgreSQL names: `UUID`,\n");
        b.append("  `DATE`, `TIME`, `TIMETZ`, `TIMESTAMP`, `TIMESTAMPTZ`, `INTERVAL` (an ISO duration `P1D`,\n");
        b.append("  a date `2024-01-31` or `infinity` is never converted, whatever the affinity).\n");
        b.append("- Arrays are stored as JSON array text: `<element> ARRAY`, one `ARRAY` per dimension, the\n");
        b.append("  element's arguments moved to the end where SQLite's grammar allows them: `integer[]` →\n");
        b.append("  `INTEGER ARRAY`, `varchar(10)[]` → `VARCHAR ARRAY(10)`, a 2-D `numeric(9,6)[]` →\n");
        b.append("  `DECIMAL TEXT ARRAY ARRAY(9,6)`. JSON array text starts with `[`, so no affinity converts it.\n");
        b.append("- A name inside a declared type (an enum's, a fallback's source type) is written as a bare\n");
        b.append("  word, upper-cased, when that is reversible and safe: lowercase letters, digits and `_`, no\n");
        b.append("  `int` inside (`point` would give the column INTEGER affinity). Any other name — mixed case,\n");
        b.append("  spaces, quotes, type arguments such as `bit(8)` — is written as `X_` followed by the\n");
        b.append("  hexadecimal UTF-8 bytes of the name: `point` → `X_706F696E74 TEXT`, `bit(8)` →\n");
        b.append("  `X_626974283829 TEXT`, enum `\"Mood\"` → `X_4D6F6F64 ENUM TEXT`. Hex digits can never spell\n");
        b.append("  `INT`, and the name comes back byte for byte.\n");
        b.append("- An integer identity or serial primary key becomes `INTEGER PRIMARY KEY` (SQLite's rowid,\n");
        b.append("  with `AUTOINCREMENT` and `sqlite_sequence` set from the source sequence); the way back\n");
        b.append(
                "  creates `bigint GENERATED BY DEFAULT AS IDENTITY`, restarted past max(id) and `sqlite_sequence`.\n");
        b.append("- Booleans are INTEGER 0/1 (`BOOLEAN` has NUMERIC affinity; 0 and 1 are already integers).\n\n");
    }

    private static void storageForms(StringBuilder b) {
        b.append("## Canonical SQLite storage forms\n\n");
        b.append("What import-sqlite stores for each staging type (`typeof()` is the storage class SQLite\n");
        b.append("reports). Every example below is stored in a real SQLite file under the declared type shown\n");
        b.append("and read back byte-identical with the same `typeof()` by a test\n");
        b.append("(`TypeMappingsOnRealDatabasesTest`): SQLite's affinity never changes one of these values.\n\n");
        b.append("| staging type | SQLite declared type | typeof() | stored form | examples |\n");
        b.append("|---|---|---|---|---|\n");
        for (StorageForm f : STORAGE_FORMS) {
            List<String> examples = new ArrayList<>();
            for (Object e : f.examples()) {
                examples.add(code(literal(e)));
            }
            row(
                    b,
                    code(f.type().toString()),
                    code(TypeMappings.toSqlite(f.type())),
                    f.storageClass(),
                    f.form(),
                    String.join(" ", examples));
        }
        b.append('\n');
    }

    private static void postgresToSqlite(StringBuilder b) {
        b.append("## PostgreSQL → staging → SQLite\n\n");
        b.append("Rules over `format_type(atttypid, atttypmod)` of the column's base type, lower-cased, tried\n");
        b.append("in this order (`TypeMappings.POSTGRES_TO_STAGING`). Before the rules: a domain is resolved to\n");
        b.append("its base type, an enum becomes `enum(name)` (SQLite `<NAME> ENUM TEXT` with a CHECK of its\n");
        b.append("labels), and an array becomes `array<element>` with the element mapped by these rules\n");
        b.append("(SQLite `<element> ARRAY`).\n\n");
        b.append("| PostgreSQL type | staging type | SQLite declared type | note |\n");
        b.append("|---|---|---|---|\n");
        for (MappingRule r : TypeMappings.POSTGRES_TO_STAGING) {
            row(b, code(r.source()), code(r.staging()), code(r.target()), r.note());
        }
        b.append('\n');
    }

    private static void sqliteToPostgres(StringBuilder b) {
        b.append("## SQLite → staging → PostgreSQL\n\n");
        b.append(
                "Rules over the declared type, upper-cased with spaces normalised (`TypeMappings.SQLITE_TO_STAGING`),\n");
        b.append("tried in this order. The first rows recognise what import-sqlite writes; the last five are\n");
        b.append("SQLite's own affinity rules. The staging type is the column's meaning **when every value fits\n");
        b.append("it**: export-sqlite profiles each column's values (`typeof()` and parsing) and otherwise\n");
        b.append("widens to the narrowest type that holds every value exactly, naming the column, the rule and\n");
        b.append("the first offending rows.\n\n");
        b.append("| SQLite declared type | staging type | PostgreSQL type | note |\n");
        b.append("|---|---|---|---|\n");
        for (MappingRule r : TypeMappings.SQLITE_TO_STAGING) {
            row(b, code(r.source()), code(r.staging()), code(r.target()), r.note());
        }
        b.append('\n');
    }

    private static void stagingToPostgres(StringBuilder b) {
        b.append("## Staging → PostgreSQL\n\n");
        b.append("What import-postgres creates for each staging type (`TypeMappings.toPostgres`).\n\n");
        b.append("| staging type | PostgreSQL type |\n");
        b.append("|---|---|\n");
        List<StagingType> shown = List.of(
                StagingType.of(INT16),
                StagingType.of(INT32),
                StagingType.of(INT64),
                StagingType.decimal(null, null),
                StagingType.decimal(12, 2),
                StagingType.of(FLOAT32),
                StagingType.of(FLOAT64),
                StagingType.of(BOOLEAN),
                StagingType.of(TEXT),
                StagingType.varchar(null),
                StagingType.varchar(64),
                StagingType.character(null),
                StagingType.character(2),
                StagingType.of(UUID),
                StagingType.of(JSON),
                StagingType.of(JSONB),
                StagingType.of(BYTES),
                StagingType.of(DATE),
                StagingType.temporal(TIME, null),
                StagingType.temporal(TIMETZ, 3),
                StagingType.temporal(TIMESTAMP, null),
                StagingType.temporal(TIMESTAMPTZ, 6),
                StagingType.of(INTERVAL),
                StagingType.array(StagingType.of(TEXT), 1),
                StagingType.enumOf("mood"),
                StagingType.sourceText("inet"));
        for (StagingType t : shown) {
            row(b, code(t.toString()), code(TypeMappings.toPostgres(t, true)));
        }
        b.append('\n');
        Map<String, String> notes = new TreeMap<>(TypeMappings.STAGING_TO_POSTGRES_NOTES);
        notes.forEach((type, note) ->
                b.append("- `").append(type).append("`: ").append(note).append(".\n"));
        b.append('\n');
    }

    private static void roundTrips(StringBuilder b) {
        b.append("## Round trips\n\n");
        b.append("**The guarantee.** A PostgreSQL table taken to SQLite by export-postgres + import-sqlite and\n");
        b.append("back by export-sqlite + import-postgres gets the same column types and the same values:\n\n");
        b.append("1. `toSqlite` and `declaredSqlite` are inverse for every staging type: the declared type\n");
        b.append("   import-sqlite writes reads back as exactly the staging type it came from (typmods, array\n");
        b.append("   dimensions, enum names and fallback source types included). Tested over every kind.\n");
        b.append("2. Every value is stored in its canonical form (above), which SQLite's affinity leaves\n");
        b.append("   untouched, and read back by the same staging codec. Tested against a real SQLite file.\n");
        b.append("3. `toPostgres` and `fromPostgres` are inverse for every staging type.\n\n");
        b.append("The few types that change, by design, are marked below; a test creates each type on a real\n");
        b.append("PostgreSQL server, takes it around, creates the result and compares the two `format_type`s.\n\n");
        b.append("| PostgreSQL type | staging type | SQLite declared type | PostgreSQL type after the round trip |\n");
        b.append("|---|---|---|---|\n");
        for (PostgresSample s : POSTGRES_SAMPLES) {
            String back = s.roundTrip() + (s.dimensions() > 1 ? " (" + s.dimensions() + " dimensions)" : "");
            row(
                    b,
                    code(s.formatType() + (s.dimensions() > 1 ? " (" + s.dimensions() + " dimensions)" : "")),
                    code(s.staging().toString()),
                    code(s.sqlite()),
                    s.change() == null ? "same" : "becomes " + code(back) + ": " + s.change());
        }
        b.append('\n');
        b.append("### SQLite declared types from the field\n\n");
        b.append("Declared types found in real SQLite files (pgloader's SQLite test databases, ORMs, hand-written\n");
        b.append("schemas), before value profiling. `INTEGER PRIMARY KEY` is the rowid: int64 identity.\n\n");
        b.append("| SQLite declared type | rule | staging type | PostgreSQL type |\n");
        b.append("|---|---|---|---|\n");
        for (String declared : SQLITE_SAMPLES) {
            String shownType = declared.isEmpty() ? "(none)" : declared;
            if (declared.equals("INTEGER PRIMARY KEY")) {
                row(b, code(shownType), "rowid", code("int64"), code("bigint GENERATED BY DEFAULT AS IDENTITY"));
                continue;
            }
            StagingType t = TypeMappings.declaredSqlite(declared);
            row(
                    b,
                    code(shownType),
                    TypeMappings.sqliteRule(declared).source(),
                    code(t.toString()),
                    code(TypeMappings.toPostgres(t, false)));
        }
    }

    /** One Markdown table row; pipes in cells are escaped. */
    private static void row(StringBuilder b, String... cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        b.append('\n');
    }

    private static String code(String s) {
        if (s.isEmpty()) {
            return "";
        }
        // A backtick inside would end the code span early; none of our texts has one, but be safe.
        return s.contains("`") ? "``" + s + "``" : "`" + s + "`";
    }

    /** An example value as SQL would write it. */
    private static String literal(Object v) {
        if (v instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        if (v instanceof byte[] bytes) {
            String hex = HexFormat.of().withUpperCase().formatHex(bytes);
            return bytes.length > 8
                    ? "X'" + hex.substring(0, 6) + "…" + hex.substring(hex.length() - 4) + "' (" + bytes.length
                            + " bytes)"
                    : "X'" + hex + "'";
        }
        if (v instanceof Double d && d.isInfinite()) {
            return d > 0 ? "+Infinity (REAL)" : "-Infinity (REAL)";
        }
        return String.valueOf(v);
    }

    /** For tests: the kinds the storage forms cover. */
    static List<StagingKind> coveredKinds() {
        List<StagingKind> kinds = new ArrayList<>();
        for (StorageForm f : STORAGE_FORMS) {
            if (!kinds.contains(f.type().kind())) {
                kinds.add(f.type().kind());
            }
        }
        return kinds;
    }
}
