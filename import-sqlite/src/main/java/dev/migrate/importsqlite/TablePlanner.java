package dev.migrate.importsqlite;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Identity;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.TenantFilter;
import dev.migrate.core.types.StagingKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the manifest's schema snapshot into the tables of the SQLite file.
 *
 * <p>Without a tenant filter every table keeps its name, columns and constraints. With one (an
 * export made with {@code --user-email}) the multi-user layout collapses into the single-user one
 * that {@code schema_design/sqlite/single_user_schema.sql} shows:
 *
 * <ul>
 *   <li>the owner column ({@link TenantFilter#ownerColumn()}) is dropped from every table whose rows
 *       were chosen by it (scope {@code owned} or {@code per_user}) or where it references the users
 *       table; elsewhere a column of that name is ordinary data and stays;
 *   <li>the users table becomes the singleton {@code app_config}: {@code id INTEGER PRIMARY KEY CHECK
 *       (id = 1)} followed by all the users columns, the users key renamed to the owner column's
 *       name ({@code users.id} → {@code app_config.user_id}) so the user's id survives;
 *   <li>a one-per-user table (scope {@code per_user}, primary key = the owner column) becomes a
 *       singleton whose {@code id} replaces the owner key;
 *   <li>foreign keys to the users table are removed; foreign keys, UNIQUE constraints and indexes
 *       that included a dropped column lose that column, and disappear when nothing is left or
 *       when a UNIQUE constraint becomes the primary key.
 * </ul>
 *
 * <p>A foreign key is kept only when its parent columns are the parent's primary key or a UNIQUE
 * constraint or plain unique index of it in the target, because SQLite reports every other one as
 * a "foreign key mismatch" the first time the parent is modified.
 */
final class TablePlanner {

    /** The singleton table the user's own row goes to in tenant mode. */
    static final String APP_CONFIG = "app_config";

    private final List<TableSchema> tables;
    private final TenantFilter tenant;
    private final Notes notes;

    /** How a staged table maps onto its target, before constraints are reduced. */
    private record Shape(
            TableSchema table, String target, Set<String> dropped, Map<String, String> renamed, boolean singleton) {

        String targetColumn(String source) {
            return dropped.contains(source) ? null : renamed.getOrDefault(source, source);
        }
    }

    TablePlanner(Manifest manifest, Notes notes) {
        this.tables = manifest.schema().tables();
        this.tenant = manifest.tenant();
        this.notes = notes;
    }

    List<TablePlan> plan() {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (TableSchema t : tables) {
            shapes.put(t.name(), shape(t));
        }
        checkTableNames(shapes.values());
        List<TablePlan> plans = new ArrayList<>();
        for (Shape s : shapes.values()) {
            plans.add(plan(s, shapes));
        }
        Map<String, TablePlan> byName = new HashMap<>();
        plans.forEach(p -> byName.put(p.name(), p));
        List<TablePlan> checked = new ArrayList<>();
        for (TablePlan p : plans) {
            checked.add(withValidForeignKeys(p, byName));
        }
        return checked;
    }

    // ---- pass 1: names, dropped and renamed columns ----

    private Shape shape(TableSchema t) {
        if (tenant == null) {
            return new Shape(t, t.name(), Set.of(), Map.of(), false);
        }
        String owner = tenant.ownerColumn();
        String scope = scope(t.name());
        if (t.name().equals(tenant.usersTable())) {
            Map<String, String> renamed = new HashMap<>();
            String key = tenant.userKey();
            if (key != null
                    && owner != null
                    && !key.equals(owner)
                    && t.column(key).isPresent()) {
                if (t.column(owner).isPresent()) {
                    throw MigrateException.input(
                            Location.column(t.name(), owner),
                            "the users table already has a column named \"" + owner
                                    + "\"; tenant mode keeps the user's key \"" + key + "\" under that name");
                }
                renamed.put(key, owner);
            }
            return new Shape(t, APP_CONFIG, Set.of(), renamed, true);
        }
        Set<String> dropped = new HashSet<>();
        if (owner != null && t.column(owner).isPresent()) {
            boolean referencesUsers = t.foreignKeys().stream()
                    .anyMatch(fk -> fk.referencedTable().equals(tenant.usersTable())
                            && fk.columns().contains(owner));
            if ("owned".equals(scope) || "per_user".equals(scope) || referencesUsers) {
                dropped.add(owner);
            } else {
                notes.table(
                        t.name(),
                        "column \"" + owner + "\" kept: the table's rows were not chosen by it (scope " + scope
                                + ") and it does not reference \"" + tenant.usersTable() + "\"");
            }
        }
        boolean singleton =
                "per_user".equals(scope) && owner != null && t.primaryKey().equals(List.of(owner));
        if ("per_user".equals(scope) && !singleton) {
            notes.table(
                    t.name(),
                    "one-per-user table keeps its own primary key (it is not the owner column alone), so it is not"
                            + " made a singleton");
        }
        return new Shape(t, t.name(), Set.copyOf(dropped), Map.of(), singleton);
    }

    private String scope(String table) {
        if (tenant == null || tenant.tableScopes() == null) {
            return null;
        }
        return tenant.tableScopes().getOrDefault(table, "shared");
    }

    private static void checkTableNames(Iterable<Shape> shapes) {
        Map<String, String> seen = new HashMap<>();
        for (Shape s : shapes) {
            String lower = s.target().toLowerCase(Locale.ROOT);
            if (lower.startsWith("sqlite_")) {
                throw MigrateException.input(
                        Location.table(s.table().name()),
                        "table names starting with \"sqlite_\" are reserved by SQLite; rename the table in the source");
            }
            String other = seen.put(lower, s.table().name());
            if (other != null) {
                String why = s.target().equals(APP_CONFIG) || other.equals(APP_CONFIG)
                        ? "tenant mode puts the user's row into a table named \"" + APP_CONFIG
                                + "\", and the export already has a table of that name"
                        : "tables \"" + other + "\" and \"" + s.table().name()
                                + "\" would be the same table in SQLite, whose names ignore case";
                throw MigrateException.input(Location.table(s.table().name()), why);
            }
        }
    }

    // ---- pass 2: columns, keys, constraints ----

    private TablePlan plan(Shape s, Map<String, Shape> shapes) {
        TableSchema t = s.table();
        String target = s.target();
        if (!target.equals(t.name())) {
            notes.table(target, "the user's own row of \"" + t.name() + "\" (tenant mode)");
        }
        List<ColumnPlan> columns = new ArrayList<>();
        if (s.singleton()) {
            columns.add(ColumnPlan.singletonKey());
        }
        for (int i = 0; i < t.columns().size(); i++) {
            ColumnSchema c = t.columns().get(i);
            String name = s.targetColumn(c.name());
            if (name == null) {
                notes.table(target, "column \"" + c.name() + "\" dropped (owner column, tenant mode)");
                continue;
            }
            if (!name.equals(c.name())) {
                notes.table(target, "column \"" + c.name() + "\" renamed to \"" + name + "\" (the user's key)");
            }
            columns.add(new ColumnPlan(name, i, c));
        }
        checkColumnNames(t.name(), columns, s.singleton());

        List<String> primaryKey = mapColumns(s, t.primaryKey());
        TablePlan.Key key;
        Long sequence = null;
        if (s.singleton()) {
            primaryKey = List.of(ColumnPlan.SINGLETON_KEY);
            key = TablePlan.Key.SINGLETON;
            notes.table(target, "singleton: key " + ColumnPlan.SINGLETON_KEY + " = 1 (tenant mode)");
        } else if (primaryKey.isEmpty()) {
            key = TablePlan.Key.NONE;
        } else {
            if (primaryKey.size() < t.primaryKey().size()) {
                notes.table(target, "primary key " + t.primaryKey() + " reduced to " + primaryKey);
            }
            key = TablePlan.Key.PLAIN;
            if (primaryKey.size() == 1) {
                ColumnSchema pk = t.column(sourceName(s, primaryKey.get(0))).orElseThrow();
                Identity identity = pk.identity();
                if (identity != null && isInteger(pk)) {
                    key = "rowid".equals(identity.kind()) ? TablePlan.Key.ROWID : TablePlan.Key.AUTOINCREMENT;
                    sequence = key == TablePlan.Key.AUTOINCREMENT ? identity.lastValue() : null;
                }
            }
        }
        for (ColumnPlan c : columns) {
            if (c.source() != null
                    && c.source().identity() != null
                    && !(primaryKey.size() == 1
                            && primaryKey.get(0).equals(c.name())
                            && (key == TablePlan.Key.ROWID || key == TablePlan.Key.AUTOINCREMENT))) {
                notes.table(
                        target,
                        "column \"" + c.name() + "\": " + c.source().identity().kind()
                                + " generator not reproduced (SQLite generates values only for an INTEGER PRIMARY"
                                + " KEY); the values are kept");
            }
        }

        boolean withoutRowid = false;
        for (String option : t.options()) {
            if (option.equalsIgnoreCase("WITHOUT ROWID") && !primaryKey.isEmpty()) {
                withoutRowid = true;
                if (key != TablePlan.Key.SINGLETON) {
                    key = TablePlan.Key.PLAIN; // a WITHOUT ROWID table has no rowid to alias
                    sequence = null;
                }
            } else {
                notes.table(target, "table option " + option + " not reproduced");
            }
        }
        return new TablePlan(
                t,
                target,
                columns,
                primaryKey,
                key,
                sequence,
                foreignKeys(s, shapes),
                uniques(s, primaryKey),
                indexes(s),
                withoutRowid);
    }

    private static boolean isInteger(ColumnSchema c) {
        StagingKind k = c.type().kind();
        return k == StagingKind.INT16 || k == StagingKind.INT32 || k == StagingKind.INT64;
    }

    private static String sourceName(Shape s, String target) {
        for (ColumnSchema c : s.table().columns()) {
            if (target.equals(s.targetColumn(c.name()))) {
                return c.name();
            }
        }
        throw new IllegalStateException("no source column for " + target);
    }

    private static void checkColumnNames(String table, List<ColumnPlan> columns, boolean singleton) {
        Map<String, String> seen = new HashMap<>();
        for (ColumnPlan c : columns) {
            String other = seen.put(c.name().toLowerCase(Locale.ROOT), c.name());
            if (other != null) {
                String why = singleton && other.equals(ColumnPlan.SINGLETON_KEY)
                        ? "tenant mode makes this table a singleton with a key column named \""
                                + ColumnPlan.SINGLETON_KEY + "\", and the table already has a column \"" + c.name()
                                + "\""
                        : "columns \"" + other + "\" and \"" + c.name()
                                + "\" would be the same column in SQLite, whose names ignore case";
                throw MigrateException.input(Location.column(table, c.name()), why);
            }
        }
    }

    /** Target names of the columns that survive, in order. */
    private static List<String> mapColumns(Shape s, List<String> sourceColumns) {
        List<String> out = new ArrayList<>();
        for (String c : sourceColumns) {
            String n = s.targetColumn(c);
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    private List<ForeignKey> foreignKeys(Shape s, Map<String, Shape> shapes) {
        List<ForeignKey> out = new ArrayList<>();
        String target = s.target();
        for (ForeignKey fk : s.table().foreignKeys()) {
            String label = label("foreign key", fk.name(), fk.columns()) + " → \"" + fk.referencedTable() + "\"";
            if (tenant != null && fk.referencedTable().equals(tenant.usersTable())) {
                notes.table(target, label + " removed (tenant mode: the users table is app_config)");
                continue;
            }
            Shape parent = shapes.get(fk.referencedTable());
            if (parent == null) {
                notes.table(target, label + " removed: the referenced table is not in the export");
                continue;
            }
            List<String> columns = new ArrayList<>();
            List<String> referenced = new ArrayList<>();
            for (int k = 0; k < fk.columns().size(); k++) {
                String child = s.targetColumn(fk.columns().get(k));
                String parentColumn = parent.targetColumn(fk.referencedColumns().get(k));
                if (child != null && parentColumn != null) {
                    columns.add(child);
                    referenced.add(parentColumn);
                }
            }
            if (columns.isEmpty()) {
                notes.table(target, label + " removed: all its columns were owner columns");
                continue;
            }
            if (columns.size() < fk.columns().size()) {
                notes.table(target, label + " reduced to " + columns + " (owner column dropped)");
            }
            String name = ConstraintNames.rename(
                    fk.name(), s.table().name(), fk.columns(), target, columns, ConstraintNames.FOREIGN_KEY);
            out.add(new ForeignKey(
                    name, columns, parent.target(), referenced, fk.onDelete(), fk.onUpdate(), fk.deferrable()));
        }
        return out;
    }

    private List<UniqueConstraint> uniques(Shape s, List<String> primaryKey) {
        List<UniqueConstraint> out = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        seen.add(Set.copyOf(primaryKey));
        String target = s.target();
        for (UniqueConstraint u : s.table().uniqueConstraints()) {
            List<String> columns = mapColumns(s, u.columns());
            String label = label("unique constraint", u.name(), u.columns());
            if (columns.isEmpty()) {
                notes.table(target, label + " removed: all its columns were owner columns");
                continue;
            }
            if (!seen.add(Set.copyOf(columns))) {
                notes.table(
                        target,
                        label + " omitted: reduced to " + columns + ", which the primary key or another UNIQUE"
                                + " constraint already covers");
                continue;
            }
            if (columns.size() < u.columns().size()) {
                notes.table(target, label + " reduced to " + columns + " (owner column dropped)");
            }
            String name = ConstraintNames.rename(
                    u.name(), s.table().name(), u.columns(), target, columns, ConstraintNames.UNIQUE);
            out.add(new UniqueConstraint(name, columns));
        }
        return out;
    }

    private List<IndexSchema> indexes(Shape s) {
        List<IndexSchema> out = new ArrayList<>();
        String target = s.target();
        for (IndexSchema idx : s.table().indexes()) {
            if (idx.columns().isEmpty()) {
                out.add(idx); // an expression index: IndexTranslator maps its column names
                continue;
            }
            List<String> columns = mapColumns(s, idx.columns());
            if (columns.isEmpty()) {
                notes.table(target, "index \"" + idx.name() + "\" dropped: its only column was the owner column");
                continue;
            }
            if (columns.size() < idx.columns().size()) {
                notes.table(target, "index \"" + idx.name() + "\" reduced to " + columns + " (owner column dropped)");
            }
            String name = ConstraintNames.rename(
                    idx.name(), s.table().name(), idx.columns(), target, columns, ConstraintNames.INDEX);
            out.add(new IndexSchema(name, idx.unique(), columns, idx.definition(), idx.where(), idx.portable()));
        }
        return out;
    }

    private static String label(String kind, String name, List<String> columns) {
        return kind + (name == null ? " " + columns : " \"" + name + "\"");
    }

    // ---- pass 3: foreign keys need a unique parent key ----

    private TablePlan withValidForeignKeys(TablePlan p, Map<String, TablePlan> byName) {
        List<ForeignKey> kept = new ArrayList<>();
        for (ForeignKey fk : p.foreignKeys()) {
            TablePlan parent = byName.get(fk.referencedTable());
            if (parent != null && isUniqueKey(parent, Set.copyOf(fk.referencedColumns()))) {
                kept.add(fk);
            } else {
                notes.table(
                        p.name(),
                        label("foreign key", fk.name(), fk.columns()) + " removed: " + fk.referencedColumns()
                                + " is not a primary key or unique key of \"" + fk.referencedTable()
                                + "\" in the SQLite file (SQLite would report a foreign key mismatch)");
            }
        }
        if (kept.size() == p.foreignKeys().size()) {
            return p;
        }
        return new TablePlan(
                p.source(),
                p.name(),
                p.columns(),
                p.primaryKey(),
                p.key(),
                p.sequenceValue(),
                kept,
                p.uniques(),
                p.indexes(),
                p.withoutRowid());
    }

    private static boolean isUniqueKey(TablePlan parent, Set<String> columns) {
        if (Set.copyOf(parent.primaryKey()).equals(columns)) {
            return true;
        }
        for (UniqueConstraint u : parent.uniques()) {
            if (Set.copyOf(u.columns()).equals(columns)) {
                return true;
            }
        }
        for (IndexSchema idx : parent.indexes()) {
            if (idx.unique()
                    && idx.where() == null
                    && !idx.columns().isEmpty()
                    && Set.copyOf(idx.columns()).equals(columns)) {
                return true;
            }
        }
        return false;
    }
}
