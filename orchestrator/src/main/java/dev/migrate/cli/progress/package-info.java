/**
 * Progress of long steps: bars (rows done of total, rows/s) on a terminal, plain log lines when
 * the output goes to a file or a pipe.
 */
package dev.migrate.cli.progress;
