package dev.migrate.cli.plan;

import dev.migrate.cli.plan.Plan.ColumnPlan;
import dev.migrate.cli.plan.Plan.TablePlan;
import dev.migrate.cli.steps.TenantNames;
import dev.migrate.core.MigrateException;
import dev.migrate.core.config.PostgresTarget;
import dev.migrate.core.config.Redactor;
import dev.migrate.core.mapping.TypeMappings;
import dev.migrate.core.sql.PostgresDialect;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans an export from PostgreSQL (into SQLite) from the catalog, in one read-only transaction
 * that is rolled back: tables with the planner's row estimates (exact counts of the user's rows in
 * a tenant run), each column's type through the staging type to its SQLite declared type, the
 * tenant scope of each table, and the objects that are not migrated.
 */
public final class PostgresPlanner {

    private final PostgresTarget source;
    private final String schema;
    private final TenantNames tenant;

    public PostgresPlanner(PostgresTarget source, String schema, TenantNames tenant) {
        this.source = source;
        this.schema = schema;
        this.tenant = tenant;
    }

    public Plan plan() {
        try (Connection c = DriverManager.getConnection(source.jdbcUrl(), source.properties())) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try {
                return plan(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw MigrateException.runtime(
                    "cannot read the catalog of PostgreSQL " + source.describe() + ": "
                            + Redactor.redact(String.valueOf(e.getMessage())),
                    e);
        }
    }

    private Plan plan(Connection c) throws SQLException {
        Map<String, Long> oids = new LinkedHashMap<>();
        Map<String, Long> estimates = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(CatalogSql.load("pg_tables.sql"))) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    oids.put(rs.getString("relname"), rs.getLong("oid"));
                    estimates.put(rs.getString("relname"), rs.getLong("estimate"));
                }
            }
        }
        if (oids.isEmpty()) {
            throw MigrateException.input(
                    "PostgreSQL " + source.describe() + " has no tables in schema \"" + schema + "\"");
        }
        Map<String, Set<String>> parents = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(CatalogSql.load("pg_foreign_keys.sql"))) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    parents.computeIfAbsent(rs.getString("child"), k -> new HashSet<>())
                            .add(rs.getString("parent"));
                }
            }
        }
        Map<String, List<ColumnPlan>> columns = new HashMap<>();
        for (Map.Entry<String, Long> t : oids.entrySet()) {
            columns.put(t.getKey(), columns(c, t.getValue()));
        }

        List<String> notes = new ArrayList<>();
        Map<String, String> scopes = new HashMap<>();
        Object userId = null;
        if (tenant != null) {
            userId = findUser(c, oids.keySet(), notes);
            scopes = TenantScopes.of(oids.keySet(), parents, columns, tenant);
        }

        List<TablePlan> tables = new ArrayList<>();
        for (String name : LoadOrder.order(oids.keySet(), parents)) {
            long rows = estimates.get(name);
            boolean exact = false;
            String scope = scopes.get(name);
            if (tenant != null && TenantScopes.OWNED.equals(scope)) {
                rows = countOwned(c, name, userId);
                exact = true;
            } else if (tenant != null && TenantScopes.USER.equals(scope)) {
                rows = 1;
                exact = true;
            }
            tables.add(new TablePlan(
                    name, rows, exact, scope == null ? null : TenantScopes.describe(scope, tenant), columns.get(name)));
        }
        return new Plan(tables, notMigrated(c), notes);
    }

    private static List<ColumnPlan> columns(Connection c, long oid) throws SQLException {
        List<ColumnPlan> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CatalogSql.load("pg_columns.sql"))) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StagingType staging = TypeMappings.fromPostgres(
                            rs.getString("base_type"), rs.getString("enum_name"), rs.getInt("dims"));
                    String note = null;
                    if (staging.kind() == StagingKind.SOURCE_TEXT) {
                        note = "no mapping rule: kept as its text form (fallback)";
                    } else if (rs.getBoolean("generated")) {
                        note = "generated column: values exported";
                    }
                    out.add(new ColumnPlan(
                            rs.getString("attname"),
                            rs.getString("declared"),
                            staging.toString(),
                            TypeMappings.toSqlite(staging),
                            rs.getBoolean("attnotnull"),
                            note));
                }
            }
        }
        return out;
    }

    private Object findUser(Connection c, Set<String> tables, List<String> notes) throws SQLException {
        if (!tables.contains(tenant.usersTable())) {
            throw MigrateException.input("no users table \"" + tenant.usersTable() + "\" in schema \"" + schema
                    + "\" (name it with --users-table)");
        }
        PostgresDialect q = PostgresDialect.INSTANCE;
        String sql = "select " + q.quote(tenant.usersKey()) + " from " + q.quoteQualified(schema, tenant.usersTable())
                + " where " + q.quote(tenant.emailColumn()) + " = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant.email());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw MigrateException.input("user not found: " + tenant.email());
                }
                Object id = rs.getObject(1);
                notes.add("user " + tenant.email() + " found: " + tenant.usersKey() + " = " + id);
                return id;
            }
        }
    }

    private long countOwned(Connection c, String table, Object userId) throws SQLException {
        PostgresDialect q = PostgresDialect.INSTANCE;
        String sql = "select count(*) from " + q.quoteQualified(schema, table) + " where "
                + q.quote(tenant.ownerColumn()) + " = ? or " + q.quote(tenant.ownerColumn()) + " is null";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> notMigrated(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CatalogSql.load("pg_not_migrated.sql"))) {
            for (int i = 1; i <= 5; i++) {
                s.setString(i, schema);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString("kind") + " " + rs.getString("name") + ": " + rs.getString("reason"));
                }
            }
        }
        return out;
    }
}
