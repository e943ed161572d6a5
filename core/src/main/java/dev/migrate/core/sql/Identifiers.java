package dev.migrate.core.sql;

/**
 * Small helpers shared by the dialects for checking identifiers (describing them in messages is
 * {@link dev.migrate.core.OneLine#identifier}).
 */
final class Identifiers {

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
}
