/**
 * The schema snapshot an exporter records in the manifest and an importer builds from: tables in
 * dependency order, columns with source and staging types, keys, indexes, sequences, enums, and
 * the objects that are recorded but not migrated. Plain immutable records, serialised by Jackson.
 */
package dev.migrate.core.schema;
