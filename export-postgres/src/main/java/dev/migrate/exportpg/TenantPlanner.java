package dev.migrate.exportpg;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.core.sql.PostgresDialect;
import dev.migrate.exportpg.SourceTable.SourceForeignKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Works out, for any schema, which rows of each table belong in one user's export. The rules are
 * documented in {@link dev.migrate.exportpg} (package-info); in short, every table gets two
 * conditions over its own columns, composed recursively along foreign keys:
 *
 * <ul>
 *   <li><b>mine</b>: the row belongs to the user;
 *   <li><b>shared</b>: the row belongs to nobody;
 * </ul>
 *
 * and its rows are exported when {@code mine OR shared}. The owner column is authoritative where
 * it exists; other tables inherit ownership through their owning foreign keys (CASCADE, else NOT
 * NULL, else all), never from two users at once; plain references only ever dangle. All values are bound
 * parameters (the user's key), all identifiers are quoted, type names come from
 * {@code format_type()}, which quotes them itself.
 */
final class TenantPlanner {

    /** A composed filter longer than this means a foreign-key graph with too many paths. */
    static final int MAX_FILTER_CHARS = 1_000_000;

    private static final PostgresDialect SQL = PostgresDialect.INSTANCE;

    private final TenantOptions options;
    private final Map<TableKey, SourceTable> tables = new LinkedHashMap<>();
    private final Map<TableKey, TenantScope> scopes = new LinkedHashMap<>();
    private SourceTable users;
    private String userKeyType;

    /**
     * How often one table may appear on the chain being expanded: 2 unrolls each cycle once
     * (a self-referencing row's parent is checked, its grandparent conservatively), 1 does not
     * unroll; planning falls back to 1 when 2 makes a filter too long.
     */
    private int maxVisits = 2;

    TenantPlanner(TenantOptions options, List<SourceTable> allTables) {
        this.options = options;
        allTables.forEach(t -> tables.put(TableKey.of(t), t));
    }

    /**
     * Finds the user and plans every table.
     *
     * @throws MigrateException {@code user not found: EMAIL}, an email matching several users, or
     *     a users table / column that does not exist
     */
    TenantPlan plan(PgSession session) {
        users = findUsersTable();
        ColumnSchema key = column(users, options.userKey(), "key");
        ColumnSchema email = column(users, options.emailColumn(), "email");
        userKeyType = key.sourceType();
        String userId = findUser(session, key, email);

        assignScopes();
        try {
            return conditions(userId);
        } catch (FilterTooLong e) {
            maxVisits = 1;
            try {
                return conditions(userId);
            } catch (FilterTooLong again) {
                throw MigrateException.input(
                        Location.table(again.table),
                        "the tenant filter of this table is " + again.length
                                + " characters long: the foreign-key graph has too many paths to the users table;"
                                + " leave some tables out with --exclude-table");
            }
        }
    }

    /** A composed filter over {@link #MAX_FILTER_CHARS}. */
    private static final class FilterTooLong extends Exception {
        private static final long serialVersionUID = 1L;
        final String table;
        final int length;

        FilterTooLong(String table, int length) {
            super(null, null, false, false);
            this.table = table;
            this.length = length;
        }
    }

    private TenantPlan conditions(String userId) throws FilterTooLong {
        Map<TableKey, Cond> filters = new LinkedHashMap<>();
        Map<TableKey, Cond> ambiguous = new LinkedHashMap<>();
        Map<TableKey, String> explanations = new LinkedHashMap<>();
        for (Map.Entry<TableKey, SourceTable> e : tables.entrySet()) {
            Cond filter = visible(e.getValue(), new ArrayDeque<>());
            if (filter.sql().length() > MAX_FILTER_CHARS) {
                throw new FilterTooLong(e.getValue().name(), filter.sql().length());
            }
            filters.put(e.getKey(), filter);
            Cond split = ambiguous(e.getValue());
            if (split != null) {
                ambiguous.put(e.getKey(), split);
            }
            explanations.put(e.getKey(), explain(e.getValue()));
        }
        return new TenantPlan(options, userId, users, scopes, filters, ambiguous, explanations);
    }

    // ---------------------------------------------------------------- the user

    private SourceTable findUsersTable() {
        String wanted = options.usersTable();
        List<SourceTable> matches = tables.values().stream()
                .filter(t -> t.name().equals(wanted) || (t.schemaName() + "." + t.name()).equals(wanted))
                .toList();
        if (matches.isEmpty()) {
            throw MigrateException.input("users table \"" + wanted + "\" not found in the exported schemas "
                    + tables.keySet().stream().map(TableKey::schema).distinct().toList()
                    + " (name it with the users-table option)");
        }
        if (matches.size() > 1) {
            throw MigrateException.input("users table \"" + wanted + "\" exists in several schemas "
                    + matches.stream().map(SourceTable::schemaName).toList() + "; name it as schema.table");
        }
        return matches.get(0);
    }

    private static ColumnSchema column(SourceTable t, String name, String role) {
        return t.schema()
                .column(name)
                .orElseThrow(() -> MigrateException.input(
                        Location.column(t.name(), name),
                        "the users table has no " + role + " column \"" + name + "\""));
    }

    private String findUser(PgSession session, ColumnSchema key, ColumnSchema email) {
        String from = users.fromItem();
        String keyText = "CAST(" + SQL.quote(key.name()) + " AS pg_catalog.text)";
        String exact = "SELECT " + keyText + ", count(*) OVER () FROM " + from + " WHERE " + SQL.quote(email.name())
                + " = CAST(? AS " + email.sourceType() + ") LIMIT 1";
        String folded = "SELECT " + keyText + ", count(*) OVER () FROM " + from + " WHERE pg_catalog.lower(CAST("
                + SQL.quote(email.name()) + " AS pg_catalog.text)) = pg_catalog.lower(?) LIMIT 1";
        Connection c = session.connection();
        try {
            String[] found = lookup(c, exact);
            if (found == null) {
                found = lookup(c, folded);
            }
            if (found == null) {
                throw MigrateException.input("user not found: " + options.userEmail());
            }
            long count = Long.parseLong(found[1]);
            if (count > 1) {
                throw MigrateException.input("email " + options.userEmail() + " matches " + count + " users in table "
                        + users.name() + " (column " + email.name() + "); it must identify exactly one user");
            }
            if (found[0] == null) {
                throw MigrateException.input(
                        "user " + options.userEmail() + " has no value in " + users.name() + "." + key.name());
            }
            return found[0];
        } catch (SQLException e) {
            throw session.error(e, users.name());
        }
    }

    private String[] lookup(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, options.userEmail());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
            }
        }
    }

    // ---------------------------------------------------------------- scopes

    private void assignScopes() {
        scopes.put(TableKey.of(users), TenantScope.USER);
        for (SourceTable t : tables.values()) {
            if (t != users && t.schema().column(options.ownerColumn()).isPresent()) {
                scopes.put(TableKey.of(t), keyedByOwner(t) ? TenantScope.PER_USER : TenantScope.OWNED);
            }
        }
        // Least fixpoint: a table is reached when one of its foreign keys leads to a scoped table.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (SourceTable t : tables.values()) {
                TableKey k = TableKey.of(t);
                if (!scopes.containsKey(k) && !scopedParents(t).isEmpty()) {
                    scopes.put(k, TenantScope.VIA_FK);
                    changed = true;
                }
            }
        }
        for (TableKey k : tables.keySet()) {
            scopes.putIfAbsent(k, TenantScope.SHARED);
        }
    }

    private boolean keyedByOwner(SourceTable t) {
        List<String> owner = List.of(options.ownerColumn());
        return t.schema().primaryKey().equals(owner)
                || t.schema().uniqueConstraints().stream()
                        .map(UniqueConstraint::columns)
                        .anyMatch(owner::equals);
    }

    /** Foreign keys of {@code t} to other tables that are (so far) scoped. */
    private List<SourceForeignKey> scopedParents(SourceTable t) {
        List<SourceForeignKey> out = new ArrayList<>();
        for (SourceForeignKey fk : t.foreignKeys()) {
            TableKey parent = parentKey(fk);
            if (!parent.equals(TableKey.of(t)) && scopes.containsKey(parent) && tables.containsKey(parent)) {
                out.add(fk);
            }
        }
        return out;
    }

    private static TableKey parentKey(SourceForeignKey fk) {
        return new TableKey(fk.referencedSchema(), fk.key().referencedTable());
    }

    private TenantScope scopeOf(TableKey k) {
        return scopes.getOrDefault(k, TenantScope.SHARED);
    }

    // ---------------------------------------------------------------- conditions

    /** The exported rows: the user's own and the shared ones. */
    private Cond visible(SourceTable t, Deque<TableKey> path) {
        return switch (scopeOf(TableKey.of(t))) {
            case USER -> mine(t, path);
            case OWNED, PER_USER, VIA_FK -> Cond.or(List.of(mine(t, path), shared(t, path)));
            case SHARED -> Cond.TRUE;
        };
    }

    /**
     * The foreign keys through which a {@code via_fk} row belongs to the rows it references: those
     * with ON DELETE CASCADE (the row is part of its parent); without any, those whose columns
     * are all NOT NULL (the row cannot exist without its parent); without any, every foreign key
     * to a scoped table. Self-references never own. Other foreign keys are plain references: a
     * reference to another user's row is reported as dangling, never followed.
     */
    private List<SourceForeignKey> owningKeys(SourceTable t) {
        List<SourceForeignKey> scoped = new ArrayList<>();
        for (SourceForeignKey fk : t.foreignKeys()) {
            TableKey p = parentKey(fk);
            if (isScoped(p) && !p.equals(TableKey.of(t))) {
                scoped.add(fk);
            }
        }
        List<SourceForeignKey> cascade = scoped.stream()
                .filter(fk -> fk.key().onDelete().equals("CASCADE"))
                .toList();
        if (!cascade.isEmpty()) {
            return cascade;
        }
        List<SourceForeignKey> notNull = scoped.stream()
                .filter(fk -> fk.key().columns().stream()
                        .allMatch(c -> !t.schema().column(c).orElseThrow().nullable()))
                .toList();
        return notNull.isEmpty() ? scoped : notNull;
    }

    /** Owning keys that can be followed from here (not closing a cycle too often). */
    private List<SourceForeignKey> followable(SourceTable t, Deque<TableKey> path) {
        return owningKeys(t).stream()
                .filter(fk -> canFollow(parentKey(fk), path))
                .toList();
    }

    private boolean canFollow(TableKey parent, Deque<TableKey> path) {
        return path.stream().filter(parent::equals).count() < maxVisits;
    }

    /**
     * Rows that belong to the user. A {@code via_fk} row is the user's when one owning key points
     * at the user's row and no owning key points at another user's row (a row owned by two users
     * goes to neither: see {@link #ambiguous}). {@code path} holds the tables being expanded.
     */
    private Cond mine(SourceTable t, Deque<TableKey> path) {
        TableKey k = TableKey.of(t);
        return switch (scopeOf(k)) {
            case USER -> equalsUser(options.userKey(), userKeyType);
            case OWNED, PER_USER ->
                equalsUser(
                        options.ownerColumn(),
                        t.schema().column(options.ownerColumn()).orElseThrow().sourceType());
            case VIA_FK -> {
                path.push(k);
                List<SourceForeignKey> keys = followable(t, path);
                Cond anyMine = Cond.or(keys.stream()
                        .map(fk -> in(fk.key(), parent(fk), mine(parent(fk), path)))
                        .toList());
                Cond noOtherOwner = keys.size() < 2 ? Cond.TRUE : noOtherOwner(keys, path);
                path.pop();
                yield Cond.and(List.of(anyMine, noOtherOwner));
            }
            case SHARED -> Cond.FALSE;
        };
    }

    /** Every owning key is absent or points at a row of the user or a shared row. */
    private Cond noOtherOwner(List<SourceForeignKey> keys, Deque<TableKey> path) {
        return Cond.and(keys.stream()
                .map(fk -> Cond.or(
                        List.of(anyNull(fk.key().columns()), in(fk.key(), parent(fk), visible(parent(fk), path)))))
                .toList());
    }

    /**
     * Rows of a {@code via_fk} table with several owning keys that lead to the user and to
     * another user at once; they are exported to neither and reported. Null when the table
     * cannot have such rows.
     */
    private Cond ambiguous(SourceTable t) {
        if (scopeOf(TableKey.of(t)) != TenantScope.VIA_FK) {
            return null;
        }
        Deque<TableKey> path = new ArrayDeque<>();
        path.push(TableKey.of(t));
        List<SourceForeignKey> keys = followable(t, path);
        if (keys.size() < 2) {
            return null;
        }
        Cond anyMine = Cond.or(keys.stream()
                .map(fk -> in(fk.key(), parent(fk), mine(parent(fk), path)))
                .toList());
        Cond other = noOtherOwner(keys, path);
        return Cond.and(List.of(anyMine, Cond.sql("NOT (" + other.sql() + ")", other.params())));
    }

    /**
     * Rows this user may see although they belong to nobody. For a {@code via_fk} table: every
     * owning key is NULL or points at a shared row, and every other reference to a scoped table
     * is NULL or points at a row this export holds (a shared row that refers to another user's
     * row is left out rather than exported with a dangling reference). A reference along a
     * cycle that can no longer be unrolled counts only when NULL: the conservative choice,
     * which may leave such a row out but never lets another user's row in.
     */
    private Cond shared(SourceTable t, Deque<TableKey> path) {
        TableKey k = TableKey.of(t);
        return switch (scopeOf(k)) {
            case USER -> Cond.FALSE;
            case OWNED, PER_USER -> Cond.sql(SQL.quote(options.ownerColumn()) + " IS NULL", 0);
            case VIA_FK -> {
                List<SourceForeignKey> owning = owningKeys(t);
                path.push(k);
                List<Cond> parts = new ArrayList<>();
                for (SourceForeignKey fk : t.foreignKeys()) {
                    TableKey p = parentKey(fk);
                    if (!isScoped(p)) {
                        continue;
                    }
                    Cond absent = anyNull(fk.key().columns());
                    if (!canFollow(p, path)) {
                        parts.add(absent);
                    } else {
                        SourceTable parent = parent(fk);
                        Cond target = owning.contains(fk) ? shared(parent, path) : visible(parent, path);
                        parts.add(Cond.or(List.of(absent, in(fk.key(), parent, target))));
                    }
                }
                path.pop();
                yield Cond.and(parts);
            }
            case SHARED -> Cond.TRUE;
        };
    }

    private SourceTable parent(SourceForeignKey fk) {
        return tables.get(parentKey(fk));
    }

    private boolean isScoped(TableKey p) {
        return tables.containsKey(p) && scopeOf(p) != TenantScope.SHARED;
    }

    private static Cond equalsUser(String column, String type) {
        return Cond.sql(SQL.quote(column) + " = CAST(? AS " + type + ")", 1);
    }

    /** {@code (a, b) IN (SELECT x, y FROM parent WHERE cond)}; FALSE when cond is. */
    private static Cond in(ForeignKey fk, SourceTable parent, Cond parentCond) {
        if (parentCond.isFalse()) {
            return Cond.FALSE;
        }
        String where = parentCond.isTrue() ? "" : " WHERE " + parentCond.sql();
        return Cond.sql(
                columnList(fk.columns()) + " IN (SELECT " + String.join(", ", quoted(fk.referencedColumns())) + " FROM "
                        + parent.fromItem() + where + ")",
                parentCond.params());
    }

    private static Cond anyNull(List<String> columns) {
        return Cond.sql(quoted(columns).stream().map(c -> c + " IS NULL").collect(Collectors.joining(" OR ")), 0);
    }

    private static String columnList(List<String> columns) {
        List<String> q = quoted(columns);
        return q.size() == 1 ? q.get(0) : "(" + String.join(", ", q) + ")";
    }

    private static List<String> quoted(List<String> columns) {
        return columns.stream().map(SQL::quote).toList();
    }

    // ---------------------------------------------------------------- explanations

    private String explain(SourceTable t) {
        String owner = options.ownerColumn();
        return switch (scopeOf(TableKey.of(t))) {
            case USER -> "tenant scope user: only the row of " + options.userEmail();
            case OWNED ->
                "tenant scope owned: rows with " + owner + " = the user, plus rows with " + owner + " NULL (shared)";
            case PER_USER -> "tenant scope per_user: the user's one row (" + owner + " is a key of the table)";
            case VIA_FK -> {
                List<SourceForeignKey> owning = owningKeys(t);
                List<String> via = owning.stream()
                        .map(fk -> String.join(", ", fk.key().columns()) + " -> "
                                + fk.key().referencedTable())
                        .toList();
                List<String> plain = new ArrayList<>();
                for (SourceForeignKey fk : t.foreignKeys()) {
                    if (isScoped(parentKey(fk)) && !owning.contains(fk)) {
                        plain.add(String.join(", ", fk.key().columns()) + " -> "
                                + fk.key().referencedTable());
                    }
                }
                yield "tenant scope via_fk: rows owned through " + String.join(" or ", via)
                        + (via.size() > 1 ? " (never by two users at once)" : "") + ", or whose references are all"
                        + " shared"
                        + (plain.isEmpty()
                                ? ""
                                : "; " + String.join(", ", plain)
                                        + " only references (another user's row there is a dangling reference)");
            }
            case SHARED -> {
                Set<String> referencedBy = new TreeSet<>();
                for (SourceTable other : tables.values()) {
                    for (SourceForeignKey fk : other.foreignKeys()) {
                        if (parentKey(fk).equals(TableKey.of(t)) && scopeOf(TableKey.of(other)) != TenantScope.SHARED) {
                            referencedBy.add(other.name());
                        }
                    }
                }
                yield "tenant scope shared: no foreign-key path to " + users.name() + ", exported whole"
                        + (referencedBy.isEmpty() ? "" : " (referenced by " + String.join(", ", referencedBy) + ")");
            }
        };
    }
}
