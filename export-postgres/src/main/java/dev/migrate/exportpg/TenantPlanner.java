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
 * it exists; other tables inherit ownership from the rows they reference. All values are bound
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
        Map<TableKey, Cond> filters = new LinkedHashMap<>();
        Map<TableKey, String> explanations = new LinkedHashMap<>();
        for (Map.Entry<TableKey, SourceTable> e : tables.entrySet()) {
            Cond filter = visible(e.getValue());
            if (filter.sql().length() > MAX_FILTER_CHARS) {
                throw MigrateException.input(
                        Location.table(e.getValue().name()),
                        "the tenant filter of this table is " + filter.sql().length()
                                + " characters long: the foreign-key graph has too many paths to the users table;"
                                + " leave some tables out with --exclude-table");
            }
            filters.put(e.getKey(), filter);
            explanations.put(e.getKey(), explain(e.getValue()));
        }
        return new TenantPlan(options, userId, users, scopes, filters, explanations);
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
    private Cond visible(SourceTable t) {
        return switch (scopeOf(TableKey.of(t))) {
            case USER -> mine(t, new ArrayDeque<>());
            case OWNED, PER_USER, VIA_FK ->
                Cond.or(List.of(mine(t, new ArrayDeque<>()), shared(t, new ArrayDeque<>())));
            case SHARED -> Cond.TRUE;
        };
    }

    /** Rows that belong to the user. {@code path} holds the tables being expanded (cycle guard). */
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
                List<Cond> parts = new ArrayList<>();
                for (SourceForeignKey fk : t.foreignKeys()) {
                    TableKey p = parentKey(fk);
                    if (isScoped(p) && !p.equals(k) && !path.contains(p)) {
                        SourceTable parent = tables.get(p);
                        parts.add(in(fk.key(), parent, mine(parent, path)));
                    }
                }
                path.pop();
                yield Cond.or(parts);
            }
            case SHARED -> Cond.FALSE;
        };
    }

    /**
     * Rows that belong to nobody. For a table reached through foreign keys: every scoped reference
     * is NULL or points at a shared row. A reference along a cycle (to itself or a table being
     * expanded) cannot be followed, so only NULL counts as shared there: the conservative choice,
     * which may leave such a row out but never lets another user's row in.
     */
    private Cond shared(SourceTable t, Deque<TableKey> path) {
        TableKey k = TableKey.of(t);
        return switch (scopeOf(k)) {
            case USER -> Cond.FALSE;
            case OWNED, PER_USER -> Cond.sql(SQL.quote(options.ownerColumn()) + " IS NULL", 0);
            case VIA_FK -> {
                path.push(k);
                List<Cond> parts = new ArrayList<>();
                for (SourceForeignKey fk : t.foreignKeys()) {
                    TableKey p = parentKey(fk);
                    if (!isScoped(p)) {
                        continue;
                    }
                    Cond absent = anyNull(fk.key().columns());
                    if (p.equals(k) || path.contains(p)) {
                        parts.add(absent);
                    } else {
                        SourceTable parent = tables.get(p);
                        parts.add(Cond.or(List.of(absent, in(fk.key(), parent, shared(parent, path)))));
                    }
                }
                path.pop();
                yield Cond.and(parts);
            }
            case SHARED -> Cond.TRUE;
        };
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
                List<String> via = new ArrayList<>();
                for (SourceForeignKey fk : t.foreignKeys()) {
                    TableKey p = parentKey(fk);
                    if (isScoped(p) && !p.equals(TableKey.of(t))) {
                        via.add(String.join(", ", fk.key().columns()) + " -> "
                                + fk.key().referencedTable());
                    }
                }
                yield "tenant scope via_fk: rows that reference the user's rows through " + String.join(" or ", via)
                        + ", or only shared rows";
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
