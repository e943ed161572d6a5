package dev.migrate.exportsqlite.profile;

import dev.migrate.core.types.StagingType;

/**
 * What the profile decided for one column.
 *
 * @param type the staging type its values are written as
 * @param reading converts each value to that type's canonical value
 * @param note why the type is what it is when that is not simply the declared type's meaning
 *     (profiling findings, the rule applied, the first offending row), or null
 * @param warning whether the note deserves a warning in the run's output (the declared type did
 *     not fit the values, or values were normalised in ways the user should know about)
 */
public record ColumnDecision(StagingType type, Reading reading, String note, boolean warning) {}
