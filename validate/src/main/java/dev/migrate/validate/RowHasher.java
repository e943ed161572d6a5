package dev.migrate.validate;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hasher128;
import com.dynatrace.hash4j.hashing.Hashing;
import dev.migrate.core.types.StagingType;
import java.util.List;

/**
 * Hashes rows: XXH3-128 of the {@link ComparableEncoder} encoding of the compared columns. A
 * table's checksum is the sum of its row hashes modulo 2^128 with the row count beside it (like
 * pgcopydb's sum of row hashes): independent of row order, computed in one streaming pass.
 *
 * <p>XXH3 rather than SHA-256: the checksum catches a migration's mistakes, not an adversary's
 * crafted rows (who could write the target could write its report too), and a 128-bit hash of
 * good distribution misses an accidental difference with odds of about 2^-128. On this machine
 * (SHA instructions) XXH3-128 took ~35 against ~130 ns per 100-byte row and ~0.3 against ~1.5
 * us per 2 KB row; validate's CPU fell ~12 % on pgbench and ~10 % on the tenant workload.
 */
final class RowHasher {

    /** Stateless: one for every thread. */
    private static final Hasher128 XXH3_128 = Hashing.xxh3_128();

    private final ComparableEncoder.Encoding[] encodings;
    private final ComparableEncoder encoder = new ComparableEncoder();

    RowHasher(List<StagingType> types) {
        this.encodings = types.stream().map(ComparableEncoder::encoding).toArray(ComparableEncoder.Encoding[]::new);
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

    /** XXH3-128 of {@code b[0, n)} as {high, low}. */
    static long[] digest(byte[] b, int n) {
        HashValue128 h = XXH3_128.hashBytesTo128Bits(b, 0, n);
        return new long[] {h.getMostSignificantBits(), h.getLeastSignificantBits()};
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
