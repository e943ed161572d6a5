package dev.migrate.importsqlite;

import dev.migrate.core.schema.EnumType;
import dev.migrate.core.sql.SqlText;
import dev.migrate.core.sql.SqliteDialect;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.JsonText;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a column default from the source's SQL into a SQLite {@code DEFAULT} clause, or says
 * why it is dropped. Only defaults whose meaning is certain are translated:
 *
 * <ul>
 *   <li>the current time: {@code now()}, {@code CURRENT_TIMESTAMP[(p)]}, {@code LOCALTIMESTAMP},
 *       {@code transaction_timestamp()}, {@code statement_timestamp()}, {@code clock_timestamp()}
 *       → {@code CURRENT_TIMESTAMP}; {@code CURRENT_DATE} → {@code CURRENT_DATE}; {@code
 *       CURRENT_TIME}/{@code LOCALTIME} → {@code CURRENT_TIME}. SQLite's values are UTC text
 *       without an offset ({@code YYYY-MM-DD HH:MM:SS}); they only matter for rows the application
 *       inserts later, imported rows always carry their value;
 *   <li>literals, with PostgreSQL casts stripped ({@code 'x'::text} → {@code 'x'}, {@code
 *       '-1'::integer} → {@code -1}), converted exactly as values are stored: booleans → 1/0,
 *       decimals → exact text, uuids lowercase, jsonb compacted, floats NaN → {@code 'NaN'}, bytea
 *       {@code '\x..'} → a blob literal, an enum label only when it is one of the enum's labels,
 *       temporal literals only in their canonical staging form, {@code '{}'} arrays → {@code '[]'};
 *   <li>for a SQLite source, any other expression is SQLite's own and is kept as written.
 * </ul>
 *
 * <p>Dropped and reported: {@code nextval(...)} (the INTEGER PRIMARY KEY generates ids; on any other
 * column SQLite has no sequences), {@code gen_random_uuid()} and other generators (the import
 * supplies every id; the application must supply new ones), and any other expression.
 */
final class DefaultTranslator {

    /**
     * The outcome: {@code sql} is the text after {@code DEFAULT} (null for no default), {@code
     * note} says what was dropped or approximated (null when the default was translated exactly).
     */
    record Translation(String sql, String note) {
        static final Translation NONE = new Translation(null, null);
    }

    static final String NEGATIVE_ZERO = ValueBinder.NEGATIVE_ZERO;

    private static final Pattern TIMESTAMP_NOW = Pattern.compile(
            "now\\(\\)|current_timestamp(\\(\\d\\))?|localtimestamp(\\(\\d\\))?|transaction_timestamp\\(\\)"
                    + "|statement_timestamp\\(\\)|clock_timestamp\\(\\)|\\(?'now'(::text)?\\)?::timestamp.*"
                    + "|datetime\\('now'\\)");
    private static final Pattern DATE_NOW =
            Pattern.compile("current_date|\\(?'now'(::text)?\\)?::date|date\\('now'\\)");
    private static final Pattern TIME_NOW =
            Pattern.compile("current_time(\\(\\d\\))?|localtime(\\(\\d\\))?|time\\('now'\\)");
    private static final Pattern GENERATORS =
            Pattern.compile("(gen_random_uuid|uuid_generate_v[1-5]\\w*|random|uuid|randomblob)\\(.*\\)");
    /** A cast suffix: {@code ::text}, {@code ::character varying(16)}, {@code ::timestamp with time zone}, {@code ::text[]}. */
    private static final String CASTS =
            "((?:::\\s*\"?[A-Za-z_][A-Za-z0-9_ .\"]*(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?:\\[\\])*)*)";

    private static final Pattern STRING_LITERAL = Pattern.compile("(E)?'((?:[^']|'')*)'\\s*" + CASTS);
    private static final Pattern NUMBER_LITERAL =
            Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*" + CASTS);

    private DefaultTranslator() {}

    /**
     * @param expression the source's default expression, or null
     * @param type the column's staging type
     * @param enumType the enum's labels for an enum column, else null
     * @param sqliteSource true when the source was SQLite (its expressions are SQLite SQL)
     */
    static Translation translate(String expression, StagingType type, EnumType enumType, boolean sqliteSource) {
        if (expression == null || expression.isBlank()) {
            return Translation.NONE;
        }
        String e = SqlText.stripEnclosingParentheses(expression);
        String lower = e.toLowerCase(Locale.ROOT);
        if (lower.equals("null") || lower.matches("null::.*")) {
            return Translation.NONE;
        }
        if (lower.startsWith("nextval(")) {
            return dropped(expression, "SQLite has no sequences; an INTEGER PRIMARY KEY generates its own ids");
        }
        StagingKind kind = type.kind();
        if (TIMESTAMP_NOW.matcher(lower).matches()) {
            return switch (kind) {
                case TIMESTAMP, TIMESTAMPTZ -> new Translation("CURRENT_TIMESTAMP", null);
                case DATE -> new Translation("CURRENT_DATE", null);
                case TIME, TIMETZ -> new Translation("CURRENT_TIME", null);
                default ->
                    sqliteSource
                            ? new Translation(e, null)
                            : dropped(expression, "the current time has no portable form for a " + type + " column");
            };
        }
        if (DATE_NOW.matcher(lower).matches() && kind == StagingKind.DATE) {
            return new Translation("CURRENT_DATE", null);
        }
        if (TIME_NOW.matcher(lower).matches() && (kind == StagingKind.TIME || kind == StagingKind.TIMETZ)) {
            return new Translation("CURRENT_TIME", null);
        }
        if (GENERATORS.matcher(lower).matches()) {
            return dropped(
                    expression,
                    "a value generator with no portable SQLite form; imported rows carry their values, the"
                            + " application must supply new ones");
        }
        if (lower.equals("true") || lower.equals("false")) {
            return kind == StagingKind.BOOLEAN
                    ? new Translation(lower.equals("true") ? "1" : "0", null)
                    : dropped(expression, "a boolean default on a " + type + " column");
        }
        try {
            Matcher s = STRING_LITERAL.matcher(e);
            if (s.matches()) {
                String text = s.group(2).replace("''", "'");
                if (s.group(1) != null) {
                    if (text.contains("\\")) {
                        return dropped(expression, "escape-string literal not translated");
                    }
                }
                return literal(expression, text, type, enumType);
            }
            Matcher n = NUMBER_LITERAL.matcher(e);
            if (n.matches()) {
                return literal(expression, n.group(1), type, enumType);
            }
        } catch (IllegalArgumentException bad) {
            return dropped(expression, "its value does not fit the column: " + bad.getMessage());
        }
        if (sqliteSource) {
            return new Translation(expression.strip().startsWith("(") ? expression.strip() : "(" + e + ")", null);
        }
        return dropped(expression, "not a portable expression");
    }

    private static Translation literal(String expression, String text, StagingType type, EnumType enumType) {
        SqliteDialect sql = SqliteDialect.INSTANCE;
        switch (type.kind()) {
            case INT16, INT32, INT64:
                return new Translation(
                        Long.toString((Long) Codecs.forType(type).canonical(new BigDecimal(text).longValueExact())),
                        null);
            case DECIMAL:
                return new Translation(
                        sql.quoteLiteral((String) Codecs.forType(type).canonical(text)), null);
            case FLOAT32, FLOAT64:
                return new Translation(floatLiteral(text), null);
            case BOOLEAN:
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "t", "true", "y", "yes", "on", "1" -> new Translation("1", null);
                    case "f", "false", "n", "no", "off", "0" -> new Translation("0", null);
                    default -> dropped(expression, "not a boolean");
                };
            case ENUM:
                if (enumType == null || !enumType.labels().contains(text)) {
                    return dropped(expression, "not a label of the enum");
                }
                return new Translation(sql.quoteLiteral(text), null);
            case TEXT, VARCHAR, CHAR, JSON, SOURCE_TEXT:
                return new Translation(sql.quoteLiteral(text), null);
            case UUID:
                return new Translation(
                        sql.quoteLiteral((String) Codecs.forType(type).canonical(text)), null);
            case JSONB:
                return new Translation(sql.quoteLiteral(JsonText.compact(text)), null);
            case BYTES:
                if (text.startsWith("\\x") && text.substring(2).matches("([0-9A-Fa-f]{2})*")) {
                    return new Translation(
                            "X'" + HexFormat.of().formatHex(HexFormat.of().parseHex(text.substring(2))) + "'", null);
                }
                return dropped(expression, "not a hex bytea literal");
            case DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ, INTERVAL:
                String canonical = canonicalTemporal(text, type);
                return canonical == null
                        ? dropped(expression, "the literal is not in the canonical " + type + " form")
                        : new Translation(sql.quoteLiteral(canonical), null);
            case ARRAY:
                if (text.equals("{}")) {
                    return new Translation("'[]'", null);
                }
                return dropped(expression, "array literals other than '{}' are not translated");
        }
        return dropped(expression, "not translated");
    }

    private static String floatLiteral(String text) {
        switch (text) {
            case "NaN":
                return "'NaN'";
            case "Infinity":
                return "9e999";
            case "-Infinity":
                return "-9e999";
            default:
                double d = Double.parseDouble(text);
                if (d == 0.0 && 1 / d < 0) {
                    return SqliteDialect.INSTANCE.quoteLiteral(NEGATIVE_ZERO);
                }
                return Double.toString(d);
        }
    }

    /** The literal in canonical staging form, accepting PostgreSQL's short offsets ({@code +00} → {@code +00:00}). */
    private static String canonicalTemporal(String text, StagingType type) {
        for (String candidate : new String[] {text, text.replaceAll("([+-]\\d{2})$", "$1:00")}) {
            try {
                return (String) Codecs.forType(type).canonical(candidate);
            } catch (IllegalArgumentException e) {
                // try the next spelling
            }
        }
        return null;
    }

    private static Translation dropped(String expression, String why) {
        return new Translation(null, "default " + expression + " dropped: " + why);
    }
}
