/**
 * One class per subcommand of {@code migrate}: its options and help, how it turns them into the
 * step's options record, and how it renders the step's result.
 */
package dev.migrate.cli.commands;
