package dev.migrate.validate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A jsonb value as the UTF-8 bytes a database handed over, which {@link ComparableEncoder} reads
 * without decoding them into a String first ({@link JsonbCanonicalText#write(byte[], int, int)}).
 * Everywhere else it stands for its text: {@link #toString} decodes it (reports, key lookups,
 * domain rules).
 *
 * <p>Holds only well-formed UTF-8 ({@link #ifValid}), so its text is exactly its bytes: a reader
 * that meets other bytes reads them as before, where they get the same error or replacement
 * they always did.
 *
 * <p>Why: on the tenant workload (~2 KB non-ASCII documents) decoding each document into a
 * String, and the canonical text's pass over its UTF-16 chars back into UTF-8, were about a fifth
 * of both reading threads' CPU in validate.
 */
final class Utf8Json {

    /** Eight bytes of an array at any offset as one long. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] utf8;

    private Utf8Json(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** The bytes as a value, or null when they are not well-formed UTF-8. Keeps (does not copy) the array. */
    static Utf8Json ifValid(byte[] utf8) {
        return isValid(utf8, 0, utf8.length) ? new Utf8Json(utf8) : null;
    }

    /** The UTF-8 bytes; not to be changed. */
    byte[] bytes() {
        return utf8;
    }

    /**
     * The canonical text ({@link JsonbCanonicalText}) when the reader already wrote it (see
     * {@link SqliteCellReads}), else null; not part of the value ({@link #equals}).
     */
    byte[] canonical() {
        return canonical;
    }

    /** Keeps the canonical text the reader wrote for these bytes, so the encoder need not write it again. */
    void canonical(byte[] text) {
        canonical = text;
    }

    private byte[] canonical;

    /** The text, as {@code getString} would have returned it. */
    @Override
    public String toString() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Utf8Json j && Arrays.equals(utf8, j.utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }

    /**
     * Whether {@code b[off, end)} is well-formed UTF-8 (Unicode's definition, which is what {@code
     * new String(b, UTF_8)} decodes without a replacement): no overlong forms, no encoded
     * surrogates, nothing above U+10FFFF, no stray or missing continuation bytes.
     */
    static boolean isValid(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            // Eight ASCII bytes at a time: checking byte by byte cost ~1.5 us of a ~1.4 KB document,
            // most of what not decoding it saves; this ~0.2 us.
            while (i + 8 <= end && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
                i += 8;
            }
            if (i == end) {
                break;
            }
            if (b[i] >= 0) {
                i++;
            } else {
                i = sequenceEnd(b, i, end);
                if (i < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The index after the well-formed multi-byte sequence starting at {@code b[i]} (a byte of
     * 0x80 or more) and ending before {@code end}; -1 when it is not one.
     */
    static int sequenceEnd(byte[] b, int i, int end) {
        int lead = b[i] & 0xff;
        if (lead < 0xc2) {
            return -1; // a continuation byte, or an overlong two-byte form (C0, C1)
        }
        if (lead < 0xe0) {
            return i + 1 < end && continuation(b[i + 1]) ? i + 2 : -1;
        }
        if (lead < 0xf0) {
            if (i + 2 >= end) {
                return -1;
            }
            int second = b[i + 1] & 0xff;
            // E0 needs A0..BF (no overlong form), ED needs 80..9F (no surrogate).
            int low = lead == 0xe0 ? 0xa0 : 0x80;
            int high = lead == 0xed ? 0x9f : 0xbf;
            return second >= low && second <= high && continuation(b[i + 2]) ? i + 3 : -1;
        }
        if (lead < 0xf5) {
            if (i + 3 >= end) {
                return -1;
            }
            int second = b[i + 1] & 0xff;
            // F0 needs 90..BF (no overlong form), F4 needs 80..8F (nothing above U+10FFFF).
            int low = lead == 0xf0 ? 0x90 : 0x80;
            int high = lead == 0xf4 ? 0x8f : 0xbf;
            return second >= low && second <= high && continuation(b[i + 2]) && continuation(b[i + 3]) ? i + 4 : -1;
        }
        return -1;
    }

    private static boolean continuation(byte x) {
        return (x & 0xc0) == 0x80;
    }
}
