package dev.migrate.validate;

import java.util.List;

/**
 * Which rows of a table one side contributes.
 *
 * @param label how the report names it ({@code all}, {@code user}, {@code owned}, ...)
 * @param where a PostgreSQL condition with {@code ?} placeholders, or null for every row
 * @param parameters the values bound to the placeholders, in order
 * @param byOtherSideKeys true when the rows are those whose keys the other side holds (looked up
 *     in batches), for tables whose tenant scope cannot be re-derived independently
 */
record Selection(String label, String where, List<String> parameters, boolean byOtherSideKeys) {

    static final Selection ALL = new Selection("all", null, List.of(), false);

    static Selection where(String label, String where, List<String> parameters) {
        return new Selection(label, where, List.copyOf(parameters), false);
    }

    static Selection byKeys(String label) {
        return new Selection(label, null, List.of(), true);
    }
}
