package dev.migrate.exportpg;

/** A table's identity across schemas. */
record TableKey(String schema, String name) {
    static TableKey of(SourceTable t) {
        return new TableKey(t.schemaName(), t.name());
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
