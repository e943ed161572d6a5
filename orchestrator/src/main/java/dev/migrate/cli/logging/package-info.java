/**
 * Logging for the command line: logback set up once per run from {@code --verbose} and {@code
 * --log-file}, a console appender that writes to the CLI's error stream, and converters that
 * pass every message and stack trace through core's {@link dev.migrate.core.config.Redactor}
 * so no password reaches the console or a log file.
 */
package dev.migrate.cli.logging;
