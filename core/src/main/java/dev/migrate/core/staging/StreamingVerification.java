package dev.migrate.core.staging;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Verifies one table file against its manifest entry while a {@link TableReader} of a directory
 * opened with {@link StagingReader#openForStreaming} reads it: the SHA-256 of exactly the bytes
 * the reader takes from the file (all of them, to the end of the file) and, at the end, the row
 * count. The file is read once instead of twice (a full verification pass, then the load).
 *
 * <p>It also keeps today's error precedence. {@link StagingReader#open} checks every file before
 * a row is read, so a tampered file is always reported as a SHA-256 mismatch, and a file whose
 * bytes are the exported ones but whose JSON structure or row count is wrong (a hand-edited
 * manifest) as such, before any value problem. Here a problem found while reading ({@link
 * #precedence}) is first weighed against the whole file: the rest is hashed, and only a file
 * that is the exported one (and whose structure and row count are fine) lets the original
 * problem through. That costs a second read, but only on the way to an error. (A problem the
 * importer meets is weighed against every file not yet verified by {@link
 * StagingReader#verifyRemainingAfterFailure}.)
 */
final class StreamingVerification {

    static final String SHA_MISMATCH = "SHA-256 mismatch: the file was modified or corrupted after export";

    private final Path file;
    private final TableEntry entry;
    private final Location where;
    /** Told when the file was read to its end and matched its entry. */
    private final Runnable onVerified;

    private final MessageDigest digest = DigestUtils.getSha256Digest();
    private HashingStream stream;

    /** Null until known: whether the bytes read (to the end of the file) are the exported ones. */
    private volatile Boolean intact;

    StreamingVerification(Path file, TableEntry entry, Location where, Runnable onVerified) {
        this.file = file;
        this.entry = entry;
        this.where = where;
        this.onVerified = onVerified;
    }

    /** The file's stream, hashed as it is read; every byte a reader takes passes through it. */
    InputStream wrap(InputStream raw) {
        stream = new HashingStream(raw, digest);
        return stream;
    }

    /**
     * The reader reached the end of the JSON and of the file: the SHA-256 of every byte read must
     * be the manifest's. Throws the mismatch; the row count is checked by the caller after this.
     */
    void checkHashAtEnd() {
        if (!hashMatches()) {
            throw mismatch();
        }
    }

    /** The reader reached the end and its row count matched: the file is verified. */
    void verifiedAtEnd() {
        onVerified.run();
    }

    /**
     * The problem to report instead of {@code problem}, which the reader met in this file: the
     * SHA-256 mismatch when the file is not the exported one, else a structure or row-count
     * problem of the file (what {@link StagingReader#open} would have reported first), else
     * {@code problem} itself. An I/O failure is reported as it is.
     */
    RuntimeException precedence(RuntimeException problem) {
        if (stream == null || problem instanceof MigrateException m && m.kind() != MigrateException.Kind.INPUT) {
            return problem;
        }
        Boolean matches;
        try {
            matches = hashMatches();
        } catch (UncheckedIOException e) {
            return problem; // cannot read the rest: the original problem is all we know
        }
        if (!matches) {
            return mismatch();
        }
        try {
            StagingReader.checkContent(file, entry, where);
        } catch (MigrateException m) {
            return m.kind() == MigrateException.Kind.INPUT ? m : problem;
        }
        // The whole file is the exported one, its structure and row count fine: verified, so
        // StagingReader#verifyRemaining need not read it again; the problem is a value's.
        onVerified.run();
        return problem;
    }

    /** Hashes what the reader has not read yet, to the end of the file, and compares. */
    private boolean hashMatches() {
        if (intact == null) {
            try {
                stream.drain();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            intact = Hex.encodeHexString(digest.digest()).equalsIgnoreCase(entry.sha256());
        }
        return intact;
    }

    private MigrateException mismatch() {
        return MigrateException.input(where, SHA_MISMATCH);
    }

    /** Internal: the rest of the file could not be read. */
    private static final class UncheckedIOException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedIOException(IOException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * Hashes every byte read through it, and can read on to the end of the file. It sits under
     * the reader's buffer, so what is hashed is what was taken from the file, buffered or parsed.
     */
    private static final class HashingStream extends FilterInputStream {

        private final MessageDigest digest;
        private boolean atEnd;

        HashingStream(InputStream in, MessageDigest digest) {
            super(in);
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (atEnd) {
                return -1;
            }
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
            } else if (n < 0) {
                atEnd = true;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must be hashed too: read them.
            byte[] buffer = new byte[(int) Math.min(n, 1 << 16)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public synchronized void mark(int readlimit) {
            // Not supported: a reset would hash bytes twice.
        }

        @Override
        public synchronized void reset() throws IOException {
            throw new IOException("mark/reset not supported");
        }

        /** Reads (and hashes) the rest of the file. */
        void drain() throws IOException {
            byte[] buffer = new byte[1 << 16];
            while (read(buffer, 0, buffer.length) >= 0) {
                // hashed by read
            }
        }
    }
}
