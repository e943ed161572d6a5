package dev.migrate.importpg;

import java.util.Arrays;

/**
 * The bytes of COPY text rows on their way to the server: UTF-8 encoded directly from Java
 * strings, with COPY's escapes applied, in one reusable array (no String or byte[] per value).
 */
final class CopyBuffer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[1 << 17];
    private int length;

    int length() {
        return length;
    }

    byte[] array() {
        return bytes;
    }

    void reset() {
        length = 0;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    void tab() {
        ensure(1);
        bytes[length++] = '\t';
    }

    void endRow() {
        ensure(1);
        bytes[length++] = '\n';
    }

    /** COPY's NULL marker {@code \N}. */
    void nullValue() {
        ensure(2);
        bytes[length++] = '\\';
        bytes[length++] = 'N';
    }

    void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    /**
     * A long in decimal, written straight into the buffer: no String per value (pgbench's 3M
     * integers each made one through {@code Long.toString}).
     */
    void decimal(long v) {
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v)); // its negation does not exist
            return;
        }
        ensure(20);
        byte[] b = bytes;
        int len = length;
        if (v < 0) {
            b[len++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = len + digits;
        for (int i = end - 1; i >= len; i--) {
            b[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        length = end;
    }

    void ascii(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
    }

    /** bytea in hex form, its backslash escaped for COPY: {@code \\x0aff}. */
    void byteaHex(byte[] value) {
        ensure(3 + value.length * 2);
        bytes[length++] = '\\';
        bytes[length++] = '\\';
        bytes[length++] = 'x';
        for (byte b : value) {
            bytes[length++] = HEX[(b >> 4) & 0xf];
            bytes[length++] = HEX[b & 0xf];
        }
    }

    /**
     * Text with COPY's escapes ({@code \\}, {@code \t}, {@code \n}, {@code \r}) as UTF-8.
     *
     * @throws IllegalArgumentException for NUL, which PostgreSQL text cannot store, and for an
     *     unpaired UTF-16 surrogate, which has no UTF-8 form
     */
    void text(String s) {
        int n = s.length();
        ensure(n * 3 + 4);
        // Printable ASCII without a backslash needs no escape and is its own UTF-8: one test per
        // character, in locals (the general loop below stores the length field per byte).
        byte[] b = bytes;
        int len = length;
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '\\') {
                break;
            }
            b[len++] = (byte) c;
        }
        length = len;
        if (i < n) {
            escaped(s, i);
        }
    }

    /** The general case of {@link #text} from index {@code from} on. */
    private void escaped(String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> {
                        bytes[length++] = '\\';
                        bytes[length++] = '\\';
                    }
                    case '\t' -> {
                        bytes[length++] = '\\';
                        bytes[length++] = 't';
                    }
                    case '\n' -> {
                        bytes[length++] = '\\';
                        bytes[length++] = 'n';
                    }
                    case '\r' -> {
                        bytes[length++] = '\\';
                        bytes[length++] = 'r';
                    }
                    case '\0' ->
                        throw new IllegalArgumentException(
                                "text contains a NUL character (U+0000), which PostgreSQL text cannot store;"
                                        + " remove it in the source or stage the column as bytes");
                    default -> bytes[length++] = (byte) c;
                }
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xc0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IllegalArgumentException(
                            "text contains an unpaired UTF-16 surrogate, which has no UTF-8 form");
                }
                int cp = Character.toCodePoint(c, s.charAt(++i));
                bytes[length++] = (byte) (0xf0 | (cp >> 18));
                bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                bytes[length++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                bytes[length++] = (byte) (0xe0 | (c >> 12));
                bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                bytes[length++] = (byte) (0x80 | (c & 0x3f));
            }
        }
    }
}
