package dev.migrate.exportpg;

/** How a table's rows are chosen in a tenant export; {@link #manifestName()} is what the manifest records. */
enum TenantScope {
    /** The users table: the user's own row. */
    USER("user"),
    /** Has the owner column: the user's rows plus NULL-owner (shared) rows. */
    OWNED("owned"),
    /** Has the owner column as its primary key or a unique key: the user's one row (plus NULL-owner rows). */
    PER_USER("per_user"),
    /** No owner column, but foreign keys lead to scoped tables: rows that reference the user's rows, or only shared ones. */
    VIA_FK("via_fk"),
    /** No foreign-key path to the users table: exported whole. */
    SHARED("shared");

    private final String manifestName;

    TenantScope(String manifestName) {
        this.manifestName = manifestName;
    }

    String manifestName() {
        return manifestName;
    }
}
