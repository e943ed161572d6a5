/**
 * Reading a SQLite catalog: the table-valued PRAGMA functions (queries kept as {@code .sql}
 * resources beside the code, names always bound as parameters) and a small tokenizer for the
 * facts only the CREATE TABLE text holds (AUTOINCREMENT, CHECKs, enum labels, generated
 * expressions, constraint names).
 */
package dev.migrate.exportsqlite.catalog;
