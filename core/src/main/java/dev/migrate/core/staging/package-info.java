/**
 * The staging directory: {@code manifest.json} plus one JSON file per table, specified in
 * {@code docs/staging-format.md}. {@link dev.migrate.core.staging.StagingWriter} streams table
 * files and writes the manifest last and atomically; {@link dev.migrate.core.staging.StagingReader}
 * verifies everything before any row is handed to an importer.
 */
package dev.migrate.core.staging;
