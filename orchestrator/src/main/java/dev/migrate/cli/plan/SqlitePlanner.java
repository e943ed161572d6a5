package dev.migrate.cli.plan;

import dev.migrate.cli.plan.Plan.ColumnPlan;
import dev.migrate.cli.plan.Plan.TablePlan;
import dev.migrate.cli.steps.TenantNames;
import dev.migrate.core.MigrateException;
import dev.migrate.core.config.Locations;
import dev.migrate.core.mapping.TypeMappings;
import dev.migrate.core.sql.SqliteDialect;
import dev.migrate.core.types.StagingType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Plans an export from a SQLite file (into PostgreSQL), opened read-only: tables with their row
 * counts, each column's declared type through the staging type its declaration means to the
 * PostgreSQL type, and the views and triggers that are not migrated. The export itself profiles
 * every value and may choose a wider type where the values do not fit the declaration.
 */
public final class SqlitePlanner {

    private final Path file;
    private final TenantNames tenant;

    public SqlitePlanner(Path file, TenantNames tenant) {
        this.file = file;
        this.tenant = tenant;
    }

    public Plan plan() {
        if (!Files.isRegularFile(file)) {
            throw MigrateException.input("SQLite file " + file + " does not exist");
        }
        Locations.requireSqliteFile(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            return plan(c);
        } catch (SQLException e) {
            throw MigrateException.runtime("cannot read SQLite file " + file + ": " + e.getMessage(), e);
        }
    }

    private Plan plan(Connection c) throws SQLException {
        SqliteDialect q = SqliteDialect.INSTANCE;
        Set<String> names = new LinkedHashSet<>();
        List<String> skipped = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select type, name, tbl_name from sqlite_master where name not like 'sqlite\\_%' escape '\\'"
                                + " order by type, name")) {
            while (rs.next()) {
                String type = rs.getString(1);
                switch (type) {
                    case "table" -> names.add(rs.getString(2));
                    case "view" -> skipped.add("view " + rs.getString(2) + ": views are not migrated");
                    case "trigger" ->
                        skipped.add("trigger " + rs.getString(2) + " on " + rs.getString(3)
                                + ": triggers are not migrated");
                    default -> {
                        // indexes are planned by the importer with their table
                    }
                }
            }
        }
        if (names.isEmpty()) {
            throw MigrateException.input("SQLite file " + file + " has no tables");
        }
        Map<String, Set<String>> parents = new HashMap<>();
        Map<String, List<ColumnPlan>> columns = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        try (Statement s = c.createStatement()) {
            for (String t : names) {
                List<ColumnPlan> cols = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("pragma table_xinfo(" + q.quote(t) + ")")) {
                    while (rs.next()) {
                        String declared = rs.getString("type");
                        StagingType staging = TypeMappings.declaredSqlite(declared);
                        int hidden = rs.getInt("hidden");
                        cols.add(new ColumnPlan(
                                rs.getString("name"),
                                declared == null || declared.isEmpty() ? "(none)" : declared,
                                staging.toString(),
                                TypeMappings.toPostgres(staging, false),
                                rs.getInt("notnull") == 1,
                                hidden == 2 || hidden == 3 ? "generated column" : null));
                    }
                }
                columns.put(t, cols);
                try (ResultSet rs = s.executeQuery("pragma foreign_key_list(" + q.quote(t) + ")")) {
                    while (rs.next()) {
                        parents.computeIfAbsent(t, k -> new HashSet<>()).add(rs.getString("table"));
                    }
                }
                try (ResultSet rs = s.executeQuery("select count(*) from " + q.quote(t))) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("column types follow the declared types; the export profiles every value and names any column"
                + " whose values need a wider type");
        if (tenant != null) {
            notes.add("tenant expansion: rows are attached to user " + tenant.email() + " (found in the target, or"
                    + " created from app_config) through " + tenant.ownerColumn() + "; that user's existing rows"
                    + " are replaced, other users' rows are not touched");
        }
        List<TablePlan> tables = new ArrayList<>();
        for (String t : LoadOrder.order(names, parents)) {
            tables.add(new TablePlan(t, counts.get(t), true, null, columns.get(t)));
        }
        return new Plan(tables, skipped, notes);
    }
}
