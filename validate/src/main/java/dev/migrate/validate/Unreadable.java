package dev.migrate.validate;

/**
 * Stands in a row for a stored value that has no canonical form for its staging type (a bad date
 * in a SQLite DATE column, say). It hashes differently from every real value, so the row cannot
 * match, and the comparison reports the message.
 */
record Unreadable(String message) {}
