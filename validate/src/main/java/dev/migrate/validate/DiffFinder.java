package dev.migrate.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.migrate.core.MigrateException;
import dev.migrate.core.staging.StagingJson;
import dev.migrate.validate.ValidationReport.MismatchedKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the first differing rows of a table whose checksums differ, without holding the table in
 * memory: both sides are spooled — key encoding, row hash, per-column hashes — into a scratch
 * SQLite file, which sorts and joins them on disk; a FULL JOIN on the key then yields rows missing
 * in the target, extra in the target, and rows whose values differ (with the differing columns
 * named by their hashes). Values themselves are never reported, only keys: the tables may hold
 * password hashes and personal data.
 *
 * <p>Why spool rather than merge two {@code ORDER BY key} streams: the two databases order keys
 * differently (collations, decimals stored as text in SQLite, timestamps with offsets), while the
 * scratch file orders both sides by the same byte encoding. It runs only after a mismatch.
 */
final class DiffFinder {

    private static final int FLUSH = 5000;
    private static final TypeReference<LinkedHashMap<String, String>> KEY_MAP = new TypeReference<>() {};

    record Result(long differingRows, List<MismatchedKey> first) {}

    private DiffFinder() {}

    static Result find(TablePlan plan, PairScanner scanner, int max) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("migrate-validate-");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("diff.db"))) {
                try (Statement s = c.createStatement()) {
                    s.execute("pragma journal_mode = off");
                    s.execute("pragma synchronous = off");
                    for (String t : List.of("s", "t")) {
                        s.execute("create table " + t + " (k blob not null, h blob not null, ch blob not null,"
                                + " kt text not null)");
                    }
                }
                c.setAutoCommit(false);
                try (Spool s = new Spool(c, "s", plan);
                        Spool t = new Spool(c, "t", plan)) {
                    // The consumers run on two threads: each spool serialises on the connection.
                    scanner.scan(plan, s, t);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("create index s_k on s (k)");
                    s.execute("create index t_k on t (k)");
                }
                c.commit();
                return plan.hasKey() ? keyed(c, plan, max) : multiset(c, max);
            }
        } catch (SQLException | IOException e) {
            throw MigrateException.runtime(
                    "cannot locate the differing rows of table \"" + plan.table() + "\" in a scratch file: "
                            + e.getMessage(),
                    e);
        } finally {
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
    }

    private static Result keyed(Connection c, TablePlan plan, int max) throws SQLException {
        String diff = " from s full join t on s.k = t.k where s.k is null or t.k is null or s.h <> t.h";
        long total;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*)" + diff)) {
            rs.next();
            total = rs.getLong(1);
        }
        List<MismatchedKey> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select coalesce(s.k, t.k) as k, coalesce(s.kt, t.kt), s.k is null, t.k is null, s.ch, t.ch" + diff
                        + " order by k limit ?")) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> key = parse(rs.getString(2));
                    if (rs.getBoolean(3)) {
                        out.add(new MismatchedKey(key, MismatchedKey.EXTRA, List.of()));
                    } else if (rs.getBoolean(4)) {
                        out.add(new MismatchedKey(key, MismatchedKey.MISSING, List.of()));
                    } else {
                        out.add(new MismatchedKey(
                                key, MismatchedKey.DIFFER, differing(plan, rs.getBytes(5), rs.getBytes(6))));
                    }
                }
            }
        }
        return new Result(total, out);
    }

    /** Without a key: rows as a multiset, compared by row hash and number of occurrences. */
    private static Result multiset(Connection c, int max) throws SQLException {
        String diff = " from (select k, count(*) n, min(kt) kt from s group by k) a"
                + " full join (select k, count(*) n, min(kt) kt from t group by k) b on a.k = b.k"
                + " where coalesce(a.n, 0) <> coalesce(b.n, 0)";
        long total;
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select coalesce(sum(abs(coalesce(a.n, 0) - coalesce(b.n, 0))), 0)" + diff)) {
            rs.next();
            total = rs.getLong(1);
        }
        List<MismatchedKey> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("select coalesce(a.kt, b.kt), coalesce(a.n, 0) - coalesce(b.n, 0)" + diff
                        + " order by coalesce(a.k, b.k) limit ?")) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MismatchedKey(
                            parse(rs.getString(1)),
                            rs.getLong(2) > 0 ? MismatchedKey.MISSING : MismatchedKey.EXTRA,
                            List.of()));
                }
            }
        }
        return new Result(total, out);
    }

    private static List<String> differing(TablePlan plan, byte[] a, byte[] b) {
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < plan.stagingNames().size(); i++) {
            for (int j = 0; j < 8; j++) {
                if (a[i * 8 + j] != b[i * 8 + j]) {
                    cols.add(plan.stagingNames().get(i));
                    break;
                }
            }
        }
        return cols;
    }

    private static Map<String, String> parse(String json) {
        try {
            return StagingJson.MAPPER.readValue(json, KEY_MAP);
        } catch (JsonProcessingException e) {
            return Map.of("row", json);
        }
    }

    /** The key columns and their values as text, for the report. */
    static Map<String, String> describeKey(TablePlan plan, Object[] row) {
        Map<String, String> key = new LinkedHashMap<>();
        if (plan.hasKey()) {
            for (int k : plan.key()) {
                key.put(plan.stagingNames().get(k), show(row[k]));
            }
        } else {
            // No key: a few leading columns, shortened, so the row can be found by eye.
            for (int i = 0; i < Math.min(3, row.length); i++) {
                String v = show(row[i]);
                key.put(plan.stagingNames().get(i), v != null && v.length() > 40 ? v.substring(0, 37) + "..." : v);
            }
        }
        return key;
    }

    static String show(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return "base64:" + Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof Unreadable) {
            return "<unreadable>";
        }
        return v.toString();
    }

    /** Writes one side's rows into its scratch table. */
    private static final class Spool implements Consumer<Object[]>, AutoCloseable {
        private final Connection c;
        private final PreparedStatement insert;
        private final TablePlan plan;
        private final RowHasher hasher;
        private int pending;

        Spool(Connection c, String table, TablePlan plan) throws SQLException {
            this.c = c;
            this.insert = c.prepareStatement("insert into " + table + " values (?, ?, ?, ?)");
            this.plan = plan;
            this.hasher = new RowHasher(plan.types());
        }

        @Override
        public void accept(Object[] row) {
            long[] h = hasher.hash(row);
            byte[] hash = new byte[16];
            put(hash, 0, h[0]);
            put(hash, 8, h[1]);
            long[] cols = hasher.columnHashes(row);
            byte[] ch = new byte[cols.length * 8];
            for (int i = 0; i < cols.length; i++) {
                put(ch, i * 8, cols[i]);
            }
            byte[] k = plan.hasKey() ? hasher.encode(row, plan.key()) : hash;
            String kt;
            try {
                kt = StagingJson.MAPPER.writeValueAsString(describeKey(plan, row));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            synchronized (c) {
                try {
                    insert.setBytes(1, k);
                    insert.setBytes(2, hash);
                    insert.setBytes(3, ch);
                    insert.setString(4, kt);
                    insert.addBatch();
                    if (++pending == FLUSH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                } catch (SQLException e) {
                    throw MigrateException.runtime("cannot write the scratch file: " + e.getMessage(), e);
                }
            }
        }

        private static void put(byte[] b, int at, long v) {
            for (int i = 0; i < 8; i++) {
                b[at + i] = (byte) (v >>> (56 - 8 * i));
            }
        }

        @Override
        public void close() throws SQLException {
            synchronized (c) {
                if (pending > 0) {
                    insert.executeBatch();
                }
                insert.close();
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a scratch file in the temp directory; nothing of the user's
        }
    }
}
