package dev.migrate.cli;

/**
 * A picocli mixin whose options are also configuration keys: it puts what was given on the
 * command line into a command's {@link Settings} (flags override environment and config file).
 */
public interface SettingsOptions {

    /** Adds the options given on the command line to the settings; options not given add nothing. */
    void applyTo(Settings settings);
}
