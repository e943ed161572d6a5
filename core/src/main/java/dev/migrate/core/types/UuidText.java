package dev.migrate.core.types;

/**
 * The canonical uuid text, {@code 8-4-4-4-12} lower-case hex digits: what PostgreSQL prints, what
 * the staging files and import-sqlite store. One check, over a String or over UTF-8 bytes, for
 * every place that takes a value already in that form as it is (the export's writer, the staging
 * reader, the SQLite reader, validate's stored-form count): nearly every uuid a migration meets is
 * in this form, so answering it with one table-driven scan, before any parsing, keeps uuid-keyed
 * tables cheap; the bytes form lets a reader answer before decoding the value at all.
 */
public final class UuidText {

    private UuidText() {}

    /** The length of the canonical text. */
    public static final int LENGTH = 36;

    /** Per ASCII char: 1 when it is a lower-case hex digit; everything else 0. */
    private static final byte[] LOWER_HEX = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            LOWER_HEX[c] = 1;
        }
        for (char c = 'a'; c <= 'f'; c++) {
            LOWER_HEX[c] = 1;
        }
    }

    /** Whether {@code s} is a uuid in canonical form. */
    public static boolean isCanonical(String s) {
        if (s.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = s.charAt(i);
            if (isHyphenAt(i) ? c != '-' : c >= 128 || LOWER_HEX[c] == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the {@code length} bytes of {@code utf8} from {@code offset} are a uuid in canonical
     * form (which is ASCII, so its UTF-8 is one byte per char).
     */
    public static boolean isCanonical(byte[] utf8, int offset, int length) {
        if (length != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            byte b = utf8[offset + i];
            if (isHyphenAt(i) ? b != '-' : b < 0 || LOWER_HEX[b] == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHyphenAt(int i) {
        return i == 8 || i == 13 || i == 18 || i == 23;
    }
}
