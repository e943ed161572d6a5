package dev.migrate.cli;

import dev.migrate.core.config.ConfigKey;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --export-dir}: the staging directory a step writes or reads. A picocli mixin. */
public final class ExportDirOption implements SettingsOptions {

    /** Used when neither the flag, the environment nor the configuration file names one. */
    public static final String DEFAULT = "migration_data";

    @Option(
            names = "--export-dir",
            paramLabel = "DIR",
            description = "Staging directory: manifest.json plus one JSON file per table (default: " + DEFAULT + ").")
    Path exportDir;

    /** The directory given on the command line, or null when not given. */
    public Path given() {
        return exportDir;
    }

    @Override
    public void applyTo(Settings settings) {
        settings.flag(ConfigKey.EXPORT_DIR, exportDir);
    }
}
