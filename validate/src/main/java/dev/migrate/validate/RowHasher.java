package dev.migrate.validate;

import dev.migrate.core.types.StagingType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Hashes rows: SHA-256 of the {@link ComparableEncoder} encoding of the compared columns, of
 * which the first 128 bits count. A table's checksum is the sum of its row hashes modulo 2^128
 * with the row count beside it (like pgcopydb's sum of row hashes): independent of row order,
 * computed in one streaming pass.
 */
final class RowHasher {

    private final ComparableEncoder.Encoding[] encodings;
    private final ComparableEncoder encoder = new ComparableEncoder();
    private final MessageDigest sha;

    RowHasher(List<StagingType> types) {
        this.encodings = types.stream().map(ComparableEncoder::encoding).toArray(ComparableEncoder.Encoding[]::new);
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The row's 128-bit hash as {high, low}. */
    long[] hash(Object[] row) {
        encoder.reset();
        for (int i = 0; i < encodings.length; i++) {
            encoder.value(encodings[i], row[i]);
        }
        return digest(encoder.buffer(), encoder.length());
    }

    /** A 64-bit hash of each column alone, to name the columns that differ. */
    long[] columnHashes(Object[] row) {
        long[] out = new long[encodings.length];
        for (int i = 0; i < encodings.length; i++) {
            encoder.reset();
            encoder.value(encodings[i], row[i]);
            out[i] = digest(encoder.buffer(), encoder.length())[0];
        }
        return out;
    }

    /** The encoding of some of the row's columns (a key), for ordering and lookups. */
    byte[] encode(Object[] row, int[] columns) {
        encoder.reset();
        for (int c : columns) {
            encoder.value(encodings[c], row[c]);
        }
        return encoder.toBytes();
    }

    private long[] digest(byte[] b, int n) {
        sha.update(b, 0, n);
        byte[] d = sha.digest();
        return new long[] {toLong(d, 0), toLong(d, 8)};
    }

    private static long toLong(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }

    /** Sum of row hashes mod 2^128, plus the count. */
    static final class Checksum {
        private long high;
        private long low;
        private long count;

        void add(long[] h) {
            long sum = low + h[1];
            // Unsigned carry out of the low 64 bits.
            long carry = Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
            low = sum;
            high += h[0] + carry;
            count++;
        }

        long count() {
            return count;
        }

        String hex() {
            return String.format("%016x%016x", high, low);
        }

        boolean sameAs(Checksum o) {
            return high == o.high && low == o.low && count == o.count;
        }
    }
}
