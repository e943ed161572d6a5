/**
 * The {@code migrate} command line: the only room of the suite that knows about argv, the
 * console, logging setup and exit codes. Step modules return results; the classes here turn
 * options into the steps' option records, run them and render what they return.
 *
 * <p>Entry points: {@link dev.migrate.cli.Migrate#main} for the launcher and {@link
 * dev.migrate.cli.Migrate#commandLine} for tests that run the real CLI in-process.
 */
package dev.migrate.cli;
