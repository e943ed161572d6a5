package dev.migrate.validate;

/**
 * Whether a text's UTF-8 bytes are one JSON value in RFC 8259's strict grammar, exactly as
 * SQLite's {@code json_valid(X)} decides it, which reads the same bytes (no JSON5: no comments, no single quotes, no unquoted keys, no
 * trailing commas, no control characters inside strings, whitespace only space, tab, LF and CR;
 * nesting at most {@value #MAX_DEPTH} deep, SQLite's {@code JSON_MAX_DEPTH}).
 *
 * <p>Hand-written rather than Jackson because it runs on every JSON value of a SQLite side while
 * the tables are compared ({@link StoredForm}): walking the bytes without building tokens costs a
 * fraction of Jackson's tokenizing, which itself costs more than SQLite's own {@code json_valid}
 * scan that this replaces. Bytes of 0x80 and above (any UTF-8, or not) are plain string content to
 * both, and not JSON anywhere else. {@code StoredFormTest} holds both to the same answers.
 */
final class JsonSyntax {

    /** SQLite's {@code JSON_MAX_DEPTH}: deeper nesting is not valid JSON to it. */
    static final int MAX_DEPTH = 1000;

    private static final int FAIL = -1;

    /** The bytes being read, from {@link #start} to {@link #n} (exclusive). */
    private byte[] in;

    private int start;

    private int n;

    /**
     * Whether {@code b[off..off+len)} is exactly one JSON value, with optional whitespace around
     * it. SQLite reads the text only up to a NUL byte, so anything after one does not count.
     */
    boolean isJson(byte[] b, int off, int len) {
        in = b;
        start = off;
        n = off + len;
        int end = value(whitespace(off), 0);
        if (end == FAIL) {
            return false;
        }
        end = whitespace(end);
        return end == n || in[end] == 0;
    }

    /** Whether the bytes are one JSON array ({@code json_valid} and {@code json_type = 'array'}). */
    boolean isJsonArray(byte[] b, int off, int len) {
        return isJson(b, off, len) && in[whitespace(start)] == '[';
    }

    private int whitespace(int i) {
        byte[] in = this.in;
        int n = this.n;
        while (i < n) {
            byte c = in[i];
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
        byte c = in[i];
        return switch (c) {
            case '{' -> container(i + 1, depth + 1, (byte) '}');
            case '[' -> container(i + 1, depth + 1, (byte) ']');
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
    private int container(int i, int depth, byte close) {
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
        byte[] in = this.in;
        int n = this.n;
        while (i < n) {
            byte c = in[i++];
            if (c == '"') {
                return i;
            }
            if (c >= 0 && c < 0x20) {
                return FAIL;
            }
            if (c == '\\') {
                if (i >= n) {
                    return FAIL;
                }
                byte e = in[i++];
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

    /** ASCII hex digits. */
    private static boolean isHex(byte c) {
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
        byte[] in = this.in;
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
        byte[] in = this.in;
        int n = this.n;
        while (i < n && in[i] >= '0' && in[i] <= '9') {
            i++;
        }
        return i;
    }
}
