/**
 * The end-of-run summary: one {@link dev.migrate.cli.report.RunSummary} built from the steps'
 * statistics ({@link dev.migrate.core.report.RunStats}), rendered as a table on stdout and as
 * JSON with {@code --summary FILE}: two views of one object.
 */
package dev.migrate.cli.report;
