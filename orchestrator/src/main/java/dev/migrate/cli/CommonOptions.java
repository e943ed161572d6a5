package dev.migrate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: logging and the configuration file. A picocli mixin. */
public final class CommonOptions {

    @Option(
            names = {"-v", "--verbose"},
            description = "Show debug messages, and stack traces of errors.")
    boolean verbose;

    @Option(
            names = "--log-file",
            paramLabel = "FILE",
            description = "Also write a detailed log (debug level, timestamps) to FILE; appends.")
    Path logFile;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file (Java properties: from, to, sqlite_path, export_dir, user_email, "
                    + "...). Default: $MIGRATE_CONFIG, else ./migrate.properties, else "
                    + "~/.config/migrate/config.properties, when present. Flags override environment "
                    + "variables, which override the file.")
    Path configFile;

    public boolean verbose() {
        return verbose;
    }

    public Path logFile() {
        return logFile;
    }

    public Path configFile() {
        return configFile;
    }
}
