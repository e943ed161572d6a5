package dev.migrate.core.sql;

/** Small helpers shared by the dialects for checking and describing identifiers in messages. */
final class Identifiers {

    private static final int MAX_SHOWN = 80;

    private Identifiers() {}

    /** True when every surrogate is part of a pair, so the text has a UTF-8 encoding. */
    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The name in double quotes for a one-line message: control characters (newline, NUL) shown
     * as escapes so the message stays one line, very long names shortened.
     */
    static String describe(String name) {
        StringBuilder b = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (shown++ >= MAX_SHOWN) {
                b.append("...");
                break;
            }
            if (cp == '\n') {
                b.append("\\n");
            } else if (cp == '\r') {
                b.append("\\r");
            } else if (cp == '\t') {
                b.append("\\t");
            } else if (Character.isISOControl(cp)) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.append('"').toString();
    }
}
