/**
 * One adapter per step module: builds the step's options record from resolved settings, runs the
 * step with progress shown, and turns its result into a {@link dev.migrate.cli.report.StepReport}.
 * The subcommands, the {@code migrate} orchestrator and {@code demo} all run steps through these.
 */
package dev.migrate.cli.steps;
