package dev.migrate.core.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a column generates its values, with the generator's position so the target never reuses
 * an id.
 *
 * @param kind {@code identity_always}, {@code identity_by_default}, {@code serial} (a sequence
 *     default), {@code autoincrement} (SQLite AUTOINCREMENT) or {@code rowid} (SQLite INTEGER
 *     PRIMARY KEY without AUTOINCREMENT)
 * @param sequenceName the PostgreSQL sequence name, or null
 * @param lastValue the last value handed out (PostgreSQL {@code last_value} when {@code is_called},
 *     SQLite {@code sqlite_sequence.seq}), or null when none was ever handed out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Identity(String kind, String sequenceName, Long lastValue) {}
