/**
 * Value profiling: what every column of a SQLite table actually holds, and the rule that turns
 * that into a staging type. A {@link dev.migrate.exportsqlite.profile.ColumnProfile} observes
 * each value as a {@link dev.migrate.core.canonical.SqliteCell} (storage class + exact value),
 * feeds the {@link dev.migrate.exportsqlite.profile.Reading}s its declared type allows, and
 * decides: the declared meaning when every value fits, else a wider reading the declared type
 * allows, else the narrowest type that holds every value exactly. Each decision carries a note
 * naming the rule and the first offending row. Converting a value once its column is decided is
 * not done here but by core's {@link dev.migrate.core.canonical.SqliteValues#convert}, the
 * conversion the validator repeats when it compares the export with its source.
 */
package dev.migrate.exportsqlite.profile;
