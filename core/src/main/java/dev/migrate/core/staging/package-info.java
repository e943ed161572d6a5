/**
 * The staging directory: {@code manifest.json} plus one JSON file per table, specified in
 * {@code docs/staging-format.md}. {@link dev.migrate.core.staging.StagingWriter} streams table
 * files and writes the manifest last and atomically; {@link dev.migrate.core.staging.StagingReader}
 * verifies everything before any row is handed out ({@code open}), or, for importers that change
 * their target only at the end, checks the cheap part up front and has each {@link
 * dev.migrate.core.staging.TableReader} verify its file's SHA-256 and row count as it reads it
 * ({@code openForStreaming}).
 */
package dev.migrate.core.staging;
