package dev.migrate.importpg;

import dev.migrate.core.types.StagingType;
import java.util.List;

/**
 * PostgreSQL array literals built from a canonical list (nested lists for more dimensions, null
 * elements).
 *
 * <p>Every non-null element is written double-quoted with {@code "} and {@code \} backslash-escaped,
 * so no element text (empty string, the word {@code NULL}, commas, braces, spaces, quotes) can
 * be misread; an unquoted {@code NULL} is the null element.
 */
final class PgArrayText {

    private PgArrayText() {}

    /** The array literal, e.g. {@code {"a","b c",NULL}} or {@code {{"1","2"},{"3","4"}}}. */
    static String literal(StagingType type, List<?> list) {
        StagingType leaf = type.leaf();
        StringBuilder b = new StringBuilder();
        append(b, leaf, list, delimiter(leaf));
        return b.toString();
    }

    private static void append(StringBuilder b, StagingType leaf, List<?> list, char delimiter) {
        b.append('{');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                b.append(delimiter);
            }
            Object item = list.get(i);
            if (item == null) {
                b.append("NULL");
            } else if (item instanceof List<?> nested) {
                append(b, leaf, nested, delimiter);
            } else {
                quote(b, PgText.input(leaf, item));
            }
        }
        b.append('}');
    }

    private static void quote(StringBuilder b, String element) {
        b.append('"');
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        b.append('"');
    }

    /** PostgreSQL's array delimiter is a comma for every type except {@code box}. */
    static char delimiter(StagingType leaf) {
        return leaf.sourceType() != null && leaf.sourceType().equalsIgnoreCase("box") ? ';' : ',';
    }
}
