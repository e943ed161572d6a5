/**
 * Run statistics as plain data: {@link dev.migrate.core.report.TableStats} per table and {@link
 * dev.migrate.core.report.RunStats} per run. Steps return them; the command line renders them as
 * the end-of-run summary table and as JSON ({@code --summary FILE}) — two views of one object.
 */
package dev.migrate.core.report;
