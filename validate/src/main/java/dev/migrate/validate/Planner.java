package dev.migrate.validate;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides, per manifest table, what is compared: the names on each side (in a tenant run the
 * users table is {@code app_config} on the single-user side, and its key is kept there as {@code
 * user_id}), the columns both sides have, the key, and the rows of the multi-user side that belong
 * to the user.
 *
 * <p>Rows of the multi-user PostgreSQL side, by the table's scope (the manifest's {@code
 * TenantFilter.tableScopes} when the export recorded them, otherwise derived from the catalog):
 *
 * <ul>
 *   <li>{@code user}: {@code key = user id}; {@code per_user}: {@code owner = user id}; {@code
 *       owned}: {@code owner = user id or owner is null} (NULL-owner rows are shared and exported);
 *       {@code shared}: every row — all re-derived independently of the exporter, with the same
 *       rules it documents;
 *   <li>{@code via_fk}, and any table without an owner column when no scope was recorded: the rows
 *       whose keys the single-user side holds, looked up in batches. Re-deriving the foreign-key
 *       closure would mean re-implementing the exporter's traversal; this checks instead that every
 *       copied row exists in PostgreSQL with equal values (rows the copy lacks are not detected
 *       for these tables — the report says so in the table's selection).
 * </ul>
 */
final class Planner {

    private final Manifest manifest;
    private final Side source;
    private final Side target;
    private final Tenant tenant;
    private final List<String> warnings;

    Planner(Manifest manifest, Side source, Side target, Tenant tenant, List<String> warnings) {
        this.manifest = manifest;
        this.source = source;
        this.target = target;
        this.tenant = tenant;
        this.warnings = warnings;
    }

    /** The table's name on a side, or null when the side lacks it. */
    String resolveTable(String table, Side side) {
        if (side.tables().contains(table)) {
            return table;
        }
        if (tenant != null) {
            if (table.equals(tenant.usersTable()) && side.tables().contains(Tenant.APP_CONFIG)) {
                return Tenant.APP_CONFIG;
            }
            if (table.equals(Tenant.APP_CONFIG) && side.tables().contains(tenant.usersTable())) {
                return tenant.usersTable();
            }
        }
        return null;
    }

    private String resolveColumn(String table, String column, String sideTable, Side side) {
        Map<String, String> cols = side.columns(sideTable);
        if (tenant != null && !table.equals(sideTable)) {
            if (sideTable.equals(Tenant.APP_CONFIG) && column.equals(tenant.userKey())) {
                return cols.containsKey(Tenant.APP_CONFIG_USER_KEY) ? Tenant.APP_CONFIG_USER_KEY : null;
            }
            if (table.equals(Tenant.APP_CONFIG) && column.equals(Tenant.APP_CONFIG_USER_KEY)) {
                return cols.containsKey(tenant.userKey()) ? tenant.userKey() : null;
            }
            if (table.equals(Tenant.APP_CONFIG) && column.equals(tenant.userKey())) {
                return null; // app_config's singleton id has no counterpart in users
            }
        }
        return cols.containsKey(column) ? column : null;
    }

    /** The plan for one table, or null (with an error added) when a side lacks it. */
    TablePlan plan(TableSchema t, List<String> errors) {
        String sourceTable = resolveTable(t.name(), source);
        String targetTable = resolveTable(t.name(), target);
        if (sourceTable == null || targetTable == null) {
            errors.add("table \"" + t.name() + "\" is missing on the "
                    + (sourceTable == null
                            ? "source (" + source.endpoint().describe() + ")"
                            : "target (" + target.endpoint().describe() + ")"));
            return null;
        }
        List<String> names = new ArrayList<>();
        List<String> sourceCols = new ArrayList<>();
        List<String> targetCols = new ArrayList<>();
        List<ColumnSchema> compared = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ColumnSchema c : t.columns()) {
            String s = resolveColumn(t.name(), c.name(), sourceTable, source);
            String g = resolveColumn(t.name(), c.name(), targetTable, target);
            if (s != null && g != null) {
                names.add(c.name());
                sourceCols.add(s);
                targetCols.add(g);
                compared.add(c);
            } else if (!expectedAbsent(t, c.name())) {
                warnings.add("table \"" + t.name() + "\": column \"" + c.name() + "\" is not on the "
                        + (s == null && g == null ? "source nor the target" : s == null ? "source" : "target")
                        + "; not compared");
            } else {
                notes.add("column \"" + c.name() + "\" is not compared (tenant mode: "
                        + (c.name().equals(tenant.ownerColumn()) ? "owner column" : "singleton key") + ")");
            }
        }
        int[] key = new int[t.primaryKey().size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = names.indexOf(t.primaryKey().get(i));
            if (key[i] < 0) {
                key = new int[0];
                break;
            }
        }
        if (key.length == 0) {
            notes.add("no primary key common to both sides: rows compared as a whole");
        }
        Selection sourceSel = selection(t, sourceTable, source, key.length > 0, target, notes);
        Selection targetSel = selection(t, targetTable, target, key.length > 0, source, notes);
        return new TablePlan(
                t.name(),
                sourceTable,
                targetTable,
                names,
                sourceCols,
                targetCols,
                compared,
                key,
                sourceSel,
                targetSel,
                notes);
    }

    private boolean expectedAbsent(TableSchema t, String column) {
        if (tenant == null) {
            return false;
        }
        return column.equals(tenant.ownerColumn())
                || (column.equals(Tenant.SINGLETON_KEY) && t.primaryKey().equals(List.of(Tenant.SINGLETON_KEY)))
                || (t.name().equals(Tenant.APP_CONFIG) && column.equals(Tenant.SINGLETON_KEY));
    }

    /** True when the side is the multi-user PostgreSQL database of a tenant run. */
    boolean isMultiUser(Side side) {
        return tenant != null && side instanceof PostgresSide && side.tables().contains(tenant.usersTable());
    }

    private Selection selection(
            TableSchema t, String sideTable, Side side, boolean hasKey, Side other, List<String> notes) {
        if (!isMultiUser(side) || isMultiUser(other)) {
            return Selection.ALL;
        }
        String scope = tenant.scopes().get(t.name());
        Map<String, String> cols = side.columns(sideTable);
        boolean hasOwner = cols.containsKey(tenant.ownerColumn());
        if (scope == null) {
            if (sideTable.equals(tenant.usersTable())) {
                scope = "user";
            } else if (hasOwner) {
                scope = side.primaryKey(sideTable).equals(List.of(tenant.ownerColumn())) ? "per_user" : "owned";
            } else {
                scope = "keys";
            }
        }
        PostgresSide pg = (PostgresSide) side;
        String owner = PostgresSide.quote(tenant.ownerColumn());
        String userKey = PostgresSide.quote(tenant.userKey());
        String theUser = "(select " + userKey + " from " + pg.qualified(tenant.usersTable()) + " where " + userKey
                + "::text = ?)";
        List<String> id = List.of(tenant.userId());
        switch (scope) {
            case "user" -> {
                return Selection.where("user", userKey + " = " + theUser, id);
            }
            case "per_user" -> {
                if (hasOwner) {
                    return Selection.where("per_user", owner + " = " + theUser, id);
                }
            }
            case "owned" -> {
                if (hasOwner) {
                    return Selection.where(
                            "owned (and NULL-owner shared rows)",
                            "(" + owner + " = " + theUser + " or " + owner + " is null)",
                            id);
                }
            }
            case "shared" -> {
                return Selection.ALL;
            }
            default -> {
                // via_fk and tables without an owner column: below
            }
        }
        if (!hasKey) {
            notes.add("no key to find the user's rows of \"" + sideTable + "\" on "
                    + side.endpoint().describe() + ": every row compared");
            return Selection.ALL;
        }
        return Selection.byKeys("rows with the keys of the other side (" + scope + ")");
    }
}
