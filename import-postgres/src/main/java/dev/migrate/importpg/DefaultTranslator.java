package dev.migrate.importpg;

import dev.migrate.core.sql.SqlText;
import dev.migrate.core.types.JsonText;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a column default of the source into a PostgreSQL default valid for the column's
 * type, or drops it with a reason (the caller reports every dropped default).
 *
 * <p>SQLite idioms (pitfalls.md #2, #3): {@code CURRENT_TIMESTAMP}, {@code datetime('now'[,
 * 'localtime'])}, {@code date('now')}, {@code strftime(fmt, 'now')}, {@code unixepoch()},
 * {@code current_date}, {@code TRUE}/{@code FALSE}, numbers in parentheses, {@code 't'}/{@code
 * '0'}, double-quoted strings ({@code ""}), nested quotes ({@code '"0"'}), blob literals. SQLite's
 * clock functions are UTC, so a {@code timestamp} column gets {@code CURRENT_TIMESTAMP AT TIME
 * ZONE 'UTC'}, and a text column gets the same text SQLite would have stored.
 *
 * <p>PostgreSQL defaults pass through when self-contained: literals, casts, {@code now()},
 * {@code gen_random_uuid()} and the other built-in clock functions. Sequences ({@code
 * nextval}) belong to identity/serial handling; anything else (user functions) is dropped.
 *
 * <p>The importer still checks every translated default on the server ({@code SELECT CAST(expr
 * AS type)}) before it creates the table, so a translation PostgreSQL rejects is dropped and
 * reported rather than failing the import.
 */
final class DefaultTranslator {

    /** The outcome: {@code sql} is the PostgreSQL expression (null = no default); {@code note} says what was done, or null when nothing worth telling. */
    record Translation(String sql, String note) {
        static Translation none() {
            return new Translation(null, null);
        }

        static Translation dropped(String original, String why) {
            return new Translation(null, "default " + original + " dropped: " + why);
        }

        boolean isDropped() {
            return sql == null && note != null;
        }
    }

    private enum Clock {
        TIMESTAMP,
        LOCAL_TIMESTAMP,
        TIMESTAMP_MS,
        DATE,
        TIME,
        EPOCH,
        JULIAN
    }

    private static final String UTC_NOW = "(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX_NUMBER = Pattern.compile("([+-]?)0[xX]([0-9a-fA-F]+)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    private static final Pattern FUNCTION = Pattern.compile("(?is)([a-z_]+)\\s*\\((.*)\\)");

    private DefaultTranslator() {}

    static Translation translate(String expression, StagingType type, boolean sourceIsPostgres) {
        if (expression == null || expression.isBlank()) {
            return Translation.none();
        }
        String shown = "'" + SqlErrors.oneLine(expression) + "'";
        try {
            return sourceIsPostgres ? fromPostgres(expression, shown) : fromSqlite(expression.strip(), type, shown);
        } catch (RuntimeException e) {
            return Translation.dropped(shown, "cannot be parsed (" + e.getMessage() + ")");
        }
    }

    // ------------------------------------------------------------------ SQLite

    private static Translation fromSqlite(String expr, StagingType type, String shown) {
        String e = SqlText.stripEnclosingParentheses(expr);
        String upper = e.toUpperCase(Locale.ROOT);
        if (upper.equals("NULL")) {
            return Translation.none();
        }
        switch (upper) {
            case "CURRENT_TIMESTAMP" -> {
                return clock(Clock.TIMESTAMP, type, shown);
            }
            case "CURRENT_DATE" -> {
                return clock(Clock.DATE, type, shown);
            }
            case "CURRENT_TIME" -> {
                return clock(Clock.TIME, type, shown);
            }
            case "TRUE" -> {
                return literalNumber("1", type, shown, true);
            }
            case "FALSE" -> {
                return literalNumber("0", type, shown, true);
            }
            default -> {}
        }
        if (NUMBER.matcher(e).matches()) {
            return literalNumber(e, type, shown, false);
        }
        Matcher hex = HEX_NUMBER.matcher(e);
        if (hex.matches()) {
            BigInteger v = new BigInteger(hex.group(2), 16);
            return literalNumber((hex.group(1).equals("-") ? "-" : "") + v, type, shown, false);
        }
        if ((upper.startsWith("X'") && e.endsWith("'"))) {
            return blob(e.substring(2, e.length() - 1), type, shown);
        }
        if (SqlText.isQuoted(e, '\'') || SqlText.isQuoted(e, '"')) {
            return literalString(SqlText.unquote(e), type, shown);
        }
        Matcher f = FUNCTION.matcher(e);
        if (f.matches()) {
            return sqliteFunction(f.group(1).toLowerCase(Locale.ROOT), SqlText.splitArguments(f.group(2)), type, shown);
        }
        return Translation.dropped(shown, "not a portable SQLite default");
    }

    private static Translation sqliteFunction(String name, List<String> args, StagingType type, String shown) {
        List<String> values = new ArrayList<>();
        for (String a : args) {
            String s = SqlText.stripEnclosingParentheses(a.strip());
            if (!SqlText.isQuoted(s, '\'') && !SqlText.isQuoted(s, '"')) {
                return Translation.dropped(shown, "calls " + name + "() with a non-literal argument");
            }
            values.add(SqlText.unquote(s));
        }
        boolean now = values.isEmpty() || values.get(0).equalsIgnoreCase("now");
        boolean local = values.stream().anyMatch(v -> v.equalsIgnoreCase("localtime"));
        switch (name) {
            case "datetime" -> {
                if (now && values.size() <= 2 && (values.size() < 2 || local)) {
                    return clock(local ? Clock.LOCAL_TIMESTAMP : Clock.TIMESTAMP, type, shown);
                }
            }
            case "date" -> {
                if (now && values.size() <= 1) {
                    return clock(Clock.DATE, type, shown);
                }
            }
            case "time" -> {
                if (now && values.size() <= 1) {
                    return clock(Clock.TIME, type, shown);
                }
            }
            case "unixepoch" -> {
                if (now && values.size() <= 1) {
                    return clock(Clock.EPOCH, type, shown);
                }
            }
            case "julianday" -> {
                if (now && values.size() <= 1) {
                    return clock(Clock.JULIAN, type, shown);
                }
            }
            case "strftime" -> {
                if (values.size() >= 2
                        && values.get(1).equalsIgnoreCase("now")
                        && (values.size() == 2 || (values.size() == 3 && local))) {
                    return strftime(values.get(0), local, type, shown);
                }
            }
            default -> {}
        }
        return Translation.dropped(shown, "SQLite function " + name + "() has no PostgreSQL equivalent here");
    }

    private static Translation strftime(String format, boolean local, StagingType type, String shown) {
        String f = format.replace("%%", "\u0001");
        if (f.equals("%s")) {
            return clock(Clock.EPOCH, type, shown);
        }
        if (f.equals("%J")) {
            return clock(Clock.JULIAN, type, shown);
        }
        if (type.kind() == StagingKind.TIMESTAMP || type.kind() == StagingKind.TIMESTAMPTZ) {
            if (f.matches("%Y-%m-%d[ T]%H:%M(:%S|:%f)?")) {
                return clock(local ? Clock.LOCAL_TIMESTAMP : Clock.TIMESTAMP, type, shown);
            }
        }
        if (type.kind() == StagingKind.DATE && f.equals("%Y-%m-%d")) {
            return clock(Clock.DATE, type, shown);
        }
        if (type.kind() == StagingKind.TIME && f.matches("%H:%M(:%S|:%f)?")) {
            return clock(Clock.TIME, type, shown);
        }
        if (!isText(type)) {
            return Translation.dropped(shown, "strftime format " + format + " does not fit a " + type + " column");
        }
        StringBuilder pattern = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '%' && i + 1 < f.length()) {
                String spec = switch (f.charAt(++i)) {
                    case 'Y' -> "YYYY";
                    case 'm' -> "MM";
                    case 'd' -> "DD";
                    case 'H' -> "HH24";
                    case 'M' -> "MI";
                    case 'S' -> "SS";
                    case 'f' -> "SS.MS";
                    case 'j' -> "DDD";
                    default -> null;
                };
                if (spec == null) {
                    return Translation.dropped(shown, "strftime specifier %" + f.charAt(i) + " is not translated");
                }
                flushLiteral(pattern, literal);
                pattern.append(spec);
            } else {
                literal.append(c == '\u0001' ? '%' : c);
            }
        }
        flushLiteral(pattern, literal);
        String source = local ? "LOCALTIMESTAMP" : UTC_NOW;
        return translated(
                "to_char(" + source + ", " + PgNames.literal(pattern.toString()) + ")", shown, "to_char(...)");
    }

    private static void flushLiteral(StringBuilder pattern, StringBuilder literal) {
        if (literal.length() > 0) {
            pattern.append('"').append(literal.toString().replace("\"", "\\\"")).append('"');
            literal.setLength(0);
        }
    }

    private static Translation clock(Clock clock, StagingType type, String shown) {
        String utc = UTC_NOW;
        String sql = switch (type.kind()) {
            case TIMESTAMPTZ ->
                switch (clock) {
                    case TIMESTAMP, LOCAL_TIMESTAMP, TIMESTAMP_MS -> "CURRENT_TIMESTAMP";
                    case DATE -> "CURRENT_DATE";
                    default -> null;
                };
            case TIMESTAMP ->
                switch (clock) {
                    case TIMESTAMP, TIMESTAMP_MS -> utc;
                    case LOCAL_TIMESTAMP -> "LOCALTIMESTAMP";
                    case DATE -> "(" + utc + ")::date";
                    default -> null;
                };
            case DATE ->
                switch (clock) {
                    case TIMESTAMP, TIMESTAMP_MS, DATE -> "(" + utc + ")::date";
                    case LOCAL_TIMESTAMP -> "CURRENT_DATE";
                    default -> null;
                };
            case TIME ->
                switch (clock) {
                    case TIME, TIMESTAMP, TIMESTAMP_MS -> "(" + utc + ")::time(0)";
                    case LOCAL_TIMESTAMP -> "LOCALTIME(0)";
                    default -> null;
                };
            case TEXT, VARCHAR, CHAR, SOURCE_TEXT ->
                switch (clock) {
                    case TIMESTAMP -> "to_char(" + utc + ", 'YYYY-MM-DD HH24:MI:SS')";
                    case LOCAL_TIMESTAMP -> "to_char(LOCALTIMESTAMP, 'YYYY-MM-DD HH24:MI:SS')";
                    case TIMESTAMP_MS -> "to_char(" + utc + ", 'YYYY-MM-DD HH24:MI:SS.MS')";
                    case DATE -> "to_char(" + utc + ", 'YYYY-MM-DD')";
                    case TIME -> "to_char(" + utc + ", 'HH24:MI:SS')";
                    case EPOCH -> "(extract(epoch from CURRENT_TIMESTAMP))::bigint::text";
                    case JULIAN -> null;
                };
            case INT32, INT64, DECIMAL ->
                clock == Clock.EPOCH ? "(extract(epoch from CURRENT_TIMESTAMP))::bigint" : null;
            case FLOAT64 ->
                switch (clock) {
                    case EPOCH -> "extract(epoch from CURRENT_TIMESTAMP)::double precision";
                    case JULIAN -> "extract(julian from " + utc + ")::double precision";
                    default -> null;
                };
            default -> null;
        };
        if (sql == null) {
            return Translation.dropped(shown, "a clock default does not fit a " + type + " column");
        }
        return translated(sql, shown, sql);
    }

    private static Translation translated(String sql, String shown, String as) {
        return new Translation(sql, "default " + shown + " translated to " + as);
    }

    private static Translation literalNumber(String number, StagingType type, String shown, boolean keyword) {
        String n = number.startsWith("+") ? number.substring(1) : number;
        switch (type.kind()) {
            case INT16, INT32, INT64 -> {
                if (INTEGER.matcher(n).matches()) {
                    return fitting(n, type, shown, keyword);
                }
                BigDecimal d = new BigDecimal(n);
                if (d.stripTrailingZeros().scale() <= 0) {
                    return fitting(d.toBigIntegerExact().toString(), type, shown, keyword);
                }
                return Translation.dropped(shown, "not an integer, the column is " + type);
            }
            case DECIMAL -> {
                return keep(new BigDecimal(n).toPlainString(), shown, keyword);
            }
            case FLOAT32, FLOAT64 -> {
                return keep(PgText.floatText(Double.parseDouble(n)), shown, keyword);
            }
            case BOOLEAN -> {
                if (isNumericValue(n, 0)) {
                    return translated("false", shown, "false");
                }
                if (isNumericValue(n, 1)) {
                    return translated("true", shown, "true");
                }
                return Translation.dropped(shown, "not a boolean value");
            }
            case TEXT, VARCHAR, CHAR, SOURCE_TEXT -> {
                return new Translation(PgNames.literal(n), null);
            }
            default -> {
                return Translation.dropped(shown, "a number does not fit a " + type + " column");
            }
        }
    }

    private static boolean isNumericValue(String n, int value) {
        try {
            return new BigDecimal(n).compareTo(BigDecimal.valueOf(value)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Translation fitting(String integer, StagingType type, String shown, boolean keyword) {
        BigInteger v = new BigInteger(integer);
        long min = switch (type.kind()) {
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
        long max = switch (type.kind()) {
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            return Translation.dropped(shown, "out of range for " + type);
        }
        return keep(v.toString(), shown, keyword);
    }

    private static Translation keep(String sql, String shown, boolean translated) {
        String s = sql.startsWith("-") ? "(" + sql + ")" : sql;
        return translated ? translated(s, shown, s) : new Translation(s, null);
    }

    private static Translation literalString(String value, StagingType type, String shown) {
        String v = value;
        String upper = v.strip().toUpperCase(Locale.ROOT);
        if (type.kind().isTemporal() || isText(type)) {
            // pgloader#1523: a clock keyword written as a string ('current_timestamp', 'now').
            switch (upper) {
                case "CURRENT_TIMESTAMP", "NOW" -> {
                    if (type.kind().isTemporal()) {
                        return clock(Clock.TIMESTAMP, type, shown);
                    }
                }
                case "CURRENT_DATE" -> {
                    if (type.kind().isTemporal()) {
                        return clock(Clock.DATE, type, shown);
                    }
                }
                default -> {}
            }
        }
        if (isText(type) || type.kind() == StagingKind.ENUM) {
            return new Translation(PgNames.literal(v), null);
        }
        // '"0"' (pgloader#1706): a quoted string inside the literal means the inner value.
        boolean nested = false;
        if (v.length() >= 2 && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
            v = v.substring(1, v.length() - 1);
            nested = true;
        }
        String t = v.strip();
        return switch (type.kind()) {
            case INT16, INT32, INT64, DECIMAL, FLOAT32, FLOAT64 -> {
                if (NUMBER.matcher(t).matches()) {
                    Translation n = literalNumber(t, type, shown, nested);
                    yield n.sql() == null || n.note() != null ? n : translated(n.sql(), shown, n.sql());
                }
                if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
                    yield literalNumber(t.equalsIgnoreCase("true") ? "1" : "0", type, shown, true);
                }
                yield Translation.dropped(shown, "not a number, the column is " + type);
            }
            case BOOLEAN ->
                switch (t.toLowerCase(Locale.ROOT)) {
                    case "1", "t", "true", "y", "yes", "on" -> translated("true", shown, "true");
                    case "0", "f", "false", "n", "no", "off" -> translated("false", shown, "false");
                    default -> Translation.dropped(shown, "not a boolean value");
                };
            case UUID ->
                UUID_FORM.matcher(t).matches()
                        ? new Translation(PgNames.literal(t.toLowerCase(Locale.ROOT)) + "::uuid", null)
                        : Translation.dropped(shown, "not a UUID");
            case JSON, JSONB ->
                JsonText.isValid(v)
                        ? new Translation(PgNames.literal(v), null)
                        : Translation.dropped(shown, "not valid JSON");
            case DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ, INTERVAL ->
                t.isEmpty() || t.equals("0")
                        ? Translation.dropped(shown, "not a " + type + " value")
                        // Checked by the server before use; an invalid text is dropped and reported.
                        : new Translation(PgNames.literal(t), null);
            case ARRAY ->
                t.equals("[]") || t.equals("{}")
                        ? translated("'{}'", shown, "'{}'")
                        : Translation.dropped(shown, "array defaults are not translated");
            case BYTES -> Translation.dropped(shown, "a text default on a bytes column");
            default -> Translation.dropped(shown, "not translated");
        };
    }

    private static Translation blob(String hex, StagingType type, String shown) {
        if (type.kind() != StagingKind.BYTES || !hex.matches("([0-9a-fA-F]{2})*")) {
            return Translation.dropped(shown, "a blob default on a " + type + " column");
        }
        return translated(
                "'\\x" + hex.toLowerCase(Locale.ROOT) + "'::bytea", shown, "'\\x" + hex.toLowerCase(Locale.ROOT) + "'");
    }

    private static boolean isText(StagingType type) {
        return switch (type.kind()) {
            case TEXT, VARCHAR, CHAR, SOURCE_TEXT -> true;
            default -> false;
        };
    }

    // ------------------------------------------------------------------ PostgreSQL

    private static final Set<String> PORTABLE_WORDS = Set.of(
            "now",
            "current_timestamp",
            "current_date",
            "current_time",
            "localtimestamp",
            "localtime",
            "clock_timestamp",
            "statement_timestamp",
            "transaction_timestamp",
            "gen_random_uuid",
            "true",
            "false",
            "null",
            "array",
            "timezone",
            "at",
            "time",
            "zone",
            "interval");

    private static Translation fromPostgres(String expr, String shown) {
        List<String> tokens = Tokens.of(expr);
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("::")) {
                i = skipTypeName(tokens, i + 1, shown) - 1;
                continue;
            }
            char c = t.charAt(0);
            if (c == '\'' || Character.isDigit(c) || c == '.' || "()[],+-".indexOf(c) >= 0) {
                continue;
            }
            if ((c == 'E' || c == 'e') && t.length() > 1 && t.charAt(1) == '\'') {
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                if (!PORTABLE_WORDS.contains(t.toLowerCase(Locale.ROOT))) {
                    return Translation.dropped(shown, "refers to " + t + ", which may not exist in the target");
                }
                continue;
            }
            return Translation.dropped(shown, "uses " + t + ", which is not translated");
        }
        return new Translation(expr.strip(), null);
    }

    /** Skips a type name after {@code ::}: words, an optional numeric typmod, array brackets. */
    private static int skipTypeName(List<String> tokens, int i, String shown) {
        int start = i;
        while (i < tokens.size()) {
            String t = tokens.get(i);
            char c = t.charAt(0);
            if (Character.isLetter(c) || c == '_' || c == '"') {
                if (t.equals(".") || (i + 1 < tokens.size() && tokens.get(i + 1).equals("."))) {
                    throw new IllegalArgumentException("schema-qualified type");
                }
                i++;
            } else if (t.equals("(") && i > start) {
                int j = i + 1;
                while (j < tokens.size() && !tokens.get(j).equals(")")) {
                    String a = tokens.get(j);
                    if (!a.equals(",") && !Character.isDigit(a.charAt(0))) {
                        throw new IllegalArgumentException("type modifier is not numeric");
                    }
                    j++;
                }
                i = j + 1;
            } else if (t.equals("[")
                    && i + 1 < tokens.size()
                    && tokens.get(i + 1).equals("]")) {
                i += 2;
            } else {
                break;
            }
        }
        if (i == start) {
            throw new IllegalArgumentException("cast without a type");
        }
        return i;
    }

    // ------------------------------------------------------------------ helpers

    /** A small SQL tokenizer: string literals, numbers, words, quoted identifiers, {@code ::} and single characters. */
    static final class Tokens {
        private Tokens() {}

        static List<String> of(String s) {
            List<String> out = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < s.length() && s.charAt(i + 1) == '\'')) {
                    int j = c == '\'' ? i + 1 : i + 2;
                    boolean escapes = c != '\'';
                    while (true) {
                        if (j >= s.length()) {
                            throw new IllegalArgumentException("unterminated string");
                        }
                        char d = s.charAt(j);
                        if (escapes && d == '\\') {
                            j += 2;
                            continue;
                        }
                        if (d == '\'') {
                            if (j + 1 < s.length() && s.charAt(j + 1) == '\'') {
                                j += 2;
                                continue;
                            }
                            break;
                        }
                        j++;
                    }
                    out.add(s.substring(i, j + 1));
                    i = j + 1;
                } else if (c == '"') {
                    int j = s.indexOf('"', i + 1);
                    while (j > 0 && j + 1 < s.length() && s.charAt(j + 1) == '"') {
                        j = s.indexOf('"', j + 2);
                    }
                    if (j < 0) {
                        throw new IllegalArgumentException("unterminated quoted name");
                    }
                    out.add(s.substring(i, j + 1));
                    i = j + 1;
                } else if (Character.isDigit(c)) {
                    int j = i;
                    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                        j++;
                    }
                    out.add(s.substring(i, j));
                    i = j;
                } else if (Character.isLetter(c) || c == '_') {
                    int j = i;
                    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                        j++;
                    }
                    out.add(s.substring(i, j));
                    i = j;
                } else if (c == ':' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
                    out.add("::");
                    i += 2;
                } else {
                    out.add(String.valueOf(c));
                    i++;
                }
            }
            return out;
        }
    }
}
