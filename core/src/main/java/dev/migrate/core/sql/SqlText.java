package dev.migrate.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Small, dialect-neutral readings of SQL text that the translators of defaults and index
 * definitions share: parentheses that enclose a whole expression, the matching parenthesis,
 * top-level arguments, quoted literals. String literals ({@code '...'}) and quoted names ({@code
 * "..."}), with their doubled quotes, are skipped, so a parenthesis or comma inside them never
 * counts.
 */
public final class SqlText {

    private SqlText() {}

    /** Removes parentheses that enclose the whole expression: {@code ((-1))} → {@code -1}; the result is stripped. */
    public static String stripEnclosingParentheses(String expression) {
        String s = expression.strip();
        while (s.startsWith("(") && s.endsWith(")") && closingParenthesis(s, 0) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** The index of the parenthesis that closes the one at {@code open}, or -1 when none does. */
    public static int closingParenthesis(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                        i++;
                    } else {
                        quote = 0;
                    }
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The comma-separated arguments of a call's argument text, split at the top level only. */
    public static List<String> splitArguments(String args) {
        List<String> out = new ArrayList<>();
        if (args.isBlank()) {
            return out;
        }
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(args.substring(start, i));
                start = i + 1;
            }
        }
        out.add(args.substring(start));
        return out;
    }

    /** True when {@code s} is one literal quoted with {@code q} (inner quotes doubled). */
    public static boolean isQuoted(String s, char q) {
        if (s.length() < 2 || s.charAt(0) != q || s.charAt(s.length() - 1) != q) {
            return false;
        }
        for (int i = 1; i < s.length() - 1; i++) {
            if (s.charAt(i) == q) {
                if (s.charAt(i + 1) == q && i + 1 < s.length() - 1) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    /** The content of a literal {@link #isQuoted} accepts, doubled quotes undone. */
    public static String unquote(String s) {
        char q = s.charAt(0);
        return s.substring(1, s.length() - 1).replace("" + q + q, "" + q);
    }
}
