package dev.migrate.cli;

import dev.migrate.core.config.ConfigKey;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --summary FILE}: the end-of-run summary table, also written as JSON. A picocli mixin. */
public final class SummaryOption implements SettingsOptions {

    @Option(
            names = "--summary",
            paramLabel = "FILE",
            description = "Also write the end-of-run summary (per table and per phase: rows, bytes, "
                    + "seconds) as JSON to FILE.")
    Path summaryFile;

    /** The file to write, or null. */
    public Path file() {
        return summaryFile;
    }

    @Override
    public void applyTo(Settings settings) {
        settings.flag(ConfigKey.SUMMARY, summaryFile);
    }
}
