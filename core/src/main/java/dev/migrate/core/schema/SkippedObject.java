package dev.migrate.core.schema;

/**
 * Something recorded but not migrated, named in the output so nothing disappears silently.
 *
 * @param kind {@code view}, {@code trigger}, {@code function}, {@code check}, {@code index},
 *     {@code default}, {@code column}...
 * @param name the object's name, qualified with its table where it has one ({@code orders.trg_x})
 * @param reason why it is not migrated
 * @param definition the source definition text, or null
 */
public record SkippedObject(String kind, String name, String reason, String definition) {}
