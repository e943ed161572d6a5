package dev.migrate.core;

/**
 * Names and values shown inside one-line messages: quoted, control characters (newline, NUL)
 * written as escapes so the message stays one line, long texts shortened. One implementation for
 * every module's messages (a table named {@code "na\nme"} must not split an error in two).
 */
public final class OneLine {

    /** How many characters of an identifier a message shows. */
    public static final int IDENTIFIER_CHARS = 80;

    private OneLine() {}

    /** An identifier in double quotes, at most {@value #IDENTIFIER_CHARS} characters; null as {@code ""}. */
    public static String identifier(String name) {
        return name == null ? "\"\"" : quoted(name, '"', IDENTIFIER_CHARS);
    }

    /**
     * The text between two {@code quote} characters, control characters escaped ({@code \n},
     * {@code \r}, {@code \t}, {@code \u0000}), cut with {@code ...} after {@code maxChars} code points.
     */
    public static String quoted(String text, char quote, int maxChars) {
        StringBuilder b = new StringBuilder().append(quote);
        int shown = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (shown++ >= maxChars) {
                b.append("...");
                break;
            }
            appendEscaped(b, cp, true);
        }
        return b.append(quote).toString();
    }

    /**
     * The text with line breaks and other control characters escaped as in {@link #quoted}, tabs
     * kept, nothing quoted or shortened: for a whole log line whose parts (a table name) may hold
     * a line break. Returns the same string when there is nothing to escape (the usual case).
     */
    public static String escaped(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            appendEscaped(b, cp, false);
        }
        return b.toString();
    }

    private static boolean needsEscape(char c) {
        return c != '\t' && Character.isISOControl(c);
    }

    private static void appendEscaped(StringBuilder b, int cp, boolean escapeTab) {
        if (cp == '\n') {
            b.append("\\n");
        } else if (cp == '\r') {
            b.append("\\r");
        } else if (cp == '\t') {
            b.append(escapeTab ? "\\t" : "\t");
        } else if (Character.isISOControl(cp)) {
            b.append(String.format("\\u%04x", cp));
        } else {
            b.appendCodePoint(cp);
        }
    }
}
