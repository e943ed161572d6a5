package dev.migrate.importpg;

import dev.migrate.core.types.StagingType;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL array literals: building one from a canonical list (nested lists for more
 * dimensions, null elements) and parsing PostgreSQL's array output back.
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

    /** Parses PostgreSQL's array output into the canonical nested list. */
    static List<Object> parse(StagingType type, String text) {
        StagingType leaf = type.leaf();
        Parser p = new Parser(text, leaf, delimiter(leaf));
        if (text.startsWith("[")) {
            // Dimension decoration ("[0:2]={...}") for lower bounds other than 1: the bounds are
            // not part of the staging format; the elements are.
            int eq = text.indexOf('=');
            p.pos = eq + 1;
        }
        return p.array();
    }

    private static final class Parser {
        final String s;
        final StagingType leaf;
        final char delimiter;
        int pos;

        Parser(String s, StagingType leaf, char delimiter) {
            this.s = s;
            this.leaf = leaf;
            this.delimiter = delimiter;
        }

        List<Object> array() {
            expect('{');
            List<Object> out = new ArrayList<>();
            if (peek() == '}') {
                pos++;
                return out;
            }
            while (true) {
                char c = peek();
                if (c == '{') {
                    out.add(array());
                } else if (c == '"') {
                    out.add(PgText.fromOutput(leaf, quoted()));
                } else {
                    String token = unquoted();
                    out.add(token.equalsIgnoreCase("NULL") ? null : PgText.fromOutput(leaf, token));
                }
                char next = s.charAt(pos++);
                if (next == '}') {
                    return out;
                }
                if (next != delimiter) {
                    throw new IllegalArgumentException("malformed array text at position " + pos);
                }
            }
        }

        private String quoted() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(pos++);
                if (c == '\\') {
                    b.append(s.charAt(pos++));
                } else if (c == '"') {
                    return b.toString();
                } else {
                    b.append(c);
                }
            }
        }

        private String unquoted() {
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(pos);
                if (c == delimiter || c == '}') {
                    return b.toString();
                }
                if (c == '\\') {
                    pos++;
                    c = s.charAt(pos);
                }
                b.append(c);
                pos++;
            }
        }

        private char peek() {
            return s.charAt(pos);
        }

        private void expect(char c) {
            if (s.charAt(pos) != c) {
                throw new IllegalArgumentException("malformed array text at position " + pos);
            }
            pos++;
        }
    }
}
