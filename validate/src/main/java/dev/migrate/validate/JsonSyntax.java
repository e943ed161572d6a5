package dev.migrate.validate;

/**
 * Whether a text is one JSON value in RFC 8259's strict grammar, exactly as SQLite's {@code
 * json_valid(X)} decides it (no JSON5: no comments, no single quotes, no unquoted keys, no
 * trailing commas, no control characters inside strings, whitespace only space, tab, LF and CR;
 * nesting at most {@value #MAX_DEPTH} deep, SQLite's {@code JSON_MAX_DEPTH}).
 *
 * <p>Hand-written rather than Jackson because it runs on every JSON value of a SQLite side while
 * the tables are compared ({@link StoredForm}): walking the chars without building tokens costs a
 * fraction of Jackson's tokenizing, which itself costs more than SQLite's own {@code json_valid}
 * scan that this replaces. {@code StoredFormTest} holds both to the same answers.
 */
final class JsonSyntax {

    /** SQLite's {@code JSON_MAX_DEPTH}: deeper nesting is not valid JSON to it. */
    static final int MAX_DEPTH = 1000;

    private static final int FAIL = -1;

    /** The text's chars, reused: walking a char[] is ~2x faster than String.charAt on UTF-16 text. */
    private char[] in = new char[4096];

    /** The text's length. */
    private int n;

    /**
     * Whether {@code s} is exactly one JSON value, with optional whitespace around it. SQLite reads
     * the text only up to a NUL char, so anything after one does not count either.
     */
    boolean isJson(String s) {
        n = s.length();
        if (in.length < n) {
            in = new char[Math.max(n, 2 * in.length)];
        }
        s.getChars(0, n, in, 0);
        int end = value(whitespace(0), 0);
        if (end == FAIL) {
            return false;
        }
        end = whitespace(end);
        return end == n || in[end] == '\0';
    }

    /** Whether {@code s} is one JSON array ({@code json_valid} and {@code json_type = 'array'}). */
    boolean isJsonArray(String s) {
        if (!isJson(s)) {
            return false;
        }
        int start = whitespace(0);
        return start < n && in[start] == '[';
    }

    private int whitespace(int i) {
        char[] in = this.in;
        int n = this.n;
        while (i < n) {
            char c = in[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /** The position after the value starting at {@code i}, or {@link #FAIL}. */
    private int value(int i, int depth) {
        if (i >= n) {
            return FAIL;
        }
        char c = in[i];
        return switch (c) {
            case '{' -> container(i + 1, depth + 1, '}');
            case '[' -> container(i + 1, depth + 1, ']');
            case '"' -> string(i + 1);
            case 't' -> literal(i, "true");
            case 'f' -> literal(i, "false");
            case 'n' -> literal(i, "null");
            default -> c == '-' || (c >= '0' && c <= '9') ? number(i) : FAIL;
        };
    }

    /**
     * An object's ({@code close} is <code>'}'</code>) or an array's members after the opening
     * bracket: the position after the closing one, or {@link #FAIL}.
     */
    private int container(int i, int depth, char close) {
        if (depth > MAX_DEPTH) {
            return FAIL;
        }
        i = whitespace(i);
        if (i < n && in[i] == close) {
            return i + 1;
        }
        while (true) {
            if (close == '}') {
                if (i >= n || in[i] != '"') {
                    return FAIL;
                }
                i = string(i + 1);
                if (i == FAIL) {
                    return FAIL;
                }
                i = whitespace(i);
                if (i >= n || in[i] != ':') {
                    return FAIL;
                }
                i = whitespace(i + 1);
            }
            i = value(i, depth);
            if (i == FAIL) {
                return FAIL;
            }
            i = whitespace(i);
            if (i >= n) {
                return FAIL;
            }
            if (in[i] == close) {
                return i + 1;
            }
            if (in[i] != ',') {
                return FAIL;
            }
            i = whitespace(i + 1);
        }
    }

    /** A string's rest after its opening quote. */
    private int string(int i) {
        char[] in = this.in;
        int n = this.n;
        while (i < n) {
            char c = in[i++];
            if (c == '"') {
                return i;
            }
            if (c < 0x20) {
                return FAIL;
            }
            if (c == '\\') {
                if (i >= n) {
                    return FAIL;
                }
                char e = in[i++];
                switch (e) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                        // a short escape
                    }
                    case 'u' -> {
                        if (i + 4 > n) {
                            return FAIL;
                        }
                        for (int k = 0; k < 4; k++) {
                            if (!isHex(in[i + k])) {
                                return FAIL;
                            }
                        }
                        i += 4;
                    }
                    default -> {
                        return FAIL;
                    }
                }
            }
        }
        return FAIL;
    }

    /** ASCII hex only ({@code Character.digit} would also take other scripts' digits). */
    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private int literal(int i, String word) {
        if (i + word.length() > n) {
            return FAIL;
        }
        for (int k = 0; k < word.length(); k++) {
            if (in[i + k] != word.charAt(k)) {
                return FAIL;
            }
        }
        return i + word.length();
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} */
    private int number(int i) {
        char[] in = this.in;
        int n = this.n;
        if (in[i] == '-') {
            i++;
        }
        if (i >= n) {
            return FAIL;
        }
        if (in[i] == '0') {
            i++;
        } else {
            int start = i;
            i = digits(i);
            if (i == start) {
                return FAIL;
            }
        }
        if (i < n && in[i] == '.') {
            int start = ++i;
            i = digits(i);
            if (i == start) {
                return FAIL;
            }
        }
        if (i < n && (in[i] == 'e' || in[i] == 'E')) {
            i++;
            if (i < n && (in[i] == '+' || in[i] == '-')) {
                i++;
            }
            int start = i;
            i = digits(i);
            if (i == start) {
                return FAIL;
            }
        }
        return i;
    }

    private int digits(int i) {
        char[] in = this.in;
        int n = this.n;
        while (i < n && in[i] >= '0' && in[i] <= '9') {
            i++;
        }
        return i;
    }
}
