package dev.migrate.exportpg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.staging.StagingReader;
import dev.migrate.testing.PostgresDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenant isolation over random ownership graphs: several seeds of random data (cross-user
 * references, NULL owners, self-references, link rows between two users' tasks) on a schema with
 * non-default names (accounts.account_no, mail, owner_id). For every user the exported rows are
 * compared with an independent model of the documented rules, and every exported row is checked
 * to be owned by no other user through any owning foreign-key chain.
 */
class RandomTenantIsolationTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path tmp;

    static final int USERS = 4;

    static final String SCHEMA = """
            create table accounts (account_no bigint primary key, mail text not null unique, secret text);
            create table projects (id bigint primary key,
                owner_id bigint references accounts on delete cascade, name text);
            create table tasks (id bigint primary key,
                project_id bigint not null references projects on delete cascade,
                assignee bigint references accounts, title text);
            create table subtasks (id bigint primary key,
                task_id bigint not null references tasks on delete cascade,
                parent_id bigint references subtasks, body text);
            create table task_links (a bigint not null references tasks on delete cascade,
                b bigint not null references tasks on delete cascade, primary key (a, b));
            create table comments (id bigint primary key,
                task_id bigint references tasks, project_id bigint references projects, body text);
            create table tags (id bigint primary key, name text);
            create table task_tags (task_id bigint not null references tasks on delete cascade,
                tag_id bigint not null references tags, primary key (task_id, tag_id));
            """;

    /** Generated data; null means SQL NULL. */
    static final class Data {
        final Map<Long, Long> projectOwner = new HashMap<>();
        final Map<Long, Long> taskProject = new HashMap<>();
        final Map<Long, Long> taskAssignee = new HashMap<>();
        final Map<Long, Long> subTask = new HashMap<>();
        final Map<Long, Long> subParent = new HashMap<>();
        final List<long[]> links = new ArrayList<>();
        final Map<Long, Long> commentTask = new HashMap<>();
        final Map<Long, Long> commentProject = new HashMap<>();
        final List<long[]> taskTags = new ArrayList<>();
    }

    static Data generate(long seed) {
        Random r = new Random(seed);
        Data d = new Data();
        for (long p = 1; p <= 25; p++) {
            d.projectOwner.put(p, r.nextInt(5) == 0 ? null : (long) (1 + r.nextInt(USERS)));
        }
        for (long t = 1; t <= 80; t++) {
            d.taskProject.put(t, (long) (1 + r.nextInt(25)));
            d.taskAssignee.put(t, r.nextInt(3) == 0 ? (long) (1 + r.nextInt(USERS)) : null);
        }
        for (long s = 1; s <= 120; s++) {
            d.subTask.put(s, (long) (1 + r.nextInt(80)));
            d.subParent.put(s, s > 1 && r.nextInt(3) == 0 ? (long) (1 + r.nextInt((int) s - 1)) : null);
        }
        Set<String> seen = new HashSet<>();
        while (d.links.size() < 60) {
            long a = 1 + r.nextInt(80);
            long b = 1 + r.nextInt(80);
            if (seen.add(a + ":" + b)) {
                d.links.add(new long[] {a, b});
            }
        }
        for (long c = 1; c <= 90; c++) {
            d.commentTask.put(c, r.nextInt(3) == 0 ? null : (long) (1 + r.nextInt(80)));
            d.commentProject.put(c, r.nextInt(2) == 0 ? null : (long) (1 + r.nextInt(25)));
        }
        seen.clear();
        while (d.taskTags.size() < 70) {
            long t = 1 + r.nextInt(80);
            long g = 1 + r.nextInt(8);
            if (seen.add(t + ":" + g)) {
                d.taskTags.add(new long[] {t, g});
            }
        }
        return d;
    }

    static void load(Connection c, Data d) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(
                    "drop table if exists task_tags, tags, comments, task_links, subtasks, tasks, projects, accounts");
            s.execute(SCHEMA);
        }
        try (PreparedStatement p = c.prepareStatement("insert into accounts values (?, ?, ?)")) {
            for (long u = 1; u <= USERS; u++) {
                p.setLong(1, u);
                p.setString(2, "user" + u + "@example.com");
                p.setString(3, "secret-of-user-" + u);
                p.addBatch();
            }
            p.executeBatch();
        }
        insert(c, "insert into projects values (?, ?, 'p')", d.projectOwner);
        try (PreparedStatement p = c.prepareStatement("insert into tasks values (?, ?, ?, 't')")) {
            for (long t : d.taskProject.keySet()) {
                p.setLong(1, t);
                p.setLong(2, d.taskProject.get(t));
                p.setObject(3, d.taskAssignee.get(t));
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("insert into subtasks values (?, ?, ?, 's')")) {
            for (long s : new TreeSet<>(d.subTask.keySet())) {
                p.setLong(1, s);
                p.setLong(2, d.subTask.get(s));
                p.setObject(3, d.subParent.get(s));
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("insert into task_links values (?, ?)")) {
            for (long[] l : d.links) {
                p.setLong(1, l[0]);
                p.setLong(2, l[1]);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("insert into comments values (?, ?, ?, 'c')")) {
            for (long id : d.commentTask.keySet()) {
                p.setLong(1, id);
                p.setObject(2, d.commentTask.get(id));
                p.setObject(3, d.commentProject.get(id));
                p.addBatch();
            }
            p.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("insert into tags select g, 'tag' || g from generate_series(1, 8) g");
        }
        try (PreparedStatement p = c.prepareStatement("insert into task_tags values (?, ?)")) {
            for (long[] l : d.taskTags) {
                p.setLong(1, l[0]);
                p.setLong(2, l[1]);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static void insert(Connection c, String sql, Map<Long, Long> rows) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (Map.Entry<Long, Long> e : rows.entrySet()) {
                p.setLong(1, e.getKey());
                p.setObject(2, e.getValue());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    // ------------------------------------------------------------ the model of the documented rules

    /** Owners of a row over its owning foreign-key chains (empty: nobody's). */
    static Set<Long> projectOwners(Data d, Long p) {
        Long o = d.projectOwner.get(p);
        return o == null ? Set.of() : Set.of(o);
    }

    static Set<Long> taskOwners(Data d, long t) {
        return projectOwners(d, d.taskProject.get(t)); // owning key: project_id (CASCADE)
    }

    /**
     * Shared for user u: the owning key (project) is shared and the plain reference (assignee)
     * is NULL or a row u's export holds (u's own account).
     */
    static boolean taskShared(Data d, long t, long u) {
        Long assignee = d.taskAssignee.get(t);
        return d.projectOwner.get(d.taskProject.get(t)) == null && (assignee == null || assignee == u);
    }

    static boolean taskVisible(Data d, long t, long u) {
        return taskOwners(d, t).contains(u) || taskShared(d, t, u);
    }

    /** A subtask's parent checked once (the cycle is unrolled once), its own parent only when NULL. */
    static boolean subVisibleInner(Data d, long s, long u) {
        long t = d.subTask.get(s);
        return taskOwners(d, t).contains(u) || (taskShared(d, t, u) && d.subParent.get(s) == null);
    }

    static Map<String, Set<String>> expected(Data d, long u) {
        Map<String, Set<String>> out = new HashMap<>();
        out.put("accounts", Set.of(String.valueOf(u)));
        Set<String> projects = new TreeSet<>();
        d.projectOwner.forEach((p, o) -> {
            if (o == null || o == u) {
                projects.add(String.valueOf(p));
            }
        });
        out.put("projects", projects);
        Set<String> tasks = new TreeSet<>();
        d.taskProject.keySet().forEach(t -> {
            if (taskVisible(d, t, u)) {
                tasks.add(String.valueOf(t));
            }
        });
        out.put("tasks", tasks);
        Set<String> subs = new TreeSet<>();
        d.subTask.forEach((s, t) -> {
            boolean mine = taskOwners(d, t).contains(u);
            Long parent = d.subParent.get(s);
            boolean shared = taskShared(d, t, u) && (parent == null || subVisibleInner(d, parent, u));
            if (mine || shared) {
                subs.add(String.valueOf(s));
            }
        });
        out.put("subtasks", subs);
        Set<String> links = new TreeSet<>();
        for (long[] l : d.links) {
            boolean anyMine =
                    taskOwners(d, l[0]).contains(u) || taskOwners(d, l[1]).contains(u);
            boolean noOther = taskVisible(d, l[0], u) && taskVisible(d, l[1], u);
            boolean shared = taskShared(d, l[0], u) && taskShared(d, l[1], u);
            if ((anyMine && noOther) || shared) {
                links.add(l[0] + "," + l[1]);
            }
        }
        out.put("task_links", links);
        Set<String> comments = new TreeSet<>();
        d.commentTask.keySet().forEach(c -> {
            // no CASCADE and no NOT NULL key: both keys own
            Long t = d.commentTask.get(c);
            Long p = d.commentProject.get(c);
            boolean anyMine = (t != null && taskOwners(d, t).contains(u))
                    || (p != null && projectOwners(d, p).contains(u));
            boolean noOther = (t == null || taskVisible(d, t, u))
                    && (p == null
                            || projectOwners(d, p).isEmpty()
                            || projectOwners(d, p).contains(u));
            boolean shared = (t == null || taskShared(d, t, u))
                    && (p == null || projectOwners(d, p).isEmpty());
            if ((anyMine && noOther) || shared) {
                comments.add(String.valueOf(c));
            }
        });
        out.put("comments", comments);
        Set<String> taskTags = new TreeSet<>();
        for (long[] l : d.taskTags) {
            if (taskVisible(d, l[0], u)) {
                taskTags.add(l[0] + "," + l[1]);
            }
        }
        out.put("task_tags", taskTags);
        Set<String> tags = new TreeSet<>();
        for (long g = 1; g <= 8; g++) {
            tags.add(String.valueOf(g));
        }
        out.put("tags", tags);
        return out;
    }

    /** Owners of an exported row through all owning chains: must be empty or just {u}. */
    static Set<Long> owners(Data d, String table, Map<String, Object> row) {
        Set<Long> out = new HashSet<>();
        switch (table) {
            case "accounts" -> out.add((Long) row.get("account_no"));
            case "projects" -> out.addAll(projectOwners(d, (Long) row.get("id")));
            case "tasks", "subtasks", "task_tags" -> {
                long t = (Long) row.get(table.equals("tasks") ? "id" : "task_id");
                out.addAll(taskOwners(d, t));
            }
            case "task_links" -> {
                out.addAll(taskOwners(d, (Long) row.get("a")));
                out.addAll(taskOwners(d, (Long) row.get("b")));
            }
            case "comments" -> {
                if (row.get("task_id") != null) {
                    out.addAll(taskOwners(d, (Long) row.get("task_id")));
                }
                if (row.get("project_id") != null) {
                    out.addAll(projectOwners(d, (Long) row.get("project_id")));
                }
            }
            default -> {}
        }
        return out;
    }

    static String key(String table, Map<String, Object> row) {
        return switch (table) {
            case "accounts" -> String.valueOf(row.get("account_no"));
            case "task_links" -> row.get("a") + "," + row.get("b");
            case "task_tags" -> row.get("task_id") + "," + row.get("tag_id");
            default -> String.valueOf(row.get("id"));
        };
    }

    @Test
    void noUserEverReceivesAnotherUsersRow() throws Exception {
        int exports = 0;
        long crossReferences = 0;
        long ambiguous = 0;
        for (long seed = 1; seed <= 5; seed++) {
            Data d = generate(seed);
            try (Connection c = db.connect()) {
                load(c, d);
            }
            for (long u = 1; u <= USERS; u++) {
                Path dir = tmp.resolve("seed" + seed + "-user" + u);
                ExportResult r = new PostgresExporter(Staged.options(db, dir)
                                .tenant(new TenantOptions(
                                        "user" + u + "@example.com", "accounts", "account_no", "mail", "owner_id"))
                                .build())
                        .run();
                exports++;
                Map<String, Set<String>> expected = expected(d, u);
                for (String table : expected.keySet()) {
                    Set<String> actual = new TreeSet<>();
                    for (Map<String, Object> row : Staged.rows(dir, table)) {
                        actual.add(key(table, row));
                        assertThat(owners(d, table, row))
                                .as("seed %d user %d %s row %s", seed, u, table, key(table, row))
                                .isSubsetOf(Set.of(u));
                    }
                    assertThat(actual)
                            .as("seed %d user %d table %s", seed, u, table)
                            .isEqualTo(expected.get(table));
                }
                // No other user's mail or secret anywhere in the directory.
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        String text = Files.readString(f, StandardCharsets.UTF_8);
                        for (long other = 1; other <= USERS; other++) {
                            if (other != u) {
                                assertThat(text).doesNotContain("user" + other + "@example.com");
                                assertThat(text).doesNotContain("secret-of-user-" + other);
                            }
                        }
                    }
                }
                var tenant = StagingReader.open(dir).manifest().tenant();
                crossReferences += tenant.danglingReferences() == null
                        ? 0
                        : tenant.danglingReferences().size();
                ambiguous += r.warnings().stream()
                        .filter(w -> w.startsWith("owned by two users"))
                        .count();
            }
        }
        assertThat(exports).isEqualTo(20);
        // The random data does exercise the interesting cases.
        assertThat(crossReferences).isPositive();
        assertThat(ambiguous).isPositive();
    }
}
