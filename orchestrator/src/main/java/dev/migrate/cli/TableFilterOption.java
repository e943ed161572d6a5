package dev.migrate.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --include-table} / {@code --exclude-table}: which tables an export reads. A picocli mixin. */
public final class TableFilterOption {

    @Option(
            names = "--include-table",
            paramLabel = "GLOB",
            split = ",",
            description = "Export only tables matching GLOB (repeatable; * and ? wildcards).")
    List<String> includeTables;

    @Option(
            names = "--exclude-table",
            paramLabel = "GLOB",
            split = ",",
            description = "Skip tables matching GLOB (repeatable; applied after --include-table).")
    List<String> excludeTables;

    /** The include globs, or null when none were given. */
    public List<String> includes() {
        return includeTables;
    }

    /** The exclude globs, or null when none were given. */
    public List<String> excludes() {
        return excludeTables;
    }
}
