package dev.migrate.exportsqlite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to export and where: built once by the command line.
 *
 * @param source the SQLite file (opened read-only; never written)
 * @param exportDir the staging directory to write (created owner-only; an earlier export in it is
 *     replaced)
 * @param includeTables glob patterns ({@code *}, {@code ?}, {@code [abc]}; case-insensitive like
 *     SQLite names) of the tables to export; empty means all
 * @param excludeTables glob patterns of tables to leave out, applied after {@code includeTables}
 * @param busyTimeout how long to keep retrying while another connection holds a lock
 *     ({@code SQLITE_BUSY}) before giving up with one clear line
 * @param toolVersion the suite's version, recorded in the manifest
 */
public record ExportSqliteOptions(
        Path source,
        Path exportDir,
        List<String> includeTables,
        List<String> excludeTables,
        Duration busyTimeout,
        String toolVersion) {

    /** Used when no busy timeout is given. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    public ExportSqliteOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(exportDir, "exportDir");
        includeTables = includeTables == null ? List.of() : List.copyOf(includeTables);
        excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
        busyTimeout = busyTimeout == null ? DEFAULT_BUSY_TIMEOUT : busyTimeout;
        if (busyTimeout.isNegative()) {
            throw new IllegalArgumentException("busyTimeout must not be negative");
        }
        toolVersion = toolVersion == null ? "unknown" : toolVersion;
    }

    /** All tables, default busy timeout. */
    public static ExportSqliteOptions of(Path source, Path exportDir, String toolVersion) {
        return new ExportSqliteOptions(source, exportDir, List.of(), List.of(), DEFAULT_BUSY_TIMEOUT, toolVersion);
    }

    public ExportSqliteOptions withTables(List<String> include, List<String> exclude) {
        return new ExportSqliteOptions(source, exportDir, include, exclude, busyTimeout, toolVersion);
    }

    public ExportSqliteOptions withBusyTimeout(Duration timeout) {
        return new ExportSqliteOptions(source, exportDir, includeTables, excludeTables, timeout, toolVersion);
    }
}
