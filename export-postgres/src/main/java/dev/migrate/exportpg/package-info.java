/**
 * {@code export-postgres}: PostgreSQL (a whole database, or one user's part of it) to a staging
 * directory. Entry point {@link dev.migrate.exportpg.PostgresExporter}, options {@link
 * dev.migrate.exportpg.ExportPostgresOptions} (+ {@link dev.migrate.exportpg.TenantOptions}),
 * result {@link dev.migrate.exportpg.ExportResult}.
 *
 * <h2>Reading</h2>
 *
 * One connection, one {@code REPEATABLE READ READ ONLY} transaction for the catalog and every
 * table, with the session set to {@code TimeZone=UTC}, {@code DateStyle=ISO}, {@code
 * IntervalStyle=iso_8601}, {@code extra_float_digits=3}, {@code bytea_output=hex} and {@code
 * row_security=off} (a table whose policies would hide rows from this role fails the export
 * instead of silently losing rows). The exported tables are locked in ACCESS SHARE mode so
 * nobody drops or rewrites them mid-export; writers are not blocked. Each table streams through a
 * cursor (autocommit off, fetch size lowered for wide rows) into its staging file. Catalog
 * queries live in {@code *.sql} resources beside these classes; every identifier is quoted by
 * {@link dev.migrate.core.sql.PostgresDialect}, every value is a bound parameter.
 *
 * <h2>Tenant collapse ({@code --user-email})</h2>
 *
 * Rows are chosen per table from the schema alone (no table list is hard-coded). Each table gets
 * two SQL conditions over its own columns: <b>mine</b> (the row belongs to the user) and
 * <b>shared</b> (it belongs to nobody). Its exported rows are {@code mine OR shared}. The scope
 * recorded in the manifest's {@code TenantFilter.tableScopes}:
 *
 * <ol>
 *   <li>{@code user} — the users table: mine = {@code key = the user}, shared = nothing.
 *   <li>{@code owned} — any other table with the owner column ({@code user_id}): mine = {@code
 *       owner = the user}, shared = {@code owner IS NULL}. The owner column is authoritative: a
 *       row owned by bob is bob's whatever else it references.
 *   <li>{@code per_user} — an owned table whose primary key or a unique key is the owner column
 *       alone (one row per user, like {@code user_preferences}); same conditions.
 *   <li>{@code via_fk} — no owner column, but at least one foreign key leads (directly or
 *       through other such tables) to a table of the scopes above, e.g. {@code birth_data →
 *       clients}, {@code chart_interpretations → charts}. Its foreign keys to scoped tables are
 *       split into <i>owning</i> keys — those with {@code ON DELETE CASCADE} (the row is part of
 *       its parent); if none, those whose columns are all NOT NULL (the row cannot exist without
 *       its parent); if none, all of them; never a self-reference — and plain <i>references</i>
 *       (e.g. {@code chart_interpretations.interpretation_id}, nullable, {@code SET NULL}). Then:
 *       <ul>
 *         <li>mine = some owning key points at one of the user's rows ({@code (fk cols) IN
 *             (SELECT key cols FROM parent WHERE mine(parent))}) and no owning key points at
 *             another user's row (each is NULL or {@code IN} the parent's exported rows);
 *         <li>shared = every owning key is NULL or points at a shared row, and every other
 *             reference to a scoped table is NULL or points at a row this export holds (a
 *             shared row that refers to another user's row is left out, not exported with a
 *             dangling reference).
 *       </ul>
 *       So alice's chart interpretation that cites bob's custom interpretation is alice's (owned
 *       through its chart) and the citation is a dangling reference; it never lands in bob's
 *       export. A row whose owning keys lead to two users (a link row such as a chart shared
 *       with another user) is exported to neither and reported ("owned by two users, not
 *       exported"). The conditions are composed recursively as nested {@code IN (SELECT ...)}
 *       subqueries with the user's key bound as a parameter. Cycles (a self-reference, or tables
 *       that reference each other) are unrolled once: a table may appear twice on the chain
 *       being expanded (once when that makes a filter too long); beyond that a reference
 *       confers no ownership and, for <i>shared</i>, only {@code NULL} counts — the conservative
 *       choice (such a row may be left out; another user's row never gets in).
 *   <li>{@code shared} — no foreign-key path to the users table: exported whole. This includes
 *       tables that scoped rows merely <i>reference</i> (a lookup or cache table such as {@code
 *       location_cache}); the table's note names who references it. A table whose rows are
 *       private but that carries neither an owner column nor a foreign key to owned rows cannot
 *       be told apart from such a lookup table: give it one, or leave it out with {@code
 *       --exclude-table}.
 * </ol>
 *
 * Foreign keys are followed through every table of the chosen schemas, including those left
 * out with {@code --exclude-table}. <b>Dangling references:</b> when an exported row's foreign key
 * points at a row this export leaves out (in practice another user's row, such as alice's chart
 * interpretation citing bob's custom interpretation), the row is exported with its value
 * unchanged, the referenced row is not, and the reference is reported in {@code
 * TenantFilter.danglingReferences} and the warnings, one line each: {@code table key: column ->
 * referenced_table key (not in this export)}. An importer that enforces foreign keys must null
 * or drop those references.
 *
 * <p>The user is looked up by exact email, then case-insensitively; no match fails with {@code
 * user not found: EMAIL} and an email matching several users fails too, both before the staging
 * directory is created.
 */
package dev.migrate.exportpg;
